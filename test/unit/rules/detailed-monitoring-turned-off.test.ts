import rule from '../../../src/engine/rules/detailed-monitoring-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-MON-001';

const terraform = `resource "aws_instance" "api" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "m6i.large"
  monitoring    = false
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  instance_type = "c6i.large"

  monitoring {
    enabled = false
  }
}

resource "aws_db_instance" "orders" {
  engine                       = "postgres"
  instance_class               = "db.m6g.large"
  monitoring_interval          = 0
  performance_insights_enabled = false
}
`;

const cloudFormation = `Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      Monitoring: false
  WorkerConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: c6i.large
      ImageId: !Ref WorkerAmi
      InstanceMonitoring: 'false'
`;

const flagged = [
	{
		name: 'an instance and a launch template with monitoring off, and a database without either kind of monitoring',
		path: 'compute.tf',
		source: terraform,
		findings: [
			{
				ruleId: id, line: 3, character: 18, endLine: 3, endCharacter: 23, text: 'false',
				message: 'Detailed monitoring is switched off in aws_instance.api (monitoring = false): metrics arrive every five minutes instead of every minute, so spikes and runaway costs show late. Turn it on where you rely on these metrics (AUP section 4: monitor your infrastructure).',
				fixed: [`resource "aws_instance" "api" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "m6i.large"
  monitoring    = true
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  instance_type = "c6i.large"

  monitoring {
    enabled = false
  }
}

resource "aws_db_instance" "orders" {
  engine                       = "postgres"
  instance_class               = "db.m6g.large"
  monitoring_interval          = 0
  performance_insights_enabled = false
}
`],
			},
			{
				ruleId: id, line: 11, character: 14, endLine: 11, endCharacter: 19, text: 'false',
				message: /^Detailed monitoring is switched off in aws_launch_template\.workers \(monitoring\.enabled = false\)/,
				fixed: [`resource "aws_instance" "api" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "m6i.large"
  monitoring    = false
}

resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  instance_type = "c6i.large"

  monitoring {
    enabled = true
  }
}

resource "aws_db_instance" "orders" {
  engine                       = "postgres"
  instance_class               = "db.m6g.large"
  monitoring_interval          = 0
  performance_insights_enabled = false
}
`],
			},
			{
				ruleId: id, line: 18, character: 33, endLine: 18, endCharacter: 34, text: '0',
				message: 'aws_db_instance.orders turns off both Enhanced Monitoring (monitoring_interval = 0) and Performance Insights (performance_insights_enabled = false): only basic metrics remain, so slow queries and an overloaded database are hard to see. Turn Performance Insights on, or set a monitoring interval with a monitoring role (AUP section 4: monitor your infrastructure).',
			},
		],
	},
	{
		name: 'a CloudFormation instance and launch configuration with monitoring off',
		path: 'stack.yaml',
		source: cloudFormation,
		findings: [
			{
				ruleId: id, line: 5, character: 18, endLine: 5, endCharacter: 23, text: 'false',
				message: /^Detailed monitoring is switched off in AWS::EC2::Instance 'Bastion' \(Monitoring: false\)/,
				fixed: [`Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      Monitoring: true
  WorkerConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: c6i.large
      ImageId: !Ref WorkerAmi
      InstanceMonitoring: 'false'
`],
			},
			{
				ruleId: id, line: 11, character: 26, endLine: 11, endCharacter: 33, text: "'false'",
				message: /^Detailed monitoring is switched off in AWS::AutoScaling::LaunchConfiguration 'WorkerConfig' \(InstanceMonitoring: false\)/,
				fixed: [`Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      Monitoring: false
  WorkerConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: c6i.large
      ImageId: !Ref WorkerAmi
      InstanceMonitoring: true
`],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged: [
		...flagged,
		{
			name: 'a launch template in Terraform JSON with monitoring off',
			path: 'compute.tf.json',
			source: `{
  "resource": {
    "aws_launch_template": {
      "workers": { "instance_type": "c6i.large", "monitoring": { "enabled": false } }
    }
  }
}
`,
			findings: [{
				ruleId: id, line: 3, character: 76, endLine: 3, endCharacter: 81, text: 'false', message: /aws_launch_template\.workers \(monitoring\.enabled = false\)/,
				fixed: [`{
  "resource": {
    "aws_launch_template": {
      "workers": { "instance_type": "c6i.large", "monitoring": { "enabled": true } }
    }
  }
}
`],
			}],
		},
	],
	clean: [
		{
			name: 'monitoring on, left to the default, or from a variable; and a database with Performance Insights on',
			path: 'compute.tf',
			source: `resource "aws_instance" "api" {
  instance_type = "m6i.large"
  monitoring    = true
}

resource "aws_instance" "dev" {
  instance_type = "t3.micro"
  # monitoring = false saves a little in dev
}

resource "aws_launch_template" "workers" {
  monitoring {
    enabled = var.detailed_monitoring
  }
}

resource "aws_db_instance" "orders" {
  monitoring_interval          = 0
  performance_insights_enabled = true
}

resource "aws_db_instance" "reports" {
  monitoring_interval          = 60
  monitoring_role_arn          = aws_iam_role.rds_monitoring.arn
  performance_insights_enabled = false
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name = "monitoring = false"
  namespace  = "AWS/EC2"
}
`,
		},
		{
			name: 'CloudFormation monitoring on, a parameter, and a launch configuration left to its default',
			path: 'stack.yaml',
			source: `Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      Monitoring: true
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      Monitoring: !Ref DetailedMonitoring
  WorkerConfig:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: c6i.large
      ImageId: !Ref WorkerAmi
`,
		},
	],
});

fixesResolve(rule, flagged);
