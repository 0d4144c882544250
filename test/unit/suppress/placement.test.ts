import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/finding';
import type { ParsedFile } from '../../../src/engine/model/file';
import { applySuppressions, directiveProblems, directivesOf } from '../../../src/engine/suppress/index';
import { Source } from './build';

const context = { knownRuleIds: new Set(['AUP-NET-001', 'AUP-NET-002', 'AUP-SEC-001', 'AUP-SUP-001']), today: '2026-06-01' };

/** The line (0-based) of each finding and whether it came back suppressed, with what reason. */
function outcome(file: ParsedFile, findings: Finding[]): string[] {
	return applySuppressions(file, findings, context).map(finding =>
		`${finding.ruleId}@${finding.range.start.line}${finding.suppressed ? ` suppressed: ${finding.suppressed.reason}${finding.suppressed.until ? ` until ${finding.suppressed.until}` : ''}` : ''}`);
}

describe('suppression placement (hand-built Terraform model)', () => {
	const source = new Source([
		'resource "aws_security_group" "bastion" {', // 0
		'  description = "aup-guard-ignore AUP-NET-001: look-alike inside a string"', // 1
		'', // 2
		'  # aup-guard-ignore AUP-NET-001: bastion reachable only from the office VPN until=2027-03-31', // 3
		'  # (reviewed by the platform team)', // 4
		'  ingress {', // 5
		'    from_port   = 22', // 6
		'    to_port     = 22', // 7
		'    cidr_blocks = ["0.0.0.0/0"]', // 8
		'  }', // 9
		'', // 10
		'  ingress {', // 11
		'    from_port   = 3389', // 12
		'    to_port     = 3389', // 13
		'    cidr_blocks = ["0.0.0.0/0"] // aup-guard-ignore AUP-NET-001, aup-sec-001: jump host, replaced in Q3', // 14
		'  }', // 15
		'', // 16
		'  egress {', // 17
		'    /* aup-guard-ignore AUP-NET-002: egress to package mirrors */', // 18
		'    cidr_blocks = [', // 19
		'      "0.0.0.0/0",', // 20
		'    ]', // 21
		'    # aup-guard-ignore AUP-NET-001: dangling, nothing below it in this block', // 22
		'  }', // 23
		'}', // 24
		'', // 25
	].join('\n'));
	const ingress = (occurrence: number) => source.blockEntry('ingress', 'ingress {', [
		source.entry('from_port', { kind: 'number', span: source.find(occurrence === 0 ? '22' : '3389'), value: 22 }, 0),
		source.entry('cidr_blocks', { kind: 'array', span: source.find('["0.0.0.0/0"]', occurrence), items: [source.str('"0.0.0.0/0"', occurrence)] }, occurrence),
	], occurrence);
	const egressList = { kind: 'array' as const, span: source.block('cidr_blocks = [', 2), items: [source.str('"0.0.0.0/0"', 2)] };
	const egress = source.blockEntry('egress', 'egress {', [source.entry('cidr_blocks', egressList, 2)]);
	const body = source.obj(source.block('resource "aws_security_group"'),
		source.entry('description', source.str('"aup-guard-ignore AUP-NET-001: look-alike inside a string"')),
		ingress(0), ingress(1), egress);
	const resource = source.entry('resource', body);
	const file = source.parsed('terraform', [source.obj({ start: 0, end: source.text.length }, resource)], [
		{ type: 'aws_security_group', name: 'bastion', span: resource.span, headerSpan: source.find('resource "aws_security_group" "bastion"'), body },
	]);

	it('finds only directives in real comments, in source order', () => {
		const directives = directivesOf(file);
		assert.deepEqual(directives.map(directive => source.lines.positionAt(directive.span.start).line), [3, 14, 18, 22]);
		assert.equal(directivesOf(file), directives, 'parsed once per file');
	});

	it('points each directive at its own text inside the comment', () => {
		const texts = directivesOf(file).map(directive => source.text.slice(directive.span.start, directive.span.end));
		assert.equal(texts[0], 'aup-guard-ignore AUP-NET-001: bastion reachable only from the office VPN until=2027-03-31');
		assert.equal(texts[2], 'aup-guard-ignore AUP-NET-002: egress to package mirrors', 'without the closing */');
	});

	it('covers the whole block after an own-line comment, skipping other comments, and not its sibling', () => {
		const findings = [
			source.finding('AUP-NET-001', source.find('"0.0.0.0/0"', 0)),
			source.finding('AUP-NET-001', source.find('"0.0.0.0/0"', 1)),
			source.finding('AUP-NET-001', source.find('from_port   = 3389')),
		];
		assert.deepEqual(outcome(file, findings), [
			'AUP-NET-001@8 suppressed: bastion reachable only from the office VPN until 2027-03-31',
			'AUP-NET-001@14 suppressed: jump host, replaced in Q3',
			'AUP-NET-001@12',
		]);
	});

	it('covers only the line for a trailing comment, for each id it names', () => {
		const findings = [
			source.finding('AUP-SEC-001', source.find('"0.0.0.0/0"', 1)),
			source.finding('AUP-NET-002', source.find('"0.0.0.0/0"', 1)),
			source.finding('AUP-SEC-001', source.find('to_port     = 3389')),
		];
		assert.deepEqual(outcome(file, findings), ['AUP-SEC-001@14 suppressed: jump host, replaced in Q3', 'AUP-NET-002@14', 'AUP-SEC-001@13']);
	});

	it('covers a multi-line attribute after an own-line block comment', () => {
		assert.deepEqual(outcome(file, [source.finding('AUP-NET-002', source.find('"0.0.0.0/0"', 2))]), ['AUP-NET-002@20 suppressed: egress to package mirrors']);
	});

	it('does not let a directive that only the end of a block follows cover anything, and says so', () => {
		const dangling = directivesOf(file)[3];
		assert.equal(dangling.scope, undefined);
		assert.match(directiveProblems(dangling, context).join(), /followed by the end of a block, so it covers nothing/);
		assert.deepEqual(outcome(file, [source.finding('AUP-NET-001', source.find('"0.0.0.0/0"', 2))]), ['AUP-NET-001@20']);
	});

	it('ignores the directive look-alike inside a string value', () => {
		assert.deepEqual(outcome(file, [source.finding('AUP-NET-001', source.find('description'))]), ['AUP-NET-001@1']);
	});

	it('returns the very same findings when nothing suppresses them', () => {
		const findings = [source.finding('AUP-NET-001', source.find('from_port   = 3389'))];
		assert.equal(applySuppressions(file, findings, context)[0], findings[0]);
	});
});

describe('suppression validity decides whether it applies', () => {
	function single(comment: string, today = '2026-06-01'): { suppressed: boolean; problems: string[] } {
		const source = new Source(`${comment}\nresource "aws_instance" "web" {\n  ami = "ami-123"\n}\n`);
		const body = source.obj(source.block('resource "aws_instance"'), source.entry('ami', source.str('"ami-123"')));
		const file = source.parsed('terraform', [source.obj({ start: 0, end: source.text.length }, source.entry('resource', body))]);
		const options = { ...context, today };
		const [finding] = applySuppressions(file, [source.finding('AUP-NET-001', source.find('"ami-123"'))], options);
		return { suppressed: finding.suppressed !== undefined, problems: directivesOf(file).flatMap(directive => directiveProblems(directive, options)) };
	}

	it('applies a valid directive and reports nothing', () => {
		assert.deepEqual(single('# aup-guard-ignore AUP-NET-001: image from the approved catalogue'), { suppressed: true, problems: [] });
	});

	it('applies on the until day itself, not the day after', () => {
		assert.equal(single('# aup-guard-ignore AUP-NET-001: r until=2026-06-01').suppressed, true);
		const expired = single('# aup-guard-ignore AUP-NET-001: r until=2026-05-31');
		assert.equal(expired.suppressed, false);
		assert.match(expired.problems.join(), /expired after 2026-05-31, so it no longer applies/);
	});

	it('does not apply with a missing reason, an unknown id, or a malformed date', () => {
		for (const comment of [
			'# aup-guard-ignore AUP-NET-001:',
			'# aup-guard-ignore AUP-NET-001',
			'# aup-guard-ignore AUP-NET-001, AUP-NTE-002: one typo voids the whole directive',
			'# aup-guard-ignore AUP-NET-001: r until=2026-13-01',
			'# aup-guard-ignore AUP-NET-001, AUP-SUP-001: trying to hide the warning too',
		]) {
			const result = single(comment);
			assert.equal(result.suppressed, false, comment);
			assert.equal(result.problems.length, 1, comment);
		}
	});

	it('suggests the nearest known id', () => {
		assert.match(single('# aup-guard-ignore AUP-NTE-001: r').problems.join(), /Unknown rule id AUP-NTE-001.*did you mean AUP-NET-001\?/);
		assert.match(single('# aup-guard-ignore AUP-NET-01: r').problems.join(), /'AUP-NET-01' is not a rule id.*did you mean AUP-NET-001\?/);
		assert.match(single('# aup-guard-ignore AUP-XYZ-999: r').problems.join(), /use the id shown on the finding/);
	});

	it('reports look-alike keywords instead of ignoring them', () => {
		const result = single('# aup-guard-ignore-next-line AUP-NET-001: r');
		assert.equal(result.suppressed, false);
		assert.match(result.problems.join(), /'aup-guard-ignore-next-line' is not an AUP Guard directive/);
		assert.match(single('# aup_guard_ignore AUP-NET-001: r').problems.join(), /'aup_guard_ignore' is not an AUP Guard directive/);
		assert.deepEqual(single('# see the aup-guard-ignore docs for how to suppress').problems, [], 'a mention in prose is not a directive');
		assert.deepEqual(single('# AUP Guard ignores this file when it is too large').problems, []);
	});

	it('accepts the keyword in any case and after any comment marker', () => {
		assert.equal(single('// AUP-GUARD-IGNORE AUP-NET-001: r').suppressed, true);
		assert.equal(single('/*\n * aup-guard-ignore AUP-NET-001: r\n */').suppressed, true);
	});

	it('covers the whole file from the top with aup-guard-ignore-file', () => {
		assert.equal(single('# generated by autoscalr\n# aup-guard-ignore-file AUP-NET-001: sandbox account, no real data').suppressed, true);
	});

	it('does not apply aup-guard-ignore-file below code, and says where it belongs', () => {
		const source = new Source('locals {}\n# aup-guard-ignore-file AUP-NET-001: r\nresource "x" "y" {}\n');
		const file = source.parsed('terraform', []);
		assert.match(directivesOf(file).flatMap(directive => directiveProblems(directive, context)).join(), /must be in the comments at the top of the file/);
		assert.equal(applySuppressions(file, [source.finding('AUP-NET-001', source.find('resource'))], context)[0].suppressed, undefined);
	});

	it('reports a directive with no code after it', () => {
		const file = new Source('resource "x" "y" {}\n\n# aup-guard-ignore AUP-NET-001: r\n').parsed('terraform', []);
		assert.match(directivesOf(file).flatMap(directive => directiveProblems(directive, context)).join(), /no code after it/);
	});
});
