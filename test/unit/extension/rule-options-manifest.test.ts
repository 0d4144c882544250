import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_ACCELERATOR_INSTANCES, DEFAULT_MAX_GPUS } from '../../../src/engine/rules/accelerator-fleet';
import { findRule } from '../../../src/engine/rules/index';
import { DEFAULT_MAX_INSTANCES, DEFAULT_MAX_REPLICAS } from '../../../src/engine/rules/very-large-scaling-limit';

/** The options each rule reads, with the defaults in its code: the manifest must describe exactly these. */
const KNOWN_OPTIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
	'AUP-CST-001': { maxInstances: DEFAULT_MAX_INSTANCES, maxReplicas: DEFAULT_MAX_REPLICAS },
	'AUP-CST-002': { maxAcceleratorInstances: DEFAULT_MAX_ACCELERATOR_INSTANCES, maxGpus: DEFAULT_MAX_GPUS },
};

interface OptionSchema {
	readonly default: unknown;
}

interface RuleOptionsSetting {
	readonly markdownDescription: string;
	readonly properties: Record<string, { properties: Record<string, OptionSchema> }>;
}

function ruleOptionsSetting(): RuleOptionsSetting {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'package.json'))) {
		dir = path.dirname(dir);
	}
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
	return pkg.contributes.configuration.properties['aupGuard.ruleOptions'] as RuleOptionsSetting;
}

describe('aupGuard.ruleOptions in package.json', () => {
	const setting = ruleOptionsSetting();

	it('completes exactly the options the rules read, with their defaults', () => {
		const declared = Object.fromEntries(Object.entries(setting.properties).map(([id, schema]) =>
			[id, Object.fromEntries(Object.entries(schema.properties).map(([name, option]) => [name, option.default]))]));
		assert.deepEqual(declared, KNOWN_OPTIONS);
	});

	it('names every option and its default in the description and in the rule\'s docs', () => {
		for (const [id, options] of Object.entries(KNOWN_OPTIONS)) {
			const docs = findRule(id)?.docs ?? '';
			for (const [name, fallback] of Object.entries(options)) {
				assert.match(setting.markdownDescription, new RegExp(`\`${name}\` \\([^)]*default ${fallback}\\)`), `${id} ${name}`);
				assert.match(docs, new RegExp(`\`${name}\`, default ${fallback}\\)`), `${id} docs name ${name}`);
			}
		}
	});
});
