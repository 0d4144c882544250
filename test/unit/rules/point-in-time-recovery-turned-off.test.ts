import rule from '../../../src/engine/rules/point-in-time-recovery-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-004';

const flagged = [
	{
		name: 'a DynamoDB table and a Cloud SQL instance with it off',
		path: 'data.tf',
		source: `resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  point_in_time_recovery {
    enabled = false
  }
}

resource "google_sql_database_instance" "main" {
  settings {
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = false
    }
  }
}
`,
		findings: [
			{
				ruleId: id, line: 5, character: 14, endLine: 5, endCharacter: 19, text: 'false',
				message: 'Point-in-time recovery is off in aws_dynamodb_table.orders (point_in_time_recovery.enabled = false): a bad write can only be undone from the last full backup, if any. Turn it on for data you cannot rebuild (AUP section 4: maintain backups and recovery).',
				fixed: [`resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  point_in_time_recovery {
    enabled = true
  }
}

resource "google_sql_database_instance" "main" {
  settings {
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = false
    }
  }
}
`],
			},
			{
				ruleId: id, line: 13, character: 39, endLine: 13, endCharacter: 44, text: 'false', message: /google_sql_database_instance\.main \(settings\.backup_configuration\.point_in_time_recovery_enabled = false\)/,
				fixed: [`resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  point_in_time_recovery {
    enabled = false
  }
}

resource "google_sql_database_instance" "main" {
  settings {
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
`],
			},
		],
	},
	{
		name: 'a CloudFormation table with it off',
		path: 'table.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: false
`,
		findings: [{
			ruleId: id, line: 7, character: 36, endLine: 7, endCharacter: 41, text: 'false', message: /^Point-in-time recovery is off in AWS::DynamoDB::Table 'Orders'/,
			fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
`],
		}],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'recovery on, a table that does not mention it, and a variable',
			path: 'data.tf',
			source: `resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  ttl {
    attribute_name = "expires"
    enabled        = true
  }
}

resource "aws_dynamodb_table" "events" {
  name = "events"
  point_in_time_recovery {
    enabled = var.pitr
  }
}
`,
		},
		{
			name: 'a CloudFormation table with recovery on',
			path: 'table.yaml',
			source: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
      SSESpecification:
        SSEEnabled: false
`,
		},
	],
});

fixesResolve(rule, flagged);
