import rule from '../../../src/engine/rules/database-backups-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-001';

const flagged = [
	{
		name: 'an RDS instance with a retention of 0 days',
		path: 'db.tf',
		source: `resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  backup_retention_period = 0 # faster to create
  username                = var.db_user
  password                = var.db_password
}
`,
		findings: [{
			ruleId: id, line: 4, character: 28, endLine: 4, endCharacter: 29, text: '0',
			message: 'Automated backups are off in aws_db_instance.orders (backup_retention_period): a failure or a bad change would lose the data for good. Keep backups for at least 7 days (AUP section 4: maintain backups and recovery).',
			fixed: [`resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  backup_retention_period = 7 # faster to create
  username                = var.db_user
  password                = var.db_password
}
`],
		}],
	},
	{
		name: 'Cloud SQL with backups disabled in its settings',
		path: 'sql.tf',
		source: `resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = false
    }
  }
}
`,
		findings: [{
			ruleId: id, line: 6, character: 16, endLine: 6, endCharacter: 21, text: 'false',
			message: /^Automated backups are off in google_sql_database_instance\.main \(settings\.backup_configuration\.enabled\)/,
			fixed: [`resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
    }
  }
}
`],
		}],
	},
	{
		name: 'a CloudFormation DB instance with a quoted retention of 0',
		path: 'db.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.medium
      AllocatedStorage: '20'
      BackupRetentionPeriod: '0'
`,
		findings: [{
			ruleId: id, line: 8, character: 29, endLine: 8, endCharacter: 32, text: '\'0\'',
			message: /^Automated backups are off in AWS::RDS::DBInstance 'OrdersDb' \(BackupRetentionPeriod\)/,
			fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.medium
      AllocatedStorage: '20'
      BackupRetentionPeriod: 7
`],
		}],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'a retention of 7 days, one from a variable, and a read replica without backups',
			path: 'db.tf',
			source: `resource "aws_db_instance" "primary" {
  identifier              = "orders"
  backup_retention_period = 7
}

resource "aws_db_instance" "staging" {
  identifier              = "orders-staging"
  backup_retention_period = var.retention_days
}

resource "aws_db_instance" "replica" {
  identifier              = "orders-replica"
  replicate_source_db     = aws_db_instance.primary.identifier
  backup_retention_period = 0
}

# backup_retention_period = 0 would turn backups off
resource "aws_elasticache_cluster" "cache" {
  cluster_id               = "cache"
  snapshot_retention_limit = 0
}
`,
		},
		{
			name: 'Cloud SQL with backups on, and a Cloud SQL replica',
			path: 'sql.tf',
			source: `resource "google_sql_database_instance" "main" {
  name = "main"
  settings {
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "main-replica"
  master_instance_name = google_sql_database_instance.main.name
  settings {
    backup_configuration {
      enabled = false
    }
  }
}
`,
		},
		{
			name: 'an Aurora instance (the cluster keeps backups) and a retention from a parameter',
			path: 'db.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AuroraWriter:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
      BackupRetentionPeriod: 0
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      BackupRetentionPeriod: !Ref RetentionDays
`,
		},
	],
});

fixesResolve(rule, flagged);
