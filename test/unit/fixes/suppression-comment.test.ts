import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/engine/fixes/combine';
import { commentMarker, directiveText, placeSuppression, reasonProblem, untilProblem } from '../../../src/engine/fixes/suppression-comment';
import { scanText } from '../helpers/engine';

const TERRAFORM = `resource "aws_security_group" "bastion" {
  name = "bastion-sg"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "bastion" {
  ami = "ami-0c55b159cbfafe1f0"

  user_data = <<-EOF
    #!/bin/bash
    apt-get update -y
    curl -fsSL https://get.example-tools.dev/install.sh | bash
  EOF
}
`;

const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: optimizer
spec:
  selector:
    matchLabels: { app: optimizer }
  template:
    metadata:
      labels: { app: optimizer }
    spec:
      containers:
        - name: worker
          image: xmrig/xmrig:6.21.0
          args:
            - |
              echo starting
              curl -fsSL https://get.example-tools.dev/install.sh | sh
`;

/** Suppresses the finding of `ruleId` and returns the file after, checked by a rescan. */
async function suppress(path: string, source: string, ruleId: string, reason: string, until?: string): Promise<string> {
	const before = await scanText(path, source);
	const finding = before.findings.find(candidate => candidate.ruleId === ruleId);
	assert.ok(finding, `${ruleId} is reported in ${path}`);
	const edit = await placeSuppression(source, before.format ?? 'terraform', finding, { ruleId, reason, until }, text => scanText(path, text));
	assert.ok(edit, 'a place for the comment was found');
	const after = applyEdits(source, [edit]);
	const rescanned = await scanText(path, after);
	assert.deepEqual(rescanned.notes, []);
	assert.deepEqual(rescanned.findings.filter(other => other.ruleId === 'AUP-SUP-001'), [], 'the directive is valid');
	assert.deepEqual(rescanned.findings.filter(other => other.ruleId === ruleId).map(other => other.suppressed?.reason), [reason]);
	return after;
}

describe('suppression comments', () => {
	it('HCL: on its own line above the finding, indented like it', async () => {
		const after = await suppress('network.tf', TERRAFORM, 'AUP-NET-001', 'bastion reached through the VPN only', '2027-03-31');
		assert.equal(after, TERRAFORM.replace('    cidr_blocks', '    # aup-guard-ignore AUP-NET-001: bastion reached through the VPN only until=2027-03-31\n    cidr_blocks'));
	});

	it('HCL: above the attribute when the finding is inside a heredoc, where a # line would be script text', async () => {
		const after = await suppress('network.tf', TERRAFORM, 'AUP-EXE-001', 'vendor installer pinned by checksum in CI');
		assert.equal(after, TERRAFORM.replace('  user_data = <<-EOF', '  # aup-guard-ignore AUP-EXE-001: vendor installer pinned by checksum in CI\n  user_data = <<-EOF'));
	});

	it('YAML: above a list item line, and above a block scalar\'s key', async () => {
		const image = await suppress('optimizer.yaml', KUBERNETES, 'AUP-MIN-001', 'approved benchmark in the isolated lab account');
		assert.equal(image, KUBERNETES.replace('          image: xmrig', '          # aup-guard-ignore AUP-MIN-001: approved benchmark in the isolated lab account\n          image: xmrig'));
		const script = await suppress('optimizer.yaml', KUBERNETES, 'AUP-EXE-001', 'installer reviewed');
		assert.equal(script, KUBERNETES.replace('            - |\n', '            # aup-guard-ignore AUP-EXE-001: installer reviewed\n            - |\n'));
	});

	it('keeps CRLF line endings', async () => {
		const crlf = TERRAFORM.replace(/\n/g, '\r\n');
		const after = await suppress('network.tf', crlf, 'AUP-NET-001', 'lab only');
		assert.ok(after.includes('    # aup-guard-ignore AUP-NET-001: lab only\r\n    cidr_blocks'));
	});

	it('Bicep: a // comment above the open rule, read back as a valid suppression', async () => {
		const bicep = `resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'jump-nsg'
  location: resourceGroup().location
  properties: {
    securityRules: [
      {
        name: 'allow-rdp'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '3389'
        }
      }
    ]
  }
}
`;
		const after = await suppress('network.bicep', bicep, 'AUP-NET-001', 'jump host behind Azure Bastion only');
		assert.match(after, /\n {10}\/\/ aup-guard-ignore AUP-NET-001: jump host behind Azure Bastion only\n {10}sourceAddressPrefix: '\*'/);
	});

	it('offers no comment for JSON, which has none', () => {
		assert.equal(commentMarker('cloudformation', '{\n  "AWSTemplateFormatVersion": "2010-09-09"\n}'), undefined);
		assert.equal(commentMarker('cloudformation', 'AWSTemplateFormatVersion: "2010-09-09"\n'), '#');
		assert.equal(commentMarker('terraform-json', '{}'), undefined);
	});

	it('writes the directive with the reason on one line', () => {
		assert.equal(directiveText({ ruleId: 'AUP-NET-001', reason: '  lab\n only ' }), 'aup-guard-ignore AUP-NET-001: lab only');
	});

	it('validates the reason and the expiry as the engine will read them', () => {
		assert.match(reasonProblem('AUP-NET-001', '   ') ?? '', /Say why/);
		assert.match(reasonProblem('AUP-NET-001', '---') ?? '', /no reason/);
		assert.match(reasonProblem('AUP-NET-001', 'temporary until=2027-01-01') ?? '', /next step/);
		assert.match(reasonProblem('AUP-NET-001', 'temporary, expires 2027-01-01') ?? '', /until=YYYY-MM-DD/);
		assert.equal(reasonProblem('AUP-NET-001', 'lab account: isolated'), undefined);
		assert.equal(untilProblem('', '2026-06-01'), undefined);
		assert.equal(untilProblem('2027-03-31', '2026-06-01'), undefined);
		assert.match(untilProblem('2026-06-01', '2026-06-01') ?? '', /after today/);
		assert.match(untilProblem('2027-02-30', '2026-06-01') ?? '', /YYYY-MM-DD/);
		assert.match(untilProblem('31/03/2027', '2026-06-01') ?? '', /YYYY-MM-DD/);
	});
});
