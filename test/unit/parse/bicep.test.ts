import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type ExpressionNode, type ObjectNode, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { get, getPath, scriptValues } from '../../../src/engine/model/query';
import { createBicepParser } from '../../../src/engine/parse/bicep/index';
import { createNodeHost } from '../../../src/platform/node-host';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/bicep');
const parser = createBicepParser(createNodeHost());

function parse(text: string): Promise<ParsedFile> {
	return Promise.resolve(parser.parse({ path: 'main.bicep', text }));
}

function fixture(name: string): Promise<ParsedFile> {
	return parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

function textOf(file: ParsedFile, span: { start: number; end: number }): string {
	return file.text.slice(span.start, span.end);
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${JSON.stringify(node)}`);
	return node;
}

function asExpression(node: ValueNode | undefined): ExpressionNode {
	assert.equal(node?.kind, 'expression', `expected an expression, got ${node?.kind}`);
	return node;
}

function rootOf(file: ParsedFile): ObjectNode {
	const root = file.roots[0];
	assert.equal(root.kind, 'object');
	return root;
}

describe('Bicep parser', () => {
	it('reads resources with their type, symbolic name, header and ARM-shaped body', async () => {
		const file = await fixture('nsg-open-rdp.bicep');
		assert.deepEqual(file.resources.map(r => [r.type, r.name]), [
			['Microsoft.Network/networkSecurityGroups', 'nsg'],
			['Microsoft.Network/networkSecurityGroups/securityRules', 'ssh'],
		]);
		const [nsg, ssh] = file.resources;
		assert.equal(textOf(file, nsg.headerSpan), '\'Microsoft.Network/networkSecurityGroups@2023-04-01\'');
		assert.ok(textOf(file, nsg.span).startsWith('resource nsg '));
		assert.ok(textOf(file, nsg.span).endsWith('}\n}'));
		assert.equal(textOf(file, ssh.headerSpan), '\'securityRules\'');
		const rules = getPath(nsg.body, 'properties', 'securityRules');
		assert.equal(rules?.kind, 'array');
		const source = asString(getPath(rules.items[0], 'properties', 'sourceAddressPrefix'));
		assert.equal(source.value, '*');
		assert.equal(file.text.slice(source.span.start, source.span.end), '\'*\'');
		assert.deepEqual(getPath(rules.items[0], 'properties', 'priority'), { kind: 'number', span: spanOfWord(file, 'priority: 100', '100'), value: 100 });
		// The child sits in its parent's body as ARM nests it.
		assert.equal(get(nsg.body, 'resources'), ssh.body);
	});

	it('reads params and vars with literal defaults, and references as expressions', async () => {
		const file = await parse([
			'param vmSize string = \'Standard_B2s\'',
			'param count int = -2',
			'param enabled bool = false',
			'param tags object = { env: \'dev\', owner: null }',
			'param zones array = [ \'1\'\n  \'2\' ]',
			'param location string',
			'var name = \'vm-${vmSize}\'',
			'var loc = location',
		].join('\n'));
		const root = rootOf(file);
		assert.deepEqual(root.entries.map(entry => entry.key), ['vmSize', 'count', 'enabled', 'tags', 'zones', 'name', 'loc']);
		assert.equal(asString(get(root, 'vmSize')).value, 'Standard_B2s');
		assert.deepEqual(get(root, 'count'), { kind: 'number', span: spanOfWord(file, '= -2', '-2'), value: -2 });
		assert.deepEqual(get(root, 'enabled'), { kind: 'boolean', span: spanOfWord(file, '= false', 'false'), value: false });
		assert.equal(getPath(root, 'tags', 'owner')?.kind, 'null');
		const zones = get(root, 'zones');
		assert.ok(zones?.kind === 'array');
		assert.deepEqual(zones.items.map(item => asString(item).value), ['1', '2']);
		const name = asString(get(root, 'name'));
		assert.equal(name.isLiteral, false);
		assert.equal(name.value, 'vm-${vmSize}');
		assert.equal(asExpression(get(root, 'loc')).text, 'location');
	});

	it('decodes escapes and maps each character back to the source', async () => {
		const file = await parse('var s = \'it\\\'s \\u{1F680} \\${x} C:\\\\tmp\'\n');
		const value = asString(get(rootOf(file), 's'));
		assert.equal(value.value, 'it\'s \u{1F680} ${x} C:\\tmp');
		assert.equal(value.isLiteral, true);
		const at = value.value.indexOf('tmp');
		assert.equal(textOf(file, sourceSpan(value, at, at + 3)), 'tmp');
		const escaped = value.value.indexOf('\'');
		// A range over what an escape stands for covers the whole escape.
		assert.equal(textOf(file, sourceSpan(value, escaped, escaped + 1)), '\\\'');
	});

	it('keeps multi-line scripts with exact offsets, the first line break dropped', async () => {
		const file = await fixture('vm-custom-data.bicep');
		const scripts = scriptValues(file);
		assert.deepEqual(scripts.map(ref => ref.key), ['customData', 'commandToExecute']);
		const custom = scripts[0].node;
		assert.ok(custom.value.startsWith('#!/bin/bash\napt-get update -y\n'));
		assert.ok(custom.value.endsWith('systemctl enable --now nginx\n'));
		const line = 'curl -fsSL https://get.example-tools.sh | bash';
		const at = custom.value.indexOf(line);
		const span = sourceSpan(custom, at, at + line.length);
		assert.equal(span.start, file.text.indexOf(line));
		assert.equal(textOf(file, span), line);
		assert.equal(scripts[0].resource?.name, 'vm');
		assert.equal(scripts[1].resource?.type, 'Microsoft.Compute/virtualMachines/extensions');
		// base64(...) is an expression whose literal part is the script.
		const customData = asExpression(getPath(file.resources[0].body, 'properties', 'osProfile', 'customData'));
		assert.ok(customData.text.startsWith('base64(\'\'\''));
		assert.equal(customData.parts[0], custom);
	});

	it('reads a deployment script as a script, with CRLF line ends', async () => {
		const text = readFileSync(path.join(FIXTURES, 'deployment-script.bicep'), 'utf8').replace(/\n/g, '\r\n');
		const file = await parse(text);
		const [script] = scriptValues(file);
		assert.equal(script.key, 'scriptContent');
		assert.ok(script.node.value.startsWith('set -e\r\n'));
		const line = 'curl -sSL https://install.example.io/agent.sh';
		const at = script.node.value.indexOf(line);
		assert.equal(textOf(file, sourceSpan(script.node, at, at + line.length)), line);
	});

	it('keeps literal parts inside calls, conditions and loops', async () => {
		const file = await parse([
			'var a = cond ? base64(loadTextContent(\'scripts/init.sh\')) : \'none\'',
			'var b = [for i in range(0, 3): { name: \'n${i}\', port: 22 }]',
			'resource x \'Microsoft.Storage/storageAccounts@2023-01-01\' = if (deploy) {',
			'  name: \'st\'',
			'}',
			'resource y \'Microsoft.Storage/storageAccounts@2023-01-01\' = [for n in names: {',
			'  name: n',
			'}]',
			'resource z \'Microsoft.Storage/storageAccounts@2023-01-01\' existing = {',
			'  name: \'old\'',
			'}',
		].join('\n'));
		const root = rootOf(file);
		const a = asExpression(get(root, 'a'));
		assert.deepEqual(a.parts.map(part => asString(part).value), ['scripts/init.sh', 'none']);
		const b = asExpression(get(root, 'b'));
		// The loop's range arguments are literal parts too; the body is the last.
		assert.deepEqual(b.parts.map(part => part.kind), ['number', 'number', 'object']);
		// An `existing` resource is a reference, not a declaration to check.
		assert.deepEqual(file.resources.map(r => r.name), ['x', 'y']);
		assert.equal(asExpression(get(root, 'x')).parts[0], file.resources[0].body);
		assert.equal(asString(get(file.resources[0].body, 'name')).value, 'st');
	});

	it('reads comments without their markers', async () => {
		const file = await fixture('suppressed.bicep');
		assert.deepEqual(file.comments.map(c => c.text), [
			'\n  Security team\'s lab network. Reviewed by the platform team.\n',
			' aup-guard-ignore AUP-NET-001: lab jump host, the address range is enforced upstream by Azure Firewall',
		]);
		assert.equal(textOf(file, file.comments[1].span), `//${file.comments[1].text}`);
		assert.deepEqual(file.notes, []);
	});

	it('counts offsets in UTF-16 code units past non-ASCII text', async () => {
		const file = await fixture('non-ascii.bicep');
		const note = asString(getPath(file.resources[0].body, 'tags', 'note'));
		assert.equal(note.value, 'déploiement 🚀 test');
		assert.equal(textOf(file, note.span), '\'déploiement 🚀 test\'');
		const [script] = scriptValues(file);
		const line = 'curl -s http://198.51.100.7/x.sh | bash';
		const at = script.node.value.indexOf(line);
		assert.equal(textOf(file, sourceSpan(script.node, at, at + line.length)), line);
	});

	it('keeps what parsed of a half-typed file, with one note', async () => {
		const file = await fixture('half-typed.bicep');
		assert.equal(file.notes.length, 1);
		assert.equal(textOf(file, file.notes[0].span), 'resource storage \'Microsoft.Storage/storageAccounts@2023-01-01\' = {');
		assert.deepEqual(file.resources.map(r => r.type), ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts']);
		// The resource being typed keeps its finished properties.
		assert.equal(asString(get(file.resources[1].body, 'name')).value, 'stweb');
	});
});

function spanOfWord(file: ParsedFile, context: string, word: string): { start: number; end: number } {
	const start = file.text.indexOf(context) + context.indexOf(word);
	return { start, end: start + word.length };
}

describe('Bicep parser on hostile input', () => {
	it('never throws on truncated fixtures, random bytes or deep nesting', async () => {
		const texts: string[] = [];
		for (const name of ['vm-custom-data.bicep', 'nsg-open-rdp.bicep', 'storage-public.bicep']) {
			const text = readFileSync(path.join(FIXTURES, name), 'utf8');
			for (let cut = 0; cut < text.length; cut += 37) {
				texts.push(text.slice(0, cut));
			}
		}
		let seed = 7;
		const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 20; i++) {
			texts.push(Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(random() * 128))).join(''));
		}
		texts.push(`var deep = ${'['.repeat(20000)}${']'.repeat(20000)}`);
		texts.push(`var deep = ${'{ a: '.repeat(5000)}1${' }'.repeat(5000)}`);
		texts.push(`var sum = ${Array.from({ length: 20000 }, () => '1').join(' + ')}`);
		texts.push(`var s = '''${'x'.repeat(1000)}`);
		for (const text of texts) {
			const file = await parse(text);
			assert.ok(file.notes.length <= 1, `more than one note for ${JSON.stringify(text.slice(0, 60))}`);
			scriptValues(file);
		}
	});
});
