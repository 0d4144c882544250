import * as assert from 'node:assert/strict';
import { defineRule } from '../../../src/engine/rules/rule';
import { ruleDocsMarkdown } from '../../../src/engine/rules/docs';
import { aupSectionLabel, ruleDocsPath, ruleIdFromDocsPath, rulePage, unknownRuleMarkdown, withAupSection } from '../../../src/extension/rule-docs';

const rule = defineRule({
	id: 'AUP-TST-001',
	title: 'A test rule',
	severity: 'warning',
	aupSection: '3',
	category: 'mining',
	formats: ['terraform', 'kubernetes'],
	docs: 'Why it matters: it is a test. What to do instead: nothing, it is a test.',
	check: () => undefined,
});

describe('rule docs', () => {
	it('round-trips a rule id through its docs path', () => {
		assert.equal(ruleDocsPath('AUP-TST-001'), '/rules/AUP-TST-001.md');
		assert.equal(ruleIdFromDocsPath(ruleDocsPath('AUP-TST-001')), 'AUP-TST-001');
	});

	it('rejects paths that only look like docs paths', () => {
		assert.equal(ruleIdFromDocsPath('/rules/AUP-TST-001.txt'), undefined);
		assert.equal(ruleIdFromDocsPath('/rules/../AUP-TST-001.md'), undefined);
		assert.equal(ruleIdFromDocsPath('/rules/aup-tst-001.md'), undefined);
		assert.equal(ruleIdFromDocsPath('/other/AUP-TST-001.md'), undefined);
	});

	it('serves the engine\'s generated page without the anchor meant for the all-rules document', () => {
		const page = rulePage(rule);
		assert.match(page, /^# AUP-TST-001: A test rule\n/);
		assert.equal(`<a id="${rule.docsAnchor}"></a>\n\n${page}`, ruleDocsMarkdown(rule));
		assert.ok(page.includes(rule.docs));
	});

	it('names the AUP section in a message once', () => {
		assert.equal(withAupSection('SSH is open to the internet.', '3'), 'SSH is open to the internet. (AUP §3)');
		assert.equal(withAupSection('Mining is prohibited by AUP section 3 unless authorised.', '3'), 'Mining is prohibited by AUP section 3 unless authorised.');
		assert.equal(withAupSection('See AUP §4.', '4'), 'See AUP §4.');
		// Another section cited, or a number that only starts the same, is not this section.
		assert.equal(withAupSection('Unlike AUP section 3, this is about keys.', '4'), 'Unlike AUP section 3, this is about keys. (AUP §4)');
		assert.equal(withAupSection('AUP section 30 is not a thing.', '3'), 'AUP section 30 is not a thing. (AUP §3)');
	});

	it('names every AUP section', () => {
		assert.equal(aupSectionLabel('7'), 'AUP §7 (Reporting Violations)');
	});

	it('says when a rule is unknown', () => {
		assert.match(unknownRuleMarkdown('AUP-NOP-999'), /^# AUP-NOP-999\n\nThis version of AUP Guard has no rule/);
	});
});
