import rule from '../../../src/engine/rules/deletion-protection-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-003';

const flagged = [
	{
		name: 'RDS, Cloud SQL (both switches) and DynamoDB with protection off',
		path: 'data.tf',
		source: `resource "aws_rds_cluster" "main" {
  cluster_identifier  = "main"
  deletion_protection = false
}

resource "google_sql_database_instance" "main" {
  name                = "main"
  deletion_protection = false
  settings {
    tier                        = "db-f1-micro"
    deletion_protection_enabled = false
  }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = false
}
`,
		findings: [
			{
				ruleId: id, line: 2, character: 24, endLine: 2, endCharacter: 29, text: 'false',
				message: 'Deletion protection is off in aws_rds_cluster.main (deletion_protection = false): a mistaken destroy or replacement deletes the database. Set it to true where the data matters (AUP section 4: maintain backups and recovery).',
				fixed: [`resource "aws_rds_cluster" "main" {
  cluster_identifier  = "main"
  deletion_protection = true
}

resource "google_sql_database_instance" "main" {
  name                = "main"
  deletion_protection = false
  settings {
    tier                        = "db-f1-micro"
    deletion_protection_enabled = false
  }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = false
}
`],
			},
			{
				ruleId: id, line: 7, character: 24, endLine: 7, endCharacter: 29, text: 'false', message: /^Deletion protection is off in google_sql_database_instance\.main \(deletion_protection = false\)/,
				fixed: [`resource "aws_rds_cluster" "main" {
  cluster_identifier  = "main"
  deletion_protection = false
}

resource "google_sql_database_instance" "main" {
  name                = "main"
  deletion_protection = true
  settings {
    tier                        = "db-f1-micro"
    deletion_protection_enabled = false
  }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = false
}
`],
			},
			{
				ruleId: id, line: 10, character: 34, endLine: 10, endCharacter: 39, text: 'false', message: /\(settings\.deletion_protection_enabled = false\)/,
				fixed: [`resource "aws_rds_cluster" "main" {
  cluster_identifier  = "main"
  deletion_protection = false
}

resource "google_sql_database_instance" "main" {
  name                = "main"
  deletion_protection = false
  settings {
    tier                        = "db-f1-micro"
    deletion_protection_enabled = true
  }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = false
}
`],
			},
			{
				ruleId: id, line: 17, character: 32, endLine: 17, endCharacter: 37, text: 'false', message: /^Deletion protection is off in aws_dynamodb_table\.orders/,
				fixed: [`resource "aws_rds_cluster" "main" {
  cluster_identifier  = "main"
  deletion_protection = false
}

resource "google_sql_database_instance" "main" {
  name                = "main"
  deletion_protection = false
  settings {
    tier                        = "db-f1-micro"
    deletion_protection_enabled = false
  }
}

resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  hash_key                    = "id"
  deletion_protection_enabled = true
}
`],
			},
		],
	},
	{
		name: 'a CloudFormation cluster with DeletionProtection false',
		path: 'db.yaml',
		source: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: false
`,
		findings: [{
			ruleId: id, line: 5, character: 26, endLine: 5, endCharacter: 31, text: 'false', message: /^Deletion protection is off in AWS::RDS::DBCluster 'Cluster' \(DeletionProtection = false\)/,
			fixed: [`Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: true
`],
		}],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'protection on, from a variable, or not mentioned',
			path: 'data.tf',
			source: `resource "aws_db_instance" "orders" {
  identifier          = "orders"
  deletion_protection = true
}

resource "aws_db_instance" "preview" {
  identifier          = "preview"
  deletion_protection = var.environment == "prod"
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
}

resource "aws_lb" "web" {
  name                       = "web"
  enable_deletion_protection = false
}
`,
		},
		{
			name: 'CloudFormation protection on and a condition',
			path: 'db.yaml',
			source: `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DeletionProtection: !If [IsProd, true, false]
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      DeletionProtectionEnabled: true
`,
		},
	],
});

fixesResolve(rule, flagged);
