import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import { allRulesMarkdown, ruleDocsMarkdown } from '../../../src/engine/rules/docs';
import { metadataProblems, RULE_ID_PATTERN } from '../../../src/engine/rules/rule';
import { recordedCases } from '../rule-tester';

/**
 * The contract every built-in rule keeps, checked rather than trusted: valid metadata, a unique
 * id, flagged and clean cases run through the rule tester, and documentation that is what the
 * metadata generates.
 */

const unitRoot = path.resolve(__dirname, '..');
const repositoryRoot = path.resolve(__dirname, '../../../..');

// Load every test file that uses the rule tester, so the cases are counted even when this file
// runs alone. Mocha loads each file once, so loading them here does not run them twice.
for (const file of testFiles(unitRoot)) {
	if (file !== __filename && readFileSync(file, 'utf8').includes('rule-tester')) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- found at run time, and import() would load them after mocha has collected the suites
		require(file);
	}
}

describe('built-in rule registry', () => {
	it('has unique ids in the AUP-ABC-001 form', () => {
		const ids = BUILTIN_RULES.map(rule => rule.id);
		assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), []);
		for (const id of ids) {
			assert.match(id, RULE_ID_PATTERN);
		}
	});

	for (const rule of BUILTIN_RULES) {
		describe(rule.id, () => {
			it('has valid metadata', () => {
				assert.deepEqual(metadataProblems(rule), []);
				assert.equal(rule.docsAnchor, rule.id.toLowerCase());
			});

			it('has at least one flagged and one clean case in the rule tester', () => {
				const cases = recordedCases().get(rule.id);
				assert.ok(cases, `no ruleTester.run(...) for ${rule.id}`);
				assert.ok(cases.flagged > 0, 'no flagged case');
				assert.ok(cases.clean > 0, 'no clean case');
			});

			it('has a documentation page with its title and docs', () => {
				const page = ruleDocsMarkdown(rule);
				assert.ok(page.startsWith(`<a id="${rule.docsAnchor}"></a>\n\n# ${rule.id}: ${rule.title}\n`));
				assert.ok(page.includes(rule.docs.trim()));
				assert.ok(page.includes(`AUP section:** ${rule.aupSection} (`));
			});
		});
	}

	it('docs/rules.md is what the metadata generates (node scripts/generate-rule-docs.mjs)', () => {
		const committed = readFileSync(path.join(repositoryRoot, 'docs', 'rules.md'), 'utf8');
		assert.equal(committed, allRulesMarkdown(BUILTIN_RULES));
	});
});

function testFiles(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) {
			return testFiles(full);
		}
		return entry.name.endsWith('.test.js') ? [full] : [];
	});
}
