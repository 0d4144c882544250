import * as assert from 'node:assert/strict';
import rule from '../../../src/engine/rules/very-large-scaling-limit';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import { scanText } from '../helpers/engine';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CST-001';

const terraform = `resource "aws_autoscaling_group" "web" {
  name             = "web"
  min_size         = 2
  max_size         = 500
  desired_capacity = 4
}

resource "aws_instance" "worker" {
  count         = 120
  ami           = data.aws_ami.ubuntu.id
  instance_type = "c6i.large"
}
`;

ruleTester.run(rule, {
	flagged: [
		{
			name: 'an auto scaling group of 500 and 120 counted instances',
			path: 'compute.tf',
			source: terraform,
			findings: [
				{
					ruleId: id, line: 3, character: 21, endLine: 3, endCharacter: 24, text: '500',
					message: 'aws_autoscaling_group.web can run up to 500 instances (max_size), above the limit of 50 (option maxInstances). Confirm the budget, quotas and a billing alarm cover it, or lower max_size (AUP section 4: manage costs responsibly).',
				},
				{ ruleId: id, line: 8, character: 18, endLine: 8, endCharacter: 21, text: '120', message: /^aws_instance\.worker can run up to 120 instances \(count\)/ },
			],
		},
		{
			name: 'a Deployment of 200 replicas and an autoscaler up to 1000',
			path: 'web.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 200
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 3
  maxReplicas: 1000
`,
			findings: [
				{ ruleId: id, line: 5, character: 12, endLine: 5, endCharacter: 15, text: '200', message: /^Deployment 'web' can run up to 200 replicas \(spec\.replicas\), above the limit of 50 \(option maxReplicas\)/ },
				{ ruleId: id, line: 22, character: 15, endLine: 22, endCharacter: 19, text: '1000', message: /^HorizontalPodAutoscaler 'web' can run up to 1000 replicas \(spec\.maxReplicas\)/ },
			],
		},
		{
			name: 'a CloudFormation group with a quoted MaxSize',
			path: 'asg.yaml',
			source: `Resources:
  WebGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '400'
      LaunchTemplate:
        LaunchTemplateId: !Ref WebTemplate
        Version: !GetAtt WebTemplate.LatestVersionNumber
`,
			findings: [{ ruleId: id, line: 5, character: 15, endLine: 5, endCharacter: 20, text: '\'400\'', message: /^AWS::AutoScaling::AutoScalingGroup 'WebGroup' can run up to 400 instances \(MaxSize\)/ }],
		},
	],
	clean: [
		{
			name: 'sizes at or under the limits, a count from a variable, and a DynamoDB scaling target',
			path: 'compute.tf',
			source: `resource "aws_autoscaling_group" "web" {
  min_size = 2
  max_size = 50 # max_size = 500 was too much
}

resource "aws_instance" "worker" {
  count = var.worker_count
}

resource "aws_appautoscaling_target" "reads" {
  service_namespace  = "dynamodb"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  max_capacity       = 4000
}

resource "aws_ecs_service" "api" {
  desired_count = 12
}
`,
		},
		{
			name: 'a Compose service of 4 replicas, and a number in an environment variable',
			path: 'docker-compose.yml',
			source: `services:
  web:
    image: nginx:1.27
    deploy:
      replicas: 4
    environment:
      MAX_REPLICAS: "900"
`,
		},
	],
});

describe(`${id} thresholds from options`, () => {
	const others = Object.fromEntries(BUILTIN_RULES.filter(other => other !== rule).map(other => [other.id, 'off' as const]));
	const scan = (options: Record<string, unknown>) => scanText('compute.tf', terraform, { ruleSeverities: others, ruleOptions: { [id]: options } });

	it('reports nothing once maxInstances covers the fleet', async () => {
		assert.deepEqual((await scan({ maxInstances: 500 })).findings, []);
	});

	it('reads a lower limit, also written as a string', async () => {
		const result = await scan({ maxInstances: '100' });
		assert.deepEqual(result.findings.map(finding => finding.message.match(/up to (\d+)/)?.[1]), ['500', '120']);
		assert.match(result.findings[0].message, /above the limit of 100/);
	});

	it('falls back to the default for values that are not positive whole numbers', async () => {
		for (const bad of [0, -5, 2.5, 'lots', null, true]) {
			const result = await scan({ maxInstances: bad });
			assert.equal(result.findings.length, 2, `maxInstances: ${String(bad)}`);
			assert.match(result.findings[0].message, /above the limit of 50 /);
		}
	});
});
