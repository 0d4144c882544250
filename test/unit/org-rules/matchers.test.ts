import * as assert from 'node:assert/strict';
import { withOrgRules } from '../../../src/engine/org-rules/index';
import { scanText } from '../helpers/engine';
import { hits, oneRule } from './helpers';

const INSTANCES = `resource "aws_instance" "api" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "m5.4xlarge"
  monitoring    = false
  tags = {
    Team = "payments"
  }
}

resource "aws_instance" "worker" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.medium"
  monitoring    = true
}

resource "aws_instance" "batch" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = var.batch_instance_type
}

resource "aws_launch_template" "api" {
  instance_type = "m5.4xlarge"
}
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 12
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/checkout:1.4.2
          imagePullPolicy: Always
        - name: sidecar
          image: docker.io/library/envoy:latest
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger
spec:
  replicas: "3"
  template:
    spec:
      containers:
        - name: db
          image: registry.example.com/ledger-db:15
`;

describe('organisation rule matchers', () => {
	it('equals: flags the literal value and not a look-alike, a variable or another attribute', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: monitoring, value: { equals: false } }');
		assert.deepEqual(await hits(org, 'main.tf', INSTANCES), [
			{ line: 3, character: 18, endLine: 3, endCharacter: 23, text: 'false' },
		]);
	});

	it('oneOf: flags listed values only, in the resource type named', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: instance_type, value: { oneOf: [m5.4xlarge, m5.8xlarge] } }');
		assert.deepEqual((await hits(org, 'main.tf', INSTANCES)).map(hit => [hit.line, hit.text]), [[2, '"m5.4xlarge"']]);
	});

	it('notOneOf: flags values outside the allow-list but never a value only known at deploy time', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: instance_type, value: { notOneOf: [t3.micro, t3.medium] } }');
		assert.deepEqual((await hits(org, 'main.tf', INSTANCES)).map(hit => [hit.line, hit.text]), [[2, '"m5.4xlarge"']]);
	});

	it('above and below: compare numbers, quoted numbers too, across the documents of a stream', async () => {
		const above = oneRule('{ resource: [Deployment, StatefulSet], attribute: spec.replicas, value: { above: 10 } }');
		assert.deepEqual(await hits(above, 'k8s/app.yaml', DEPLOYMENT), [{ line: 5, character: 12, endLine: 5, endCharacter: 14, text: '12' }]);
		const below = oneRule('{ resource: "*Set", attribute: spec.replicas, value: { below: 5 } }');
		assert.deepEqual((await hits(below, 'k8s/app.yaml', DEPLOYMENT)).map(hit => [hit.line, hit.text]), [[20, '"3"']]);
	});

	it('regex: searches list items through [*] and reports each match', async () => {
		const org = oneRule('{ resource: Deployment, attribute: "spec.template.spec.containers[*].image", value: { regex: ":latest$" } }');
		assert.deepEqual((await hits(org, 'k8s/app.yaml', DEPLOYMENT)).map(hit => [hit.line, hit.text]), [[13, 'docker.io/library/envoy:latest']]);
	});

	it('notRegex: an allow-list of registries, where RE2 has no lookahead', async () => {
		const org = oneRule('{ resource: "*", attribute: spec.template.spec.containers.image, value: { notRegex: "^registry\\\\.example\\\\.com/" } }');
		assert.deepEqual((await hits(org, 'k8s/app.yaml', DEPLOYMENT)).map(hit => [hit.line, hit.text]), [[13, 'docker.io/library/envoy:latest']]);
	});

	it('present and absent: about the attribute, with absent pointing at the resource', async () => {
		const present = oneRule('{ resource: aws_instance, attribute: tags, value: { present: true } }');
		assert.deepEqual((await hits(present, 'main.tf', INSTANCES)).map(hit => hit.line), [4]);
		const absent = oneRule('{ resource: aws_instance, attribute: tags.Team, value: { absent: true } }');
		assert.deepEqual((await hits(absent, 'main.tf', INSTANCES)).map(hit => [hit.line, hit.text]), [
			[9, '"aws_instance" "worker"'],
			[15, '"aws_instance" "batch"'],
		]);
	});

	it('a resource type alone flags every resource of the type, and globs match families', async () => {
		const org = oneRule('{ resource: "aws_launch_*" }');
		assert.deepEqual((await hits(org, 'main.tf', INSTANCES)).map(hit => [hit.line, hit.text]), [[20, '"aws_launch_template" "api"']]);
		const none = oneRule('{ resource: "aws_launch" }');
		assert.deepEqual(await hits(none, 'main.tf', INSTANCES), []);
	});

	it('fills the message placeholders from the finding', async () => {
		const org = oneRule('{ resource: aws_instance, attribute: instance_type, value: { equals: m5.4xlarge } }');
		const result = await scanText('main.tf', INSTANCES, withOrgRules({}, org));
		const finding = result.findings.find(candidate => candidate.ruleId === 'ACME-TST-001');
		assert.equal(finding?.message, 'aws_instance.api instance_type=m5.4xlarge (none)');
		assert.equal(finding?.aupSection, '4');
		assert.equal(finding?.category, 'access-control');
	});
});

describe('organisation rule string patterns', () => {
	const USER_DATA = `resource "aws_instance" "build" {
  instance_type = "t3.medium"
  user_data     = <<-EOT
    #!/bin/bash
    pip install --index-url https://pypi.internal.corp.example/simple app
  EOT
  tags = {
    Docs = "https://wiki.internal.corp.example/build"
  }
}
`;

	it('in: strings flags every string value, pointing inside it', async () => {
		const org = oneRule('{ strings: { regex: "internal\\\\.corp\\\\.example" } }');
		assert.deepEqual((await hits(org, 'main.tf', USER_DATA)).map(hit => [hit.line, hit.text]), [
			[4, 'internal.corp.example'],
			[7, 'internal.corp.example'],
		]);
	});

	it('in: scripts flags scripts only, not the same text in a tag', async () => {
		const org = oneRule('{ strings: { regex: "internal\\\\.corp\\\\.example" }, in: scripts }');
		assert.deepEqual(await hits(org, 'main.tf', USER_DATA), [
			{ line: 4, character: 41, endLine: 4, endCharacter: 62, text: 'internal.corp.example' },
		]);
	});

	it('resource narrows a string pattern to the strings of that resource type', async () => {
		const org = oneRule('{ resource: aws_lambda_function, strings: { regex: "internal\\\\.corp" } }');
		assert.deepEqual(await hits(org, 'main.tf', USER_DATA), []);
	});

	it('a pattern that backtracks exponentially elsewhere still answers, on RE2', async () => {
		const org = oneRule('{ strings: { regex: "(a+)+$" } }');
		const long = `${'a'.repeat(50_000)}!`;
		const source = `resource "aws_instance" "x" {\n  user_data = "${long}"\n  ami = "${'a'.repeat(30)}"\n}\n`;
		const found = await hits(org, 'main.tf', source);
		// The first string ends in '!', so only the second matches.
		assert.deepEqual(found.map(hit => [hit.line, hit.text.length]), [[2, 30]]);
	});
});
