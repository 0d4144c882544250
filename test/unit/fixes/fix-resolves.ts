import * as assert from 'node:assert/strict';
import { snippetPlainText, type Finding, type Fix } from '../../../src/engine/finding';
import { applyEdits } from '../../../src/engine/fixes/combine';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import type { Rule } from '../../../src/engine/rules/rule';
import { scanText } from '../helpers/engine';

interface FixCase {
	readonly name: string;
	readonly path: string;
	readonly source: string;
}

/**
 * For every fix the rule offers on the cases: the fixed text still parses (no parse note, no
 * error), the finding it fixes is gone, and every other finding of the rule is still there.
 * The rule tester pins the fixed text; this checks what that text means. A snippet goes in with
 * its placeholders' defaults, as it does where the snippet engine is not used.
 */
export function fixesResolve(rule: Rule, cases: readonly FixCase[]): void {
	describe(`${rule.id} fixes resolve their findings`, () => {
		for (const testCase of cases) {
			it(`after each fix of ${testCase.name}`, async () => {
				const before = await scanOnly(rule, testCase.path, testCase.source);
				assert.deepEqual(before.notes, [], 'the case itself parses');
				for (const finding of before.findings) {
					for (const fix of finding.fixes) {
						const fixed = applyEdits(testCase.source, plainEdits(fix));
						const after = await scanOnly(rule, testCase.path, fixed);
						assert.deepEqual(after.notes, [], `'${fix.title}' leaves text that parses`);
						assert.deepEqual(messages(after.findings), withoutOne(messages(before.findings), finding.message), `'${fix.title}' removes its finding and only it`);
					}
				}
			});
		}
	});
}

async function scanOnly(rule: Rule, path: string, text: string): Promise<{ findings: readonly Finding[]; notes: readonly unknown[] }> {
	const ruleSeverities = Object.fromEntries(BUILTIN_RULES.filter(other => other !== rule).map(other => [other.id, 'off' as const]));
	const result = await scanText(path, text, { ruleSeverities });
	assert.deepEqual(result.errors, []);
	return { findings: result.findings.filter(finding => finding.ruleId === rule.id), notes: result.notes.map(note => note.message) };
}

function plainEdits(fix: Fix): Fix['edits'] {
	return fix.isSnippet ? fix.edits.map(edit => ({ ...edit, newText: snippetPlainText(edit.newText) })) : fix.edits;
}

function messages(findings: readonly Finding[]): string[] {
	return findings.map(finding => finding.message).sort();
}

function withoutOne(list: readonly string[], item: string): string[] {
	const copy = [...list];
	copy.splice(copy.indexOf(item), 1);
	return copy;
}
