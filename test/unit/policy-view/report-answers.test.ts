import * as assert from 'node:assert/strict';
import { excerptLines, parseAnswers, parseFindingArgument } from '../../../src/extension/report/answers';
import { DEFAULT_REPORT_SETTINGS, readReportSettings, type ReportSettingKey } from '../../../src/extension/report/settings';

// The report command's pure parts; they live beside the AUP view's tests because they share its issue.

describe('Report command arguments', () => {
	const range = { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } };

	it('accepts a finding from a code action, with a Uri-like object or a string', () => {
		const uri = { scheme: 'file', path: '/w/infra/db.tf', authority: '' };
		assert.deepEqual(parseFindingArgument({ uri, ruleId: 'AUP-CRD-003', range, message: 'password' }), { uri, ruleId: 'AUP-CRD-003', range, message: 'password' });
		assert.equal(parseFindingArgument({ uri: 'file:///w/a.tf', ruleId: 'X', range, message: 'm' })?.uri, 'file:///w/a.tf');
	});

	it('rejects findings without a usable uri or range', () => {
		for (const value of [undefined, 'AUP-CRD-003', { uri: 5, ruleId: 'X', range, message: 'm' },
			{ uri: 'file:///a', ruleId: 'X', range: { start: { line: -1, character: 0 }, end: range.end }, message: 'm' },
			{ uri: 'file:///a', ruleId: 'X', message: 'm' }, { uri: 'file:///a', range, message: 'm' }]) {
			assert.equal(parseFindingArgument(value), undefined, JSON.stringify(value));
		}
	});

	it('accepts answers of the documented shape, null meaning cancel', () => {
		const answers = { kind: 'security', description: 'x', includeExcerpt: false, delivery: 'save', savePath: '/tmp/r.md' };
		assert.deepEqual(parseAnswers(answers), answers);
		assert.deepEqual(parseAnswers({ kind: null }), { kind: null });
		assert.deepEqual(parseAnswers({ delivery: 'cancel' }), { delivery: 'cancel' });
	});

	it('rejects answers with unknown keys or values, rather than asking instead', () => {
		for (const value of [null, 'mail', { kind: 'spam' }, { delivery: 'fax' }, { includeExcerpt: 'yes' }, { savePath: '' }, { deliver: 'mail' }, { openExternal: 'https://x' }]) {
			assert.equal(parseAnswers(value), undefined, JSON.stringify(value));
		}
	});

	it('takes two lines either side of the finding, clipped to the document', () => {
		const lines = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		assert.deepEqual(excerptLines(lines, 3, 3), { startLine: 1, text: 'b\nc\nd\ne\nf' });
		assert.deepEqual(excerptLines(lines, 0, 0), { startLine: 0, text: 'a\nb\nc' });
		assert.deepEqual(excerptLines(lines, 6, 6), { startLine: 4, text: 'e\nf\ng' });
		assert.equal(excerptLines(Array.from({ length: 100 }, (_, i) => `${i}`), 10, 90).text.split('\n').length, 30);
	});
});

describe('Report settings', () => {
	const read = (values: Partial<Record<ReportSettingKey, unknown>>) => readReportSettings(key => values[key]);

	it('defaults to the policy\'s own addresses and no policy link', () => {
		assert.deepEqual(read({}), { abuseAddress: 'abuse@autoscalr.com', securityAddress: 'security@autoscalr.com', policyUrl: '' });
		assert.equal(DEFAULT_REPORT_SETTINGS.policyUrl, '');
	});

	it('lets an organisation route reports to its own team', () => {
		const settings = read({ 'report.abuseAddress': ' soc@example.com, legal@example.com ', 'report.securityAddress': 'psirt@example.com' });
		assert.equal(settings.abuseAddress, 'soc@example.com, legal@example.com');
		assert.equal(settings.securityAddress, 'psirt@example.com');
	});

	it('falls back to the defaults for values that are not addresses', () => {
		for (const bad of ['', 'nobody', 'a@b?cc=evil@x', 'a@b\nBcc: c@d', 42, null]) {
			assert.equal(read({ 'report.abuseAddress': bad }).abuseAddress, 'abuse@autoscalr.com', String(bad));
		}
	});
});
