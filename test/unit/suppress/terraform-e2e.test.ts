import * as assert from 'node:assert/strict';
import { scanText } from '../helpers/engine';
import { scanWithProbes as scan, summary } from './probes';

const SECURITY_GROUP = `resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "aup-guard-ignore AUP-TST-001: look-alike in a string, not a comment"
  cidr        = "0.0.0.0/0"

  # aup-guard-ignore AUP-TST-001, aup-tst-002: bastion reachable only from the office VPN until=2027-03-31
  # (ticket SEC-4411)
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # aup-guard-ignore AUP-TST-001: public HTTPS endpoint
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    // aup-guard-ignore AUP-TST-001: egress to the package mirrors
    cidr_blocks = [
      "0.0.0.0/0",
    ]
  }
}
`;

describe('suppressions end to end: Terraform (real parser)', function () {
	this.timeout(30000);

	it('own-line before a block covers the block, not its siblings; trailing covers its line', async () => {
		assert.deepEqual(summary(await scan('main.tf', SECURITY_GROUP)), [
			'4 AUP-TST-001',
			'10 AUP-TST-002 suppressed: bastion reachable only from the office VPN until 2027-03-31',
			'11 AUP-TST-002 suppressed: bastion reachable only from the office VPN until 2027-03-31',
			'13 AUP-TST-001 suppressed: bastion reachable only from the office VPN until 2027-03-31',
			'20 AUP-TST-001 suppressed: public HTTPS endpoint',
			'24 AUP-TST-002',
			'25 AUP-TST-002',
			'27 AUP-TST-001',
			'36 AUP-TST-001 suppressed: egress to the package mirrors',
		]);
	});

	it('an expired or malformed directive suppresses nothing and is reported at its text', async () => {
		const text = [
			'resource "aws_security_group_rule" "ssh" {',
			'  # aup-guard-ignore AUP-TST-002: temporary access until=2026-05-31',
			'  from_port   = 22',
			'  cidr_blocks = ["0.0.0.0/0"] # aup-guard-ignore AUP-TST-001: r until=2026-06-01',
			'  to_port     = 22 # aup-guard-ignore AUP-TTS-002: typo',
			'}',
			'',
		].join('\n');
		const result = await scan('rules.tf', text);
		assert.deepEqual(summary(result), [
			'2 AUP-SUP-001', '3 AUP-TST-002', '4 AUP-TST-001 suppressed: r until 2026-06-01', '5 AUP-TST-002', '5 AUP-SUP-001',
		]);
		const reported = result.findings.filter(finding => finding.ruleId === 'AUP-SUP-001');
		assert.deepEqual(reported.map(finding => [finding.range, finding.severity, finding.aupSection]), [
			[{ start: { line: 1, character: 4 }, end: { line: 1, character: 67 } }, 'warning', '4'],
			[{ start: { line: 4, character: 21 }, end: { line: 4, character: 55 } }, 'warning', '4'],
		]);
		assert.match(reported[0].message, /expired after 2026-05-31/);
		assert.match(reported[1].message, /Unknown rule id AUP-TTS-002.*did you mean AUP-TST-002\?/);
	});

	it('a directive in a heredoc or a string is not a comment', async () => {
		const text = [
			'resource "aws_instance" "web" {',
			'  user_data = <<-EOF',
			'    # aup-guard-ignore AUP-TST-001: inside a script, not a Terraform comment',
			'    echo 0.0.0.0',
			'  EOF',
			'  tags = { note = "# aup-guard-ignore AUP-TST-001: in a string" }',
			'  cidr = "0.0.0.0/0"',
			'}',
			'',
		].join('\n');
		assert.deepEqual(summary(await scan('web.tf', text)), ['2 AUP-TST-001', '7 AUP-TST-001']);
	});

	it('reads directives in files with Windows line endings', async () => {
		const text = [
			'resource "aws_security_group" "a" {', '  # aup-guard-ignore AUP-TST-001: crlf block', '  ingress {', '    cidr_blocks = ["0.0.0.0/0"]', '  }',
			'  cidr = "0.0.0.0/0" # aup-guard-ignore AUP-TST-001: crlf line', '  other = "0.0.0.0/0"', '}', '',
		].join('\r\n');
		assert.deepEqual(summary(await scan('crlf.tf', text)), [
			'4 AUP-TST-001 suppressed: crlf block', '6 AUP-TST-001 suppressed: crlf line', '7 AUP-TST-001',
		]);
	});

	it('the shared test engine reports invalid directives with the built-in rules', async () => {
		const result = await scanText('main.tf', '# aup-guard-ignore AUP-NET-001:\nlocals {}\n');
		const reported = result.findings.filter(finding => finding.ruleId === 'AUP-SUP-001');
		assert.ok(reported.some(finding => /no reason/.test(finding.message)), JSON.stringify(reported));
		assert.ok(reported.every(finding => finding.range.start.line === 0 && finding.range.start.character === 2));
	});
});
