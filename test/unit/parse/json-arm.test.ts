import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { get, getAll, getPath, literalString, objectsIn } from '../../../src/engine/model/query';
import { parseJson } from '../../../src/engine/parse/json/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/json');

function parse(text: string): ParsedFile {
	return parseJson({ path: 'azuredeploy.json', text }, 'arm');
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

describe('JSON parser: ARM templates', () => {
	const file = parse(readFileSync(path.join(FIXTURES, 'azuredeploy.json'), 'utf8'));
	const text = file.text;

	it('lists resources and child resources, with full types, expression names and the type as header', () => {
		assert.deepEqual(file.notes, []);
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, text.slice(resource.headerSpan.start, resource.headerSpan.end)]), [
			['Microsoft.Network/networkSecurityGroups', '[variables(\'nsgName\')]', '"Microsoft.Network/networkSecurityGroups"'],
			['Microsoft.Network/networkSecurityGroups/securityRules', 'allow-ssh', '"securityRules"'],
			['Microsoft.Compute/virtualMachines', '[parameters(\'vmName\')]', '"Microsoft.Compute/virtualMachines"'],
		]);
	});

	it('gives rules the whole resource as body, so an NSG\'s rules read under properties.securityRules', () => {
		const nsg = file.resources[0].body;
		const rules = objectsIn(getAll(get(nsg, 'properties'), 'securityRules')).map(rule => get(rule, 'properties'));
		assert.deepEqual(rules.map(rule => ['direction', 'access', 'sourceAddressPrefix', 'destinationPortRange'].map(key => literalString(get(rule, key)))), [
			['Inbound', 'Allow', '*', '3389'],
			['Inbound', 'Allow', 'Internet', '443'],
		]);
		const source = asString(get(rules[0], 'sourceAddressPrefix'));
		assert.equal(text.slice(source.span.start, source.span.end), '"*"');
		const child = file.resources[1].body;
		assert.equal(literalString(getPath(child, 'properties', 'sourceAddressPrefix')), '0.0.0.0/0');
		assert.equal(literalString(getPath(child, 'properties', 'destinationPortRange')), '22');
	});

	it('marks bracketed expressions as not literal, and reads `[[` as an escaped bracket', () => {
		const nsg = file.resources[0].body;
		assert.equal(asString(get(nsg, 'name')).isLiteral, false);
		assert.equal(asString(get(nsg, 'location')).value, '[resourceGroup().location]');
		const note = asString(getPath(nsg, 'tags', 'note'));
		assert.deepEqual([note.value, note.isLiteral], ['[not an expression]', true]);
		const at = sourceSpan(note, 0, note.value.length);
		assert.equal(text.slice(at.start, at.end), '[not an expression]');
		assert.equal(text.slice(note.span.start, note.span.end), '"[[not an expression]"');
	});

	it('keeps the VM customData expression and the script variable it refers to, located', () => {
		const customData = asString(getPath(file.resources[2].body, 'properties', 'osProfile', 'customData'));
		assert.deepEqual([customData.value, customData.isLiteral], ['[base64(variables(\'bootstrap\'))]', false]);
		const bootstrap = asString(getPath(file.roots[0], 'variables', 'bootstrap'));
		const curl = bootstrap.value.indexOf('curl');
		const at = sourceSpan(bootstrap, curl, bootstrap.value.indexOf('\n', curl));
		assert.equal(text.slice(at.start, at.end), 'curl -s https://203.0.113.9/agent.sh | bash');
	});

	it('keeps the template\'s comments for suppressions', () => {
		assert.deepEqual(file.comments.map(comment => comment.text), [' Generated for the jump box lab; review before deploying.', ' HTTPS for the portal ']);
	});

	it('reads symbolic-name resources (language version 2.0) and inline templates of nested deployments', () => {
		const nested = parse(JSON.stringify({
			$schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
			languageVersion: '2.0',
			resources: {
				storage: { type: 'Microsoft.Storage/storageAccounts', name: 'logs' },
				inner: {
					type: 'Microsoft.Resources/deployments',
					name: 'network',
					properties: { template: { resources: [{ type: 'Microsoft.Network/publicIPAddresses', name: 'pip', resources: [{ type: 'Microsoft.Network/publicIPAddresses/extra', name: 'x' }] }] } },
				},
			},
		}, null, 2));
		assert.deepEqual(nested.resources.map(resource => `${resource.type} ${resource.name}`), [
			'Microsoft.Storage/storageAccounts logs',
			'Microsoft.Resources/deployments network',
			'Microsoft.Network/publicIPAddresses pip',
			// A child written with its full type keeps it.
			'Microsoft.Network/publicIPAddresses/extra x',
		]);
	});

	it('skips resources whose type is missing or not an object, without throwing', () => {
		const odd = parse('{"resources": [1, "x", null, {"name": "untyped"}, {"type": ["not", "a", "string"]}]}');
		assert.deepEqual(odd.resources.map(resource => [resource.type, resource.name]), [['', 'untyped'], ['', '']]);
	});
});
