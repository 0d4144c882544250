import * as assert from 'node:assert/strict';
import type { Span } from '../../../src/engine/model/range';
import invalidSuppression from '../../../src/engine/rules/invalid-suppression';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import type { RuleReport } from '../../../src/engine/rules/rule';
import { applySuppressions } from '../../../src/engine/suppress/index';
import { Source } from './build';

const context = { options: {}, knownRuleIds: new Set(['AUP-NET-001', 'AUP-SUP-001']), today: '2026-06-01' };

/** What AUP-SUP-001 reports for a Terraform text whose only model is its comments. */
function check(text: string): { source: Source; reports: RuleReport[] } {
	const source = new Source(text);
	const reports: RuleReport[] = [];
	invalidSuppression.check(source.parsed('terraform', []), report => reports.push(report), context);
	return { source, reports };
}

function at(source: Source, span: Span): string {
	const { start, end } = source.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

describe('AUP-SUP-001 invalid or expired suppression', () => {
	it('is registered with its metadata', () => {
		assert.ok(BUILTIN_RULES.includes(invalidSuppression));
		assert.deepEqual(
			[invalidSuppression.id, invalidSuppression.severity, invalidSuppression.aupSection, invalidSuppression.category],
			['AUP-SUP-001', 'warning', '4', 'ai-review']);
		assert.ok(!invalidSuppression.formats.includes('arm') && !invalidSuppression.formats.includes('terraform-json'), 'JSON has no comments');
	});

	it('points at the directive text inside the comment, after the marker', () => {
		const { source, reports } = check('resource "x" "y" {\n  ami = "a" # aup-guard-ignore AUP-NET-001\n}\n');
		assert.equal(reports.length, 1);
		assert.equal(at(source, reports[0].span), '1:14-1:42');
		assert.match(reports[0].message, /^Suppression has no reason, so it does not apply: .*'aup-guard-ignore AUP-NET-001: why this is acceptable'\.$/);
	});

	it('reports each problem of a directive on its own', () => {
		const { reports } = check('# aup-guard-ignore AUP-NTE-001: until=2027-02-30\nlocals {}\n');
		assert.deepEqual(reports.map(report => report.message.split(',')[0]), [
			'Suppression has no reason',
			'Suppression\'s until=2027-02-30 is not a real day',
			'Unknown rule id AUP-NTE-001',
		]);
	});

	it('accepts an organisation rule id while no organisation rules are loaded, but not an unknown AUP- id', () => {
		assert.deepEqual(check('# aup-guard-ignore ACME-NET-001: the platform team approved this port\nlocals {}\n').reports, []);
		assert.deepEqual(check('# aup-guard-ignore ACME-NET-001, AUP-NET-001: approved by the platform team\nlocals {}\n').reports, []);
		const unknown = check('# aup-guard-ignore ACME-NET-001, AUP-NTE-001: approved by the platform team\nlocals {}\n').reports;
		assert.deepEqual(unknown.map(report => report.message), ['Unknown rule id AUP-NTE-001, so the suppression does not apply: did you mean AUP-NET-001?']);
		// Reserved for built-in rules, so not an organisation id: malformed as an AUP- id.
		assert.match(check('# aup-guard-ignore AUP-NETWORK-001: reviewed\nlocals {}\n').reports[0]?.message ?? '', /^'AUP-NETWORK-001' is not a rule id/);
		assert.match(check('# aup-guard-ignore NET-001: reviewed\nlocals {}\n').reports[0]?.message ?? '', /^'NET-001' is not a rule id/);
	});

	it('checks an organisation rule id against the organisation rules when they are loaded', () => {
		const source = new Source('# aup-guard-ignore ACME-NTE-001: approved by the platform team\nlocals {}\n');
		const reports: RuleReport[] = [];
		const withOrgRules = { ...context, knownRuleIds: new Set([...context.knownRuleIds, 'ACME-NET-001']) };
		invalidSuppression.check(source.parsed('terraform', []), report => reports.push(report), withOrgRules);
		assert.deepEqual(reports.map(report => report.message), ['Unknown rule id ACME-NTE-001, so the suppression does not apply: did you mean ACME-NET-001?']);
	});

	it('still suppresses the built-in finding named beside an organisation id when organisation rules are off', () => {
		const source = new Source('# aup-guard-ignore ACME-NET-001, AUP-NET-001: approved by the platform team\nlocals {}\n');
		const finding = source.finding('AUP-NET-001', source.find('locals {}'));
		const [reviewed] = applySuppressions(source.parsed('terraform', []), [finding], context);
		assert.equal(reviewed.suppressed?.reason, 'approved by the platform team');
	});

	it('reports nothing for valid directives, look-alikes in prose, and files without directives', () => {
		assert.deepEqual(check('# aup-guard-ignore AUP-NET-001: reviewed until=2026-06-01\nlocals {}\n').reports, []);
		assert.deepEqual(check('# how to silence: see aup-guard-ignore in the README\nlocals {}\n').reports, []);
		assert.deepEqual(check('locals {\n  note = "# aup-guard-ignore AUP-XXX-999"\n}\n').reports, []);
	});

	it('cannot be suppressed, not even by a directive naming it', () => {
		const { source, reports } = check('# aup-guard-ignore-file AUP-SUP-001: silence the warnings\n# aup-guard-ignore AUP-NET-001:\nlocals {}\n');
		assert.match(reports.map(report => report.message).join('\n'), /AUP-SUP-001 cannot be suppressed/);
		const findings = reports.map(report => ({ ...source.finding('AUP-SUP-001', report.span) }));
		assert.ok(applySuppressions(source.parsed('terraform', []), findings, context).every(finding => finding.suppressed === undefined));
	});
});
