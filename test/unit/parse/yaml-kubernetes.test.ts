import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type ObjectNode, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { getPath, scriptValues } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');
const parser = createYamlParser('kubernetes');

function parse(text: string): ParsedFile {
	const file = parser.parse({ path: 'manifest.yaml', text });
	assert.ok(!(file instanceof Promise), 'the YAML parser answers synchronously');
	return file;
}

function fixture(name: string): string {
	return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** `line:character-line:character`, 0-based, to pin spans without counting offsets by hand. */
function at(file: ParsedFile, span: Span): string {
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

const NOWHERE: Span = { start: 0, end: 0 };

function item(node: ValueNode | undefined, index: number): ValueNode {
	assert.equal(node?.kind, 'array', `expected an array, got ${node?.kind}`);
	return node.items[index];
}

function asObject(node: ValueNode | undefined): ObjectNode {
	assert.equal(node?.kind, 'object', `expected an object, got ${node?.kind}`);
	return node;
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

/** Where `needle` (its first occurrence in the decoded value) sits in the source. */
function find(file: ParsedFile, node: StringNode, needle: string): string {
	const index = node.value.indexOf(needle);
	assert.ok(index >= 0, `${needle} not in ${node.value}`);
	return at(file, sourceSpan(node, index, index + needle.length));
}

describe('YAML parser: Kubernetes manifests', () => {
	const file = parse(fixture('k8s-workloads.yaml'));
	const [deployment, service, cronJob] = file.roots;

	it('reads every document of the stream as one root each', () => {
		assert.equal(file.format, 'kubernetes');
		assert.deepEqual(file.roots.map(root => root.kind), ['object', 'object', 'object']);
		assert.equal(at(file, deployment.span), '1:0-31:29');
		assert.equal(at(file, service.span), '33:0-43:22');
		assert.deepEqual(file.notes, []);
	});

	it('lists each object as a resource: kind, metadata.name, the kind value as header, the document as body', () => {
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, at(file, resource.headerSpan), at(file, resource.span)]), [
			['Deployment', 'storefront', '2:6-2:16', '1:0-31:29'],
			['Service', 'storefront', '34:6-34:13', '33:0-43:22'],
			['CronJob', 'nightly-report', '47:6-47:13', '46:0-67:63'],
		]);
		assert.equal(file.resources[0].body, deployment);
		assert.equal(file.resources[2].body, cronJob);
	});

	it('locates keys, entries and values, and resolves scalars to their YAML 1.1 types', () => {
		const web = asObject(item(getPath(deployment, 'spec', 'template', 'spec', 'containers'), 0));
		const image = web.entries.find(entry => entry.key === 'image');
		assert.ok(image);
		assert.equal(at(file, image.keySpan), '23:10-23:15');
		assert.equal(at(file, image.span), '23:10-23:59');
		assert.equal(asString(image.value).value, 'registry.example.com/shop/storefront:4.2.1');
		assert.equal(at(file, getPath(web, 'ports')?.span ?? NOWHERE), '25:12-25:33');
		assert.deepEqual(getPath(item(getPath(web, 'ports'), 0), 'containerPort'), { kind: 'number', span: spanOf(file, '25:29-25:33'), value: 8080 });
		assert.deepEqual(getPath(web, 'securityContext', 'privileged'), { kind: 'boolean', span: spanOf(file, '30:24-30:29'), value: false });
		// Kubernetes reads YAML 1.1 (go-yaml v2): `yes` is true.
		assert.deepEqual(getPath(web, 'securityContext', 'runAsNonRoot'), { kind: 'boolean', span: spanOf(file, '31:26-31:29'), value: true });
		assert.equal(getPath(deployment, 'spec', 'replicas')?.kind, 'number');
		// A flow map spans its braces; a block map ends with its last value, not the line break after it.
		assert.equal(at(file, getPath(deployment, 'spec', 'selector', 'matchLabels')?.span ?? NOWHERE), '11:17-11:34');
		assert.equal(at(file, getPath(deployment, 'metadata')?.span ?? NOWHERE), '4:2-7:19');
	});

	it('maps a block scalar line by line, indentation stripped, so a rule can point at one command', () => {
		const script = scriptValues(file).map(ref => ref.node).find(node => node.value.startsWith('set -eu'));
		assert.ok(script);
		assert.equal(script.value, 'set -eu\npip install --quiet reportlab\n  python /app/report.py --date "$(date +%F)"\ncurl -fsS https://hooks.example.com/done | sh\n');
		assert.equal(at(file, script.span), '63:18-67:63');
		assert.equal(find(file, script, 'curl -fsS https://hooks.example.com/done | sh'), '67:18-67:63');
		assert.equal(find(file, script, 'pip install'), '65:18-65:29');
		// More-indented lines keep their extra spaces, which point at the source too.
		assert.equal(find(file, script, '  python'), '66:18-66:26');
		assert.deepEqual(script.map.segments.map(segment => file.text.slice(segment.sourceStart, segment.sourceStart + segment.length)), [
			'set -eu', 'pip install --quiet reportlab', '  python /app/report.py --date "$(date +%F)"', 'curl -fsS https://hooks.example.com/done | sh',
		]);
	});

	it('decodes escapes and doubled quotes, mapping what is verbatim exactly', () => {
		const line = asString(item(getPath(item(getPath(deployment, 'spec', 'template', 'spec', 'initContainers'), 0), 'command'), 2));
		assert.equal(line.value, 'wget -qO- http://cache.shop.svc/warm\tdone');
		assert.equal(at(file, line.span), '20:32-20:76');
		assert.equal(find(file, line, 'done'), '20:71-20:75');
		// The tab that `\t` stands for covers the escape.
		assert.equal(find(file, line, '\t'), '20:69-20:71');
		const web = item(getPath(deployment, 'spec', 'template', 'spec', 'containers'), 0);
		const level = asString(getPath(item(getPath(web, 'env'), 0), 'value'));
		assert.equal(level.value, 'info \'verbose\'');
		assert.equal(at(file, level.span), '28:21-28:39');
		assert.equal(find(file, level, 'verbose\''), '28:29-28:37');
	});

	it('keeps every comment with its span, without the marker', () => {
		assert.deepEqual(file.comments.map(comment => [comment.text, at(file, comment.span)]), [
			[' Storefront workloads, generated by platform-gen 2.4', '0:0-0:53'],
			[' served by the Service below', '25:34-25:63'],
			[' Nightly report', '45:0-45:16'],
		]);
	});

	it('lists the items of a List as resources too, and skips documents without a kind', () => {
		const list = parse([
			'apiVersion: v1',
			'kind: List',
			'items:',
			'  - apiVersion: v1',
			'    kind: ConfigMap',
			'    metadata: {name: settings}',
			'  - kind: Secret',
			'    metadata:',
			'      generateName: token-',
			'      creationTimestamp: 2024-05-01T10:00:00Z',
			'    stringData:',
			'      run.sh: | # the script below',
			'        echo hi',
			'---',
			'# only a comment',
			'---',
			'just: data',
			'',
		].join('\n'));
		assert.deepEqual(list.resources.map(resource => [resource.type, resource.name, at(list, resource.headerSpan)]), [
			['List', '', '1:6-1:10'],
			['ConfigMap', 'settings', '4:10-4:19'],
			['Secret', '', '6:10-6:16'],
		]);
		assert.deepEqual(list.roots.map(root => root.kind), ['object', 'null', 'object']);
		// A YAML 1.1 timestamp stays the text it is written as; a comment after a block header is kept.
		const secret = list.resources[2].body;
		assert.equal(asString(getPath(secret, 'metadata', 'creationTimestamp')).value, '2024-05-01T10:00:00Z');
		assert.equal(asString(getPath(secret, 'stringData', 'run.sh')).value, 'echo hi\n');
		assert.deepEqual(list.comments.map(comment => [comment.text, at(list, comment.span)]), [[' the script below', '11:16-11:34'], [' only a comment', '14:0-14:16']]);
	});
});

/** The offsets of a `line:character-line:character` range, for deepEqual on whole nodes. */
function spanOf(file: ParsedFile, range: string): Span {
	const [start, end] = range.split('-').map(position => {
		const [line, character] = position.split(':').map(Number);
		return file.lines.offsetAt({ line, character });
	});
	return { start, end };
}
