import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseOrgRules, type OrgRules } from '../../../src/engine/org-rules/index';

/** Each problem as `line:character severity message`, 1-based like an editor's status bar. */
function problems(org: OrgRules): string[] {
	return org.problems.map(problem => `${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.severity} ${problem.message}`);
}

const RULE = (id: string, extra = ''): string => `  - id: ${id}
    title: Only approved instance families
    severity: warning
    aupSection: 5
    category: cost-scale
    match: { resource: aws_instance, attribute: instance_type, value: { notOneOf: [t3.micro] } }
${extra}`;

describe('organisation rules file', () => {
	it('loads the documented example with no problems', () => {
		const org = parseOrgRules(`version: 1
rules:
  - id: ACME-CST-001
    title: Instances must be t3
    message: "{resource} uses {value}; our policy allows the t3 family only"
    severity: warning
    aupSection: "5"
    category: cost-scale
    formats: [terraform, terraform-json]
    match:
      resource: aws_instance
      attribute: instance_type
      value: { notRegex: "^t3\\\\." }
  - id: ACME-SEC-002
    title: Internal hostnames in scripts
    docs: Scripts must reach internal services through the service mesh, not by hostname.
    severity: info
    aupSection: 4
    category: data-exposure
    match:
      strings: { regex: "internal\\\\.corp\\\\.example" }
      in: scripts
overrides:
  AUP-NET-001: error
  AUP-BAK-003: off
  ACME-SEC-002: warning
ruleOptions:
  AUP-NET-001: { extraPorts: 8443 }
`, '.aupguard/rules.yaml');
		assert.deepEqual(problems(org), []);
		assert.deepEqual(org.rules.map(rule => [rule.id, rule.severity, rule.aupSection, rule.formats.join(','), rule.origin.line]), [
			['ACME-CST-001', 'warning', '5', 'terraform,terraform-json', 2],
			['ACME-SEC-002', 'info', '4', 'terraform,terraform-json,cloudformation,kubernetes,compose,dockerfile,arm,bicep,cloud-init,shell', 13],
		]);
		assert.deepEqual(org.overrides, { 'AUP-NET-001': 'error', 'AUP-BAK-003': 'off', 'ACME-SEC-002': 'warning' });
		assert.deepEqual(org.ruleOptions, { 'AUP-NET-001': { extraPorts: 8443 } });
		assert.match(org.rules[1].docs, /service mesh/);
		assert.equal(org.rules[0].docsAnchor, 'acme-cst-001');
	});

	it('points each problem at the offending key or value, and keeps the valid rules', () => {
		const org = parseOrgRules(`version: 1
rules:
  - id: ACME-OK-001
    title: Fine
    severity: info
    aupSection: 4
    category: mfa
    mesage: typo
    match: { resource: aws_iam_user }
  - id: ACME-BAD-001
    title: Bad values
    severity: critical
    aupSection: 8
    category: money
    formats: [terraform, pulumi]
    match: { resource: aws_instance, attribute: instance_type, value: { regex: "^(?!t3)" } }
  - id: acme-lower-1
    title: Bad id
    severity: info
    aupSection: 4
    category: mfa
    match: { strings: { regex: "x*" } }
overrides:
  AUP-NET-001: fatal
  AUP-NOPE-001: off
`, 'rules.yaml');
		assert.deepEqual(org.rules.map(rule => rule.id), ['ACME-OK-001']);
		assert.deepEqual(problems(org), [
			"8:5 warning unknown key 'mesage' in a rule; expected one of id, title, message, severity, aupSection, category, formats, docs, match",
			"12:15 error 'severity' must be one of error, warning, info",
			"13:17 error 'aupSection' must be one of the AUP's sections, 1, 2, 3, 4, 5, 6, 7",
			"14:15 error 'category' must be one of mining, attack-tooling, malicious-code, credentials, access-control, network-exposure, data-exposure, encryption, logging-monitoring, backup-recovery, cost-scale, mfa, ai-review",
			'15:26 error unknown format; expected one of terraform, terraform-json, cloudformation, kubernetes, compose, dockerfile, arm, bicep, cloud-init, shell',
			'16:80 error invalid pattern: invalid or unsupported Perl syntax: `(?!` (RE2 has no lookaround or backreferences: use notRegex for "must not match")',
			"17:9 error 'acme-lower-1' is not a rule id: use capitals, digits and two dashes ending in three digits, such as ACME-TAG-001",
			'22:32 error the pattern matches an empty string, so it would flag every value; make it require at least one character',
			'24:16 error an override must be one of error, warning, info, off',
			"25:3 error unknown rule AUP-NOPE-001; run 'aup-guard rules' for the list",
		]);
	});

	it('rejects duplicate ids and ids of built-in rules, keeping the first of a duplicate', () => {
		const org = parseOrgRules(`version: 1\nrules:\n${RULE('ACME-CST-001')}${RULE('ACME-CST-001')}${RULE('AUP-NET-001')}${RULE('AUPX-NET-001')}`, 'rules.yaml');
		assert.deepEqual(org.rules.map(rule => rule.id), ['ACME-CST-001', 'AUPX-NET-001']);
		assert.deepEqual(problems(org), [
			'9:9 error duplicate id ACME-CST-001: it is already used on line 3; this rule is skipped',
			"15:9 error ids starting with AUP- belong to the built-in rules; use your organisation's prefix, such as ACME-TAG-001",
		]);
	});

	it('says what is missing from a rule and from a match, at the rule', () => {
		const org = parseOrgRules(`version: 1
rules:
  - id: ACME-MIS-001
    match: { attribute: instance_type, value: { above: many }, in: scripts }
  - title: no id
`, 'rules.yaml');
		assert.deepEqual(org.rules, []);
		assert.deepEqual(problems(org), [
			"3:5 error missing 'title'",
			"3:5 error missing 'severity'",
			"3:5 error missing 'aupSection'",
			"3:5 error missing 'category'",
			"4:64 error 'in' applies to 'strings' only",
			"4:14 error 'match' needs 'resource' (a resource type) or 'strings' (a pattern over string values)",
			"5:5 error missing 'id'",
			"5:5 error missing 'severity'",
			"5:5 error missing 'aupSection'",
			"5:5 error missing 'category'",
			"5:5 error missing 'match'",
		]);
	});

	it('reports YAML syntax errors and wrong shapes without throwing', () => {
		assert.deepEqual(problems(parseOrgRules('version: 1\nrules: [\n', 'r.yaml')).slice(0, 1), ['3:1 error Flow sequence in block collection must be sufficiently indented and end with a ]']);
		assert.deepEqual(problems(parseOrgRules('- a\n- b\n', 'r.yaml')), ['1:1 error the rules file must be a mapping with version and rules, got a list']);
		assert.deepEqual(problems(parseOrgRules('version: 2\nrules: {}\n', 'r.yaml')), [
			"1:10 error 'version' must be 1; this AUP Guard reads no other version",
			"2:8 error 'rules' must be a list, got a mapping",
		]);
		assert.deepEqual(problems(parseOrgRules('rules: []\nrule: []\n', 'r.yaml')), [
			"2:1 warning unknown key 'rule' in the rules file; expected one of version, rules, overrides, ruleOptions",
			"1:1 warning add 'version: 1' so later formats of this file can be told apart",
		]);
		assert.deepEqual(parseOrgRules('', 'r.yaml').problems, []);
		assert.deepEqual(parseOrgRules('# nothing yet\n', 'r.yaml').problems, []);
	});

	it('reads a JSON rules file, since JSON is YAML', () => {
		const org = parseOrgRules(JSON.stringify({ version: 1, overrides: { 'AUP-NET-001': 'off' } }), 'rules.json');
		assert.deepEqual(org.problems, []);
		assert.deepEqual(org.overrides, { 'AUP-NET-001': 'off' });
	});

	it('survives a huge file, alias bombs and random text', () => {
		const many = `version: 1\nrules:\n${Array.from({ length: 600 }, (_, i) => RULE(`ACME-GEN-${String(i).padStart(3, '0')}`)).join('')}`;
		const big = parseOrgRules(many, 'rules.yaml');
		assert.equal(big.rules.length, 500);
		assert.deepEqual(problems(big), ['3003:5 error at most 500 rules are read; the rest are ignored']);
		const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`), 'rules: *i'].join('\n');
		const exploded = parseOrgRules(bomb, 'rules.yaml');
		assert.equal(exploded.rules.length, 0);
		assert.ok(exploded.problems.some(problem => /too deeply or repeats too much/.test(problem.message)));
		fc.assert(fc.property(fc.string({ maxLength: 400 }), text => {
			const org = parseOrgRules(text, 'rules.yaml');
			return Array.isArray(org.problems) && org.rules.every(rule => rule.id.length > 0);
		}), { numRuns: 300 });
	});
});
