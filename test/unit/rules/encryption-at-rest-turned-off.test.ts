import rule from '../../../src/engine/rules/encryption-at-rest-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-ENC-001';

const source = `resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.medium"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false
}

resource "aws_efs_file_system" "shared" {}
`;

const flagged = [
	{
		name: 'an RDS instance without the setting, an EBS volume set to false and an empty EFS file system',
		path: 'storage.tf',
		source,
		findings: [
			{
				ruleId: id, line: 0, character: 9, endLine: 0, endCharacter: 35, text: '"aws_db_instance" "orders"',
				message: 'Encryption at rest is off in aws_db_instance.orders (storage_encrypted is not set, and the default is unencrypted): its data, snapshots and backups are stored in the clear. Set storage_encrypted = true (AUP section 4: keep what you run secure).',
				// The run of attributes realigned as terraform fmt would, for the longer name.
				fixed: [source.replace('  identifier     = "orders"\n  engine         = "postgres"\n  instance_class = "db.t3.medium"\n',
					'  identifier        = "orders"\n  engine            = "postgres"\n  instance_class    = "db.t3.medium"\n  storage_encrypted = true\n')],
			},
			{
				ruleId: id, line: 9, character: 22, endLine: 9, endCharacter: 27, text: 'false',
				message: /^Encryption at rest is off in aws_ebs_volume\.data \(encrypted = false\)/,
				fixed: [source.replace('encrypted         = false', 'encrypted         = true')],
			},
			{
				ruleId: id, line: 12, character: 9, endLine: 12, endCharacter: 39, text: '"aws_efs_file_system" "shared"',
				message: /^Encryption at rest is off in aws_efs_file_system\.shared \(encrypted is not set/,
				fixed: [source.replace('"shared" {}', '"shared" {\n  encrypted = true\n}')],
			},
		],
	},
	{
		name: 'a CloudFormation DB instance without StorageEncrypted and a volume with Encrypted false',
		path: 'storage.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
  DataVolume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      Encrypted: 'false'
`,
		findings: [
			{
				ruleId: id, line: 2, character: 2, endLine: 2, endCharacter: 10, text: 'OrdersDb', message: /^Encryption at rest is off in AWS::RDS::DBInstance 'OrdersDb' \(StorageEncrypted is not set/,
				fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
      StorageEncrypted: true
  DataVolume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      Encrypted: 'false'
`],
			},
			{
				ruleId: id, line: 11, character: 17, endLine: 11, endCharacter: 24, text: '\'false\'', message: /AWS::EC2::Volume 'DataVolume' \(Encrypted = false\)/,
				fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
  DataVolume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 100
      Encrypted: true
`],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'encrypted stores, a replica, a snapshot restore, and services that always encrypt',
			path: 'storage.tf',
			source: `resource "aws_db_instance" "orders" {
  identifier        = "orders"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

resource "aws_db_instance" "orders_replica" {
  replicate_source_db = aws_db_instance.orders.identifier
}

resource "aws_rds_cluster" "restored" {
  cluster_identifier  = "restored"
  snapshot_identifier = "orders-final"
}

resource "aws_rds_cluster" "flag" {
  cluster_identifier = "flag"
  storage_encrypted  = var.encrypt
}

resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
  server_side_encryption {
    enabled = false
  }
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports" # encrypted = false is not a thing for S3
}
`,
		},
		{
			name: 'EBS volumes in an account that encrypts them by default',
			path: 'ebs.tf',
			source: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}
`,
		},
		{
			name: 'a CloudFormation Aurora instance (the cluster encrypts) and an encrypted file system',
			path: 'storage.yaml',
			source: `Resources:
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
  Files:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
		},
	],
});

fixesResolve(rule, flagged);
