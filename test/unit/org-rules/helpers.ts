import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/index';
import { parseOrgRules, withOrgRules, type OrgRules } from '../../../src/engine/org-rules/index';
import { scanText } from '../helpers/engine';

/** A rules file with one rule: the common fields filled in, `match` given as YAML flow text. */
export function oneRule(match: string, extra = ''): OrgRules {
	const org = parseOrgRules([
		'version: 1',
		'rules:',
		'  - id: ACME-TST-001',
		'    title: Test rule',
		'    message: "{resource} {attribute}={value} {match}"',
		'    severity: warning',
		'    aupSection: 4',
		'    category: access-control',
		`    match: ${match}`,
		extra,
	].join('\n'), '.aupguard/rules.yaml');
	assert.deepEqual(org.problems, [], 'the rules file of the test must load cleanly');
	assert.equal(org.rules.length, 1);
	return org;
}

export interface Hit {
	readonly line: number;
	readonly character: number;
	readonly endLine: number;
	readonly endCharacter: number;
	readonly text: string;
}

/** The org rule's findings in `source`, each with the text its range covers. */
export async function hits(org: OrgRules, path: string, source: string): Promise<Hit[]> {
	const result = await scanText(path, source, withOrgRules({}, org));
	assert.deepEqual(result.errors, []);
	return result.findings.filter(finding => !finding.ruleId.startsWith('AUP-')).map(finding => hit(source, finding));
}

function hit(source: string, finding: Finding): Hit {
	const lines = source.split('\n');
	const { start, end } = finding.range;
	const text = start.line === end.line
		? lines[start.line].slice(start.character, end.character)
		: [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
	return { line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, text };
}
