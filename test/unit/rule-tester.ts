import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../src/engine/finding';
import { BUILTIN_RULES } from '../../src/engine/rules/index';
import type { Rule } from '../../src/engine/rules/rule';
import { LineIndex } from '../../src/engine/text/line-index';
import { scanText } from './helpers/engine';
import { terraformFmt } from './helpers/terraform-fmt';

/**
 * Runs a rule over source texts and asserts exactly the findings it must produce, the way
 * ESLint's RuleTester does: flagged cases pin every finding's full range and the text after each
 * fix; clean cases are look-alikes that must produce nothing at all.
 */

/** Positions are 0-based, as in the engine, LSP and the CLI's JSON. */
export interface ExpectedFinding {
	readonly ruleId: string;
	readonly line: number;
	readonly character: number;
	readonly endLine: number;
	readonly endCharacter: number;
	/** The exact source text the range covers, so a reader sees what the numbers point at. */
	readonly text: string;
	/** The message, or a pattern it must match; unchecked when left out. */
	readonly message?: string | RegExp;
	/** The whole file after applying each fix, in the order the finding lists them. */
	readonly fixed?: readonly string[];
	/** The reason of the suppression expected to cover the finding. */
	readonly suppressed?: string;
}

interface Case {
	/** Says what the case shows: 'xmrig image in a Deployment'. */
	readonly name: string;
	/** The file's path; the format is detected from it and the text, as for a user's file. */
	readonly path: string;
	readonly source: string;
}

export interface FlaggedCase extends Case {
	readonly findings: readonly ExpectedFinding[];
}

export type CleanCase = Case;

export interface RuleTests {
	readonly flagged: readonly FlaggedCase[];
	readonly clean: readonly CleanCase[];
}

const recorded = new Map<string, { flagged: number; clean: number }>();

/** How many cases each rule id was given, for the registry's contract test. */
export function recordedCases(): ReadonlyMap<string, { flagged: number; clean: number }> {
	return recorded;
}

export const ruleTester = {
	run(rule: Rule, tests: RuleTests): void {
		const counts = recorded.get(rule.id) ?? { flagged: 0, clean: 0 };
		recorded.set(rule.id, { flagged: counts.flagged + tests.flagged.length, clean: counts.clean + tests.clean.length });
		describe(`${rule.id} ${rule.title}`, () => {
			for (const flagged of tests.flagged) {
				it(`flags ${flagged.name}`, async () => {
					assert.ok(flagged.findings.length > 0, 'a flagged case expects at least one finding');
					const findings = await scanWithOnly(rule, flagged);
					assertFindings(rule, flagged, findings);
				});
			}
			for (const clean of tests.clean) {
				it(`passes ${clean.name}`, async () => {
					const findings = await scanWithOnly(rule, clean);
					assert.deepEqual(findings.map(finding => observed(clean.source, finding)), [], 'a clean case must produce no finding');
				});
			}
		});
	},
};

async function scanWithOnly(rule: Rule, testCase: Case): Promise<readonly Finding[]> {
	assert.ok(BUILTIN_RULES.includes(rule), `${rule.id} must be registered in BUILTIN_RULES to be tested`);
	const ruleSeverities = Object.fromEntries(BUILTIN_RULES.filter(other => other !== rule).map(other => [other.id, 'off' as const]));
	const result = await scanText(testCase.path, testCase.source, { ruleSeverities });
	// A case that is not scanned, or whose rule threw, would pass as clean without testing anything.
	assert.equal(result.skipped, undefined, `the case was not scanned: ${result.skipped}`);
	assert.deepEqual(result.errors, [], 'the parser or the rule failed');
	assert.ok(result.format && rule.formats.includes(result.format), `${testCase.path} was read as ${result.format}, which ${rule.id} does not cover`);
	return result.findings;
}

function assertFindings(rule: Rule, testCase: FlaggedCase, findings: readonly Finding[]): void {
	const actual = findings.map(finding => observed(testCase.source, finding));
	const expected = testCase.findings.map(({ ruleId, line, character, endLine, endCharacter, text, suppressed }) =>
		({ ruleId, line, character, endLine, endCharacter, text, suppressed }));
	assert.deepEqual(actual, expected);
	testCase.findings.forEach((want, index) => {
		const finding = findings[index];
		if (typeof want.message === 'string') {
			assert.equal(finding.message, want.message);
		} else if (want.message) {
			assert.match(finding.message, want.message);
		}
		if (rule.category === 'credentials') {
			assert.ok(!finding.message.includes(actual[index].text), 'a credential finding must not repeat the secret in its message');
		}
		const fixed = finding.fixes.map(fix => applyFix(testCase.source, fix));
		assert.deepEqual(fixed, want.fixed ?? [], 'the text after each fix');
		if (testCase.path.endsWith('.tf')) {
			assertStillFormatted(testCase.source, fixed);
		}
	});
}

/**
 * A fix to a file laid out by `terraform fmt` leaves it laid out so, or `terraform fmt -check`
 * in the user's CI fails after the fix. Checked where Terraform is installed.
 */
function assertStillFormatted(source: string, fixedTexts: readonly string[]): void {
	if (terraformFmt(source) !== source) {
		return;
	}
	for (const text of fixedTexts) {
		assert.equal(terraformFmt(text), text, 'terraform fmt would change the text after the fix');
	}
}

function observed(source: string, finding: Finding): Omit<ExpectedFinding, 'message' | 'fixed'> {
	const lines = new LineIndex(source);
	const { start, end } = finding.range;
	return {
		ruleId: finding.ruleId,
		line: start.line,
		character: start.character,
		endLine: end.line,
		endCharacter: end.character,
		text: source.slice(lines.offsetAt(start), lines.offsetAt(end)),
		suppressed: finding.suppressed?.reason,
	};
}

/** Applies a fix's edits from the last to the first, so earlier offsets stay valid. */
function applyFix(source: string, fix: Fix): string {
	const lines = new LineIndex(source);
	const edits = fix.edits
		.map(edit => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText }))
		.sort((a, b) => b.start - a.start);
	let text = source;
	for (const edit of edits) {
		text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
	}
	return text;
}
