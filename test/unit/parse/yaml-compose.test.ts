import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type ObjectNode, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { get, getPath } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');

function parse(text: string): ParsedFile {
	const file = createYamlParser('compose').parse({ path: 'compose.yaml', text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function at(file: ParsedFile, span: Span | undefined): string {
	assert.ok(span, 'no span');
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

function asObject(node: ValueNode | undefined): ObjectNode {
	assert.equal(node?.kind, 'object', `expected an object, got ${node?.kind}`);
	return node;
}

describe('YAML parser: Docker Compose files', () => {
	const file = parse(readFileSync(path.join(FIXTURES, 'compose-anchors.yaml'), 'utf8'));
	const root = asObject(file.roots[0]);
	const service = (name: string): ObjectNode => {
		const found = file.resources.find(resource => resource.name === name);
		assert.ok(found, name);
		return found.body;
	};

	it('lists each service as a compose:service resource', () => {
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, at(file, resource.headerSpan), at(file, resource.span)]), [
			['compose:service', 'api', '17:2-17:5', '17:2-25:28'],
			['compose:service', 'worker', '26:2-26:8', '26:2-35:23'],
			['compose:service', 'cache', '36:2-36:7', '36:2-39:15'],
		]);
		assert.equal(file.resources[0].body, get(get(root, 'services'), 'api'));
		assert.deepEqual(file.notes, []);
	});

	it('merges <<: *anchor entries; keys written in the service win', () => {
		const api = service('api');
		assert.deepEqual(api.entries.map(entry => entry.key), ['restart', 'logging', 'image', 'ports', 'environment']);
		// The service's own environment replaces the shared one as a whole, as in YAML.
		assert.deepEqual(asObject(get(api, 'environment')).entries.map(entry => entry.key), ['DB_PASSWORD', 'GREETING']);
		assert.equal(asString(get(api, 'restart')).value, 'unless-stopped');
		const cache = service('cache');
		// The `<<` comes last here, and still does not override the service's own restart policy.
		assert.deepEqual(cache.entries.map(entry => [entry.key, at(file, entry.span)]), [
			['image', '37:4-37:18'],
			['restart', '38:4-38:19'],
			['logging', '8:2-8:19'],
			['environment', '9:2-10:11'],
		]);
	});

	it('merges a list of anchors, the first one to name a key winning', () => {
		const worker = service('worker');
		assert.deepEqual(worker.entries.map(entry => entry.key), ['restart', 'user', 'logging', 'environment', 'image', 'entrypoint', 'command']);
		assert.equal(asString(get(worker, 'restart')).value, 'on-failure');
		assert.equal(at(file, get(worker, 'restart')?.span), '13:11-13:21');
	});

	it('resolves an alias to the anchored node itself, located where it is written once', () => {
		const logging = get(root, 'x-logging');
		assert.equal(getPath(root, 'x-common', 'logging'), logging);
		assert.equal(get(service('api'), 'logging'), logging);
		assert.equal(get(service('worker'), 'environment'), getPath(root, 'x-common', 'environment'));
		assert.equal(at(file, getPath(service('cache'), 'logging', 'options', 'max-size')?.span), '4:14-4:19');
	});

	it('marks values with ${VAR} or $VAR interpolation as not literal; $$ is a plain dollar', () => {
		const api = service('api');
		assert.equal(asString(get(api, 'image')).isLiteral, false);
		assert.equal(asString(getPath(api, 'environment', 'DB_PASSWORD')).isLiteral, false);
		assert.equal(asString(getPath(api, 'environment', 'GREETING')).isLiteral, true);
		assert.equal(asString(get(service('worker'), 'image')).isLiteral, true);
		const dollars = parse('services:\n  a:\n    command: echo $HOME\n    entrypoint: echo $$HOME costs $5\n');
		assert.equal(asString(getPath(dollars.roots[0], 'services', 'a', 'command')).isLiteral, false);
		assert.equal(asString(getPath(dollars.roots[0], 'services', 'a', 'entrypoint')).isLiteral, true);
	});

	it('reads YAML 1.2 as Compose does: an unquoted 22:22 port mapping stays a string', () => {
		const ports = get(service('api'), 'ports');
		assert.ok(ports?.kind === 'array');
		assert.deepEqual(ports.items.map(port => [asString(port).value, at(file, port.span)]), [['8080:8080', '21:8-21:19'], ['22:22', '22:8-22:13']]);
	});

	it('maps a folded block scalar line by line', () => {
		const command = get(service('worker'), 'command');
		assert.ok(command?.kind === 'array');
		const folded = asString(command.items[0]);
		assert.equal(folded.value, 'python -m worker --queue jobs\n--concurrency 4');
		assert.equal(at(file, folded.span), '31:8-35:23');
		const locate = (needle: string): string => {
			const index = folded.value.indexOf(needle);
			return at(file, sourceSpan(folded, index, index + needle.length));
		};
		assert.equal(locate('--queue jobs'), '33:8-33:20');
		assert.equal(locate('--concurrency 4'), '35:8-35:23');
		// A space the folding made points at the line break it replaced.
		assert.equal(locate(' --queue'), '32:24-33:15');
		assert.equal(locate('worker --queue'), '32:18-33:15');
	});

	it('keeps a quoted "<<" as a key, and a merge of something other than a map as it is', () => {
		const odd = parse('base: &base 1\nservices:\n  a:\n    "<<": *base\n  b:\n    <<: *base\n    image: x\n');
		assert.deepEqual(file.comments.map(comment => comment.text), [' Local development stack']);
		const services = get(odd.roots[0], 'services');
		assert.deepEqual(asObject(get(services, 'a')).entries.map(entry => entry.key), ['<<']);
		assert.deepEqual(asObject(get(services, 'b')).entries.map(entry => entry.key), ['<<', 'image']);
		assert.deepEqual(get(get(services, 'b'), '<<'), { kind: 'number', span: { start: 12, end: 13 }, value: 1 });
	});

	it('gives a service that is still being typed an empty body', () => {
		const typing = parse('services:\n  web:\n    image: nginx\n  db:\n');
		assert.deepEqual(typing.resources.map(resource => [resource.name, resource.body.entries.length, at(typing, resource.body.span)]), [
			['web', 1, '2:4-2:16'],
			['db', 0, '3:5-3:5'],
		]);
	});
});
