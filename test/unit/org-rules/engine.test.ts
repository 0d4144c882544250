import * as assert from 'node:assert/strict';
import { parseOrgRules, withOrgRules } from '../../../src/engine/org-rules/index';
import { scanText } from '../helpers/engine';
import { oneRule } from './helpers';

const SG = `resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "bastion" {
  instance_type = "m5.large"
}
`;

function ids(findings: readonly { ruleId: string; severity: string; suppressed?: unknown }[]): string[] {
	return findings.map(finding => `${finding.ruleId}:${finding.severity}${finding.suppressed ? ':suppressed' : ''}`);
}

describe('organisation rules in the engine', () => {
	it('changes a built-in rule\'s severity or turns it off, and the caller\'s own setting wins', async () => {
		const raise = parseOrgRules('version: 1\noverrides:\n  AUP-NET-001: error\n', 'rules.yaml');
		assert.deepEqual(ids((await scanText('main.tf', SG, withOrgRules({}, raise))).findings), ['AUP-NET-001:error']);
		const off = parseOrgRules('version: 1\noverrides:\n  AUP-NET-001: off\n', 'rules.yaml');
		assert.deepEqual(ids((await scanText('main.tf', SG, withOrgRules({}, off))).findings), []);
		const user = withOrgRules({ ruleSeverities: { 'AUP-NET-001': 'info' } }, raise);
		assert.deepEqual(ids((await scanText('main.tf', SG, user)).findings), ['AUP-NET-001:info']);
		assert.deepEqual(ids((await scanText('main.tf', SG)).findings), ['AUP-NET-001:warning'], 'without the file nothing changes');
	});

	it('runs the file\'s rules after the built-ins, with their own overrides', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: instance_type, value: { notOneOf: [t3.micro] } }', 'overrides:\n  ACME-TST-001: error');
		assert.deepEqual(ids((await scanText('main.tf', SG, withOrgRules({}, org))).findings), ['AUP-NET-001:warning', 'ACME-TST-001:error']);
	});

	it('accepts suppressions of the file\'s rule ids and still reports unknown ones', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: instance_type, value: { notOneOf: [t3.micro] } }');
		const suppressed = SG.replace('resource "aws_instance"', '# aup-guard-ignore ACME-TST-001: sized for the VPN gateway until=2027-01-31\nresource "aws_instance"');
		assert.deepEqual(ids((await scanText('main.tf', suppressed, withOrgRules({}, org))).findings), ['AUP-NET-001:warning', 'ACME-TST-001:warning:suppressed']);
		const mistyped = await scanText('main.tf', suppressed.replace('ACME-TST-001:', 'ACME-TTS-001:'), withOrgRules({}, org));
		assert.deepEqual(ids(mistyped.findings), ['AUP-NET-001:warning', 'AUP-SUP-001:warning', 'ACME-TST-001:warning']);
		assert.match(mistyped.findings[1].message, /^Unknown rule id ACME-TTS-001, .*did you mean ACME-TST-001\?$/);
	});

	it('does not call an organisation id invalid when the organisation rules are not loaded (untrusted, --no-org-rules)', async () => {
		const suppressed = SG.replace('resource "aws_instance"', '# aup-guard-ignore ACME-TST-001: sized for the VPN gateway\nresource "aws_instance"');
		assert.deepEqual(ids((await scanText('main.tf', suppressed)).findings), ['AUP-NET-001:warning']);
		const builtIn = SG.replace('  ingress {', '  # aup-guard-ignore AUP-NTE-001: bastion behind the VPN\n  ingress {');
		assert.deepEqual(ids((await scanText('main.tf', builtIn)).findings), ['AUP-SUP-001:warning', 'AUP-NET-001:warning']);
	});

	it('passes rule options to built-in rules and ignores an extra rule that reuses a built-in id', async () => {
		const org = parseOrgRules('version: 1\nruleOptions:\n  AUP-NET-001: { maxPorts: 3 }\n', 'rules.yaml');
		assert.deepEqual(withOrgRules({ ruleOptions: { 'AUP-NET-001': { other: true } } }, org).ruleOptions, { 'AUP-NET-001': { maxPorts: 3, other: true } });
		const impostor = { ...oneRule('{ resource: aws_instance }').rules[0], id: 'AUP-NET-001' };
		const result = await scanText('main.tf', SG, { extraRules: [impostor] });
		assert.deepEqual(ids(result.findings), ['AUP-NET-001:warning']);
		assert.match(result.findings[0].message, /22/);
	});

	it('leaves the options untouched for an empty file', () => {
		const base = { maxFileSize: 10 };
		assert.equal(withOrgRules(base, parseOrgRules('', 'rules.yaml')), base);
	});
});
