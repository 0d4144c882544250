import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
// ajv comes with webpack's schema-utils; it is what validates schemas in the YAML extension's stead here.
import Ajv from 'ajv';
import { parse } from 'yaml';
import { AUP_SECTIONS, CATEGORIES, SEVERITIES } from '../../../src/engine/finding';
import { FORMATS } from '../../../src/engine/model/format';
import { MATCH_KEYS, MAX_RULES, RULE_KEYS, TOP_LEVEL_KEYS } from '../../../src/engine/org-rules/constants';
import { MESSAGE_PLACEHOLDERS, ORG_RULE_ID_PATTERN, STRING_SCOPES, VALUE_CONDITIONS, parseOrgRules } from '../../../src/engine/org-rules/index';

const root = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/aupguard-rules.schema.json'), 'utf8')) as Schema;
const example = readFileSync(path.join(root, 'test/fixtures/org-rules/rules.yaml'), 'utf8');

interface Schema {
	readonly properties: Record<string, Schema>;
	readonly definitions: Record<string, Schema>;
	readonly additionalProperties: Schema;
	readonly propertyNames: { readonly pattern: string };
	readonly items: Schema;
	readonly enum: readonly unknown[];
	readonly maxItems: number;
	readonly pattern: string;
	readonly description: string;
}

function validate(document: unknown): string[] {
	const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
	const check = ajv.compile(schema);
	check(document);
	return (check.errors ?? []).map(error => `${error.instancePath} ${error.message ?? ''}`);
}

describe('rules file JSON schema', () => {
	it('accepts the documented example, which the engine also loads cleanly', () => {
		assert.deepEqual(validate(parse(example)), []);
		const org = parseOrgRules(example, '.aupguard/rules.yaml');
		assert.deepEqual(org.problems, []);
		assert.equal(org.rules.length, 3);
	});

	it('lists the engine\'s own words, so the editor cannot suggest what the engine rejects', () => {
		const rule = schema.definitions.rule.properties;
		assert.deepEqual(Object.keys(schema.properties), [...TOP_LEVEL_KEYS]);
		assert.deepEqual(Object.keys(rule).sort(), [...RULE_KEYS].sort());
		assert.deepEqual([...new Set([...Object.keys(schema.definitions.resourceMatch.properties), ...Object.keys(schema.definitions.stringsMatch.properties)])].sort(), [...MATCH_KEYS].sort());
		assert.deepEqual(Object.keys(schema.definitions.value.properties), [...VALUE_CONDITIONS]);
		assert.deepEqual(rule.severity.enum, [...SEVERITIES]);
		assert.deepEqual(rule.aupSection.enum, [...AUP_SECTIONS, ...AUP_SECTIONS.map(Number)]);
		assert.deepEqual(rule.category.enum, [...CATEGORIES]);
		assert.deepEqual(rule.formats.items.enum, [...FORMATS]);
		assert.deepEqual(schema.definitions.stringsMatch.properties.in.enum, [...STRING_SCOPES]);
		assert.deepEqual(schema.properties.overrides.additionalProperties.enum, [...SEVERITIES, 'off']);
		assert.equal(rule.id.pattern, ORG_RULE_ID_PATTERN.source);
		assert.equal(schema.properties.overrides.propertyNames.pattern, ORG_RULE_ID_PATTERN.source);
		assert.equal(schema.properties.rules.maxItems, MAX_RULES);
		for (const placeholder of MESSAGE_PLACEHOLDERS) {
			assert.ok(rule.message.description.includes(`{${placeholder}}`), placeholder);
		}
	});

	it('rejects what the engine rejects', () => {
		const broken = (change: string): unknown => parse(example.replace('    severity: info\n', change));
		for (const change of ['    severity: critical\n', '    severity: info\n    colour: red\n', '    severity: info\n    formats: []\n']) {
			assert.notDeepEqual(validate(broken(change)), [], change);
			const org = parseOrgRules(example.replace('    severity: info\n', change), 'rules.yaml');
			assert.notDeepEqual(org.problems, [], change);
		}
		assert.notDeepEqual(validate(parse(example.replace('ACME-SEC-002', 'AUP-SEC-002'))), []);
		assert.notDeepEqual(validate(parse(example.replace('value: { notRegex: "^t3\\\\." }', 'value: { notRegex: "^t3", regex: "x" }'))), []);
		assert.notDeepEqual(validate(parse(example.replace('      attribute: instance_type\n', ''))), [], 'value without attribute');
		assert.notDeepEqual(validate(parse(example.replace('in: scripts', 'in: comments'))), []);
	});
});
