import * as assert from 'node:assert/strict';
import { allRulesMarkdown, ruleDocsMarkdown } from '../../../src/engine/rules/docs';
import { defineRule } from '../../../src/engine/rules/rule';

const example = defineRule({
	id: 'AUP-TST-001',
	title: 'Example | with a pipe',
	severity: 'warning',
	aupSection: '4',
	category: 'encryption',
	formats: ['terraform', 'kubernetes'],
	docs: 'Why it matters, what to do instead, and when it is legitimate: enough words to pass.',
	check: () => undefined,
	fixes: { nothing: () => null },
});

describe('rule documentation', () => {
	it('renders a page of its own with metadata, docs and how to silence the rule', () => {
		assert.equal(ruleDocsMarkdown(example), [
			'<a id="aup-tst-001"></a>',
			'',
			'# AUP-TST-001: Example | with a pipe',
			'',
			'- **Severity:** warning',
			'- **AUP section:** 4 (User Responsibilities)',
			'- **Category:** encryption',
			'- **Formats:** Terraform, Kubernetes',
			'- **Quick fix:** offered where it is safe',
			'',
			'Why it matters, what to do instead, and when it is legitimate: enough words to pass.',
			'',
			'## Suppressing or turning it off',
			'',
			'Suppress one finding with a comment on or above the line, giving the reason (required) and optionally an end date: `# aup-guard-ignore AUP-TST-001: <reason> until=YYYY-MM-DD`. On a Kubernetes object, the annotation `aup-guard.autoscalr.com/ignore: "AUP-TST-001: <reason>"` covers the whole object. Suppressed findings stay listed, with their reason, in the CLI\'s JSON and SARIF output.',
			'',
			'Change the rule\'s severity or turn it off in the settings: `"aupGuard.rules": { "AUP-TST-001": "off" }`.',
			'',
		].join('\n'));
	});

	it('nests rules one level down in the list of all rules, with an index that links to them', () => {
		const markdown = allRulesMarkdown([example]);
		assert.match(markdown, /^# AUP Guard rules\n/);
		assert.ok(markdown.includes('| [AUP-TST-001](#aup-tst-001) | Example \\| with a pipe | warning | 4 | encryption |'));
		assert.ok(markdown.includes('\n## AUP-TST-001: Example | with a pipe\n'));
		assert.ok(markdown.includes('\n### Suppressing or turning it off\n'));
	});
});
