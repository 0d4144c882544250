import * as assert from 'node:assert/strict';
import { defineRule } from '../../../src/engine/rules/rule';
import { aupSectionLabel, ruleDocsPath, ruleIdFromDocsPath, ruleMarkdown, unknownRuleMarkdown } from '../../../src/extension/rule-docs';

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

	it('builds a page from the rule metadata', () => {
		const markdown = ruleMarkdown(rule);
		assert.match(markdown, /^# AUP-TST-001: A test rule\n/);
		assert.ok(markdown.includes('- Severity: warning'));
		assert.ok(markdown.includes('- AUP §3 (Prohibited Activities)'));
		assert.ok(markdown.includes('- Formats: terraform, kubernetes'));
		assert.ok(markdown.includes(rule.docs));
		assert.ok(markdown.includes('"aupGuard.rules": { "AUP-TST-001": "off" }'));
	});

	it('names every AUP section', () => {
		assert.equal(aupSectionLabel('7'), 'AUP §7 (Reporting Violations)');
	});

	it('says when a rule is unknown', () => {
		assert.match(unknownRuleMarkdown('AUP-NOP-999'), /^# AUP-NOP-999\n\nThis version of AUP Guard has no rule/);
	});
});
