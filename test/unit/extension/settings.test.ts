import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings, type SettingKey, scanOptionsFor } from '../../../src/extension/settings';

function settingsFrom(values: Partial<Record<SettingKey, unknown>>) {
	return readSettings(key => values[key]);
}

describe('readSettings', () => {
	it('gives the defaults when nothing is set', () => {
		assert.deepEqual(settingsFrom({}), DEFAULT_SETTINGS);
	});

	it('keeps valid values', () => {
		const settings = settingsFrom({
			enable: false,
			rules: { 'AUP-MIN-001': 'off', 'AUP-NET-001': 'error' },
			include: ['infra/**'],
			exclude: [],
			maxFileSize: 1024,
			debounceMs: 0,
			'statusBar.enable': false,
			'review.generatedMarkers': ['made-by: infra-bot'],
			ruleOptions: { 'AUP-CST-001': { maxInstances: 200 } },
		});
		assert.deepEqual(settings, {
			enable: false,
			rules: { 'AUP-MIN-001': 'off', 'AUP-NET-001': 'error' },
			include: ['infra/**'],
			exclude: [],
			maxFileSize: 1024,
			debounceMs: 0,
			'statusBar.enable': false,
			'review.generatedMarkers': ['made-by: infra-bot'],
			ruleOptions: { 'AUP-CST-001': { maxInstances: 200 } },
		});
	});

	it('maps values of the wrong type to the defaults', () => {
		const settings = settingsFrom({ enable: 'false', rules: ['AUP-MIN-001'], include: '**/*.tf', exclude: null, maxFileSize: '2MB', debounceMs: true, ruleOptions: ['AUP-CST-001'] });
		assert.deepEqual(settings, DEFAULT_SETTINGS);
	});

	it('maps out-of-range numbers to the defaults and drops fractions', () => {
		assert.equal(settingsFrom({ maxFileSize: 0 }).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
		assert.equal(settingsFrom({ maxFileSize: -5 }).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
		assert.equal(settingsFrom({ maxFileSize: Number.NaN }).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
		assert.equal(settingsFrom({ maxFileSize: Number.POSITIVE_INFINITY }).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
		assert.equal(settingsFrom({ maxFileSize: 4096.7 }).maxFileSize, 4096);
		assert.equal(settingsFrom({ debounceMs: -1 }).debounceMs, DEFAULT_SETTINGS.debounceMs);
		assert.equal(settingsFrom({ debounceMs: 60_000 }).debounceMs, DEFAULT_SETTINGS.debounceMs);
		assert.equal(settingsFrom({ debounceMs: 10_000 }).debounceMs, 10_000);
	});

	it('keeps the valid rule entries and drops the rest', () => {
		const settings = settingsFrom({
			rules: { 'AUP-MIN-001': 'Warning', 'aup-net-001': ' info ', 'AUP-SEC-001': 'critical', 'AUP-CRD-001': 2, 'AUP-RCE-001': null },
		});
		assert.deepEqual(settings.rules, { 'AUP-MIN-001': 'warning', 'AUP-NET-001': 'info' });
	});

	it('drops non-string and blank globs but honours an explicit empty list', () => {
		assert.deepEqual(settingsFrom({ include: ['**/*.tf', 3, '  ', ' infra/** '] }).include, ['**/*.tf', 'infra/**']);
		assert.deepEqual(settingsFrom({ exclude: [] }).exclude, []);
	});

	it('asks only for the keys package.json declares', () => {
		const asked: string[] = [];
		readSettings(key => {
			asked.push(key);
			return undefined;
		});
		assert.deepEqual(asked.sort(), ['debounceMs', 'enable', 'exclude', 'include', 'maxFileSize', 'review.generatedMarkers', 'ruleOptions', 'rules', 'statusBar.enable']);
	});

	it('keeps the rule options that are objects, under upper-case ids, and drops the rest', () => {
		const settings = settingsFrom({
			ruleOptions: {
				'aup-cst-001 ': { maxInstances: 200, maxReplicas: 'lots' },
				'AUP-CST-002': { maxGpus: 64 },
				'AUP-NET-001': 5,
				'AUP-MON-001': ['maxGpus'],
				'AUP-LOG-001': null,
				'AUP-BAK-001': 'off',
			},
		});
		// The rule checks each value: 'lots' reaches AUP-CST-001, which falls back to its default.
		assert.deepEqual(settings.ruleOptions, { 'AUP-CST-001': { maxInstances: 200, maxReplicas: 'lots' }, 'AUP-CST-002': { maxGpus: 64 } });
		for (const bad of [null, 'AUP-CST-001.maxInstances=200', 3, true, [{ 'AUP-CST-001': { maxInstances: 1 } }]]) {
			assert.deepEqual(settingsFrom({ ruleOptions: bad }).ruleOptions, {}, JSON.stringify(bad));
		}
	});
});

describe('scanOptionsFor', () => {
	it('passes the severities, rule options, size limit and cancellation the user set to the engine', () => {
		const values: Record<string, unknown> = { rules: { 'aup-net-001': 'error' }, ruleOptions: { 'AUP-CST-001': { maxReplicas: 100 } }, maxFileSize: 4096 };
		const settings = readSettings(key => values[key]);
		const isCancelled = (): boolean => false;
		const options = scanOptionsFor(settings, isCancelled);
		assert.deepEqual(options.ruleSeverities, settings.rules);
		assert.deepEqual(options.ruleOptions, { 'AUP-CST-001': { maxReplicas: 100 } });
		assert.equal(options.maxFileSize, 4096);
		assert.equal(options.isCancelled, isCancelled);
	});
});
