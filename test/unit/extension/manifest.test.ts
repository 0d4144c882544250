import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { BUILTIN_RULES } from '../../../src/engine/index';
import { ORG_RULE_ID_PATTERN } from '../../../src/engine/org-rules/index';
import { COMMANDS } from '../../../src/extension/command-ids';
import { DEFAULT_REPORT_SETTINGS, REPORT_SETTING_KEYS } from '../../../src/extension/report/settings';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/extension/settings';

/** package.json, read from the repository root whether tests run from sources or from out/. */
function manifest(): Record<string, unknown> {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'package.json'))) {
		dir = path.dirname(dir);
	}
	return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
}

interface Contributes {
	commands: { command: string; title: string; category: string }[];
	configuration: { properties: Record<string, { default: unknown; scope?: string; markdownDescription?: string; propertyNames?: unknown }> };
}

describe('package.json', () => {
	const pkg = manifest();
	const contributes = pkg.contributes as Contributes;

	it('declares exactly the settings readSettings reads, with the same defaults', () => {
		const properties = contributes.configuration.properties;
		const keys = [...SETTING_KEYS, ...REPORT_SETTING_KEYS];
		assert.deepEqual(Object.keys(properties).sort(), keys.map(key => `aupGuard.${key}`).sort());
		for (const key of SETTING_KEYS) {
			const property = properties[`aupGuard.${key}`];
			assert.deepEqual(property?.default, DEFAULT_SETTINGS[key], key);
			assert.ok(property?.scope, `${key} has a scope`);
			assert.ok(property?.markdownDescription, `${key} has a markdownDescription`);
		}
		for (const key of REPORT_SETTING_KEYS) {
			const property = properties[`aupGuard.${key}`];
			assert.deepEqual(property?.default, DEFAULT_REPORT_SETTINGS[key], key);
			assert.ok(property?.scope && property.markdownDescription, `${key} has a scope and a markdownDescription`);
		}
	});

	it('declares exactly the commands the extension registers, in Title Case under AUP Guard', () => {
		assert.deepEqual(contributes.commands.map(command => command.command).sort(), Object.values(COMMANDS).sort());
		for (const command of contributes.commands) {
			assert.equal(command.category, 'AUP Guard');
			// Title Case as VS Code writes it: short articles, conjunctions and prepositions stay lower case.
			assert.match(command.title, /^([A-Z][a-z]*)( ([A-Z][a-z]*|a|an|and|as|for|in|of|on|or|the|to))*$/, command.title);
		}
	});

	it('activates on IaC languages and files only, never on start-up', () => {
		const events = pkg.activationEvents as string[];
		assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
		assert.ok(events.includes('onLanguage:terraform') && events.includes('workspaceContains:**/*.tf'));
	});

	it('points main and browser at the bundles webpack writes', () => {
		assert.equal(pkg.main, './dist/extension.js');
		assert.equal(pkg.browser, './dist/web/extension.js');
	});

	it('takes built-in and organisation rule ids in aupGuard.rules, as the settings editor checks them', () => {
		// VS Code's extra keywords (markdownDescription, scope, patternErrorMessage) are not JSON Schema's.
		const validate = new Ajv({ strict: false }).compile(contributes.configuration.properties['aupGuard.rules']);
		const accepts = (id: string): boolean => validate({ [id]: 'off' });
		for (const rule of BUILTIN_RULES) {
			assert.ok(accepts(rule.id), rule.id);
		}
		for (const id of ['ACME-NET-001', 'ACME-TST-001', 'SEC2-K8S-120']) {
			assert.ok(ORG_RULE_ID_PATTERN.test(id) && accepts(id), id);
		}
		// Look-alikes: AUP- ids are the built-ins' alone, and an id has three parts.
		for (const id of ['AUP-NETWORK-001', 'AUP-NET-01', 'acme-net-001', 'NET-001', 'ACME-NET-001 ']) {
			assert.ok(!accepts(id), id);
		}
		assert.ok(!validate({ 'ACME-NET-001': 'loud' }), 'the value is still a severity or off');
	});
});
