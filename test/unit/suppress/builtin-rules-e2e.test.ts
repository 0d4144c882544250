import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/engine/index';
import { scanText } from '../helpers/engine';

/** `line rule` per finding (1-based lines), with the reason when suppressed. */
function outcome(result: ScanResult): string[] {
	assert.deepEqual(result.errors, []);
	return result.findings.map(finding => `${finding.range.start.line + 1} ${finding.ruleId}${finding.suppressed ? ` suppressed: ${finding.suppressed.reason}` : ''}`);
}

const BASTION = `resource "aws_security_group" "bastion" {
  name = "bastion"

  # aup-guard-ignore AUP-NET-001: bastion reachable only from the office VPN until=2027-03-31
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # aup-guard-ignore AUP-NET-001: read replica for the public dataset
  }
}
`;

describe('suppressions with the built-in rules', function () {
	this.timeout(30000);

	it('AUP-NET-001 in Terraform: the block below the comment and the trailing line, not the sibling', async () => {
		const result = await scanText('network.tf', BASTION);
		assert.deepEqual(outcome(result), [
			'9 AUP-NET-001 suppressed: bastion reachable only from the office VPN',
			'16 AUP-NET-001',
			'23 AUP-NET-001 suppressed: read replica for the public dataset',
		]);
		assert.deepEqual(result.findings[0].suppressed, { reason: 'bastion reachable only from the office VPN', until: '2027-03-31' });
	});

	it('stops suppressing the day after until=, and says so', async () => {
		const result = await scanText('network.tf', BASTION, { today: '2027-04-01' });
		assert.deepEqual(outcome(result), [
			'4 AUP-SUP-001',
			'9 AUP-NET-001',
			'16 AUP-NET-001',
			'23 AUP-NET-001 suppressed: read replica for the public dataset',
		]);
		assert.match(result.findings[0].message, /expired after 2027-03-31/);
	});

	it('does not report a directive for a rule the user turned off: the id is still a real rule', async () => {
		const result = await scanText('network.tf', BASTION, { ruleSeverities: { 'AUP-NET-001': 'off' } });
		assert.deepEqual(outcome(result), []);
	});

	it('AUP-MIN-001 in Kubernetes: the annotation covers the whole object, until the day after its date', async () => {
		const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hash-benchmark
  annotations:
    aup-guard.autoscalr.com/ignore: "AUP-MIN-001: approved benchmark in the isolated lab account until=2026-06-01"
spec:
  template:
    spec:
      containers:
        - name: bench
          image: xmrig/xmrig:6.21.0
`;
		assert.deepEqual(outcome(await scanText('bench.yaml', manifest)), ['12 AUP-MIN-001 suppressed: approved benchmark in the isolated lab account']);
		assert.deepEqual(outcome(await scanText('bench.yaml', manifest, { today: '2026-06-02' })), ['6 AUP-SUP-001', '12 AUP-MIN-001']);
	});
});
