import * as assert from 'node:assert/strict';
import { insertAttribute, setAttribute } from '../../../src/engine/fixes/index';
import { assertEditGives, parse, resourceObject } from './parse';

describe('fixes: insertAttribute in Terraform', () => {
	it('joins the attributes before the first nested block, aligning its =', async () => {
		const file = await parse('terraform', `resource "aws_db_instance" "main" {
  identifier     = "main"
  instance_class = "db.t3.micro" # small

  timeouts {
    create = "1h"
  }
}
`);
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'encrypted', 'true'), `resource "aws_db_instance" "main" {
  identifier     = "main"
  instance_class = "db.t3.micro" # small
  encrypted      = true

  timeouts {
    create = "1h"
  }
}
`);
	});

	it('moves a run laid out by terraform fmt out to a longer new name, comments and all', async () => {
		const file = await parse('terraform', `resource "aws_db_instance" "main" {
  tags = {
    team = "data"
  }
  engine  = "postgres" # pinned below
  version = "16.3"
}
`);
		const edits = insertAttribute(file, resourceObject(file), 'storage_encrypted', 'true');
		// The multi-line map ends its own run: only the two lines after it move.
		await assertEditGives(file, edits, `resource "aws_db_instance" "main" {
  tags = {
    team = "data"
  }
  engine            = "postgres" # pinned below
  version           = "16.3"
  storage_encrypted = true
}
`);
		assert.equal(edits?.length, 3, 'only the spaces before each = change, so a value edit beside them still applies');
	});

	it('starts a run of its own after a blank line, a comment or a value spread over lines', async () => {
		for (const separator of ['\n', '  # storage\n', '  tags = {\n    team = "data"\n  }\n']) {
			const file = await parse('terraform', `resource "aws_db_instance" "main" {\n  engine = "postgres"\n${separator}  size = 20\n}\n`);
			await assertEditGives(file, insertAttribute(file, resourceObject(file), 'storage_encrypted', 'true'),
				`resource "aws_db_instance" "main" {\n  engine = "postgres"\n${separator}  size              = 20\n  storage_encrypted = true\n}\n`);
		}
		const file = await parse('terraform', 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  tags = {\n    team = "data"\n  }\n}\n');
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'storage_encrypted', 'true'),
			'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  tags = {\n    team = "data"\n  }\n  storage_encrypted = true\n}\n');
	});

	it('writes a nested block without padding its name', async () => {
		const file = await parse('terraform', 'resource "aws_dynamodb_table" "t" {\n  name         = "t"\n  billing_mode = "PAY_PER_REQUEST"\n}\n');
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'ttl', { enabled: 'true' }),
			'resource "aws_dynamodb_table" "t" {\n  name         = "t"\n  billing_mode = "PAY_PER_REQUEST"\n  ttl {\n    enabled = true\n  }\n}\n');
	});

	it('keeps a single space when the key is longer than a hand-made alignment', async () => {
		const file = await parse('terraform', 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n}\n');
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'storage_encrypted', 'true'),
			'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  storage_encrypted = true\n}\n');
	});

	it('opens an empty block onto its own lines, with tabs and CRLF as the file has them', async () => {
		const file = await parse('terraform', 'resource "aws_ebs_volume" "a" {\r\n\tsize = 1\r\n}\r\nresource "aws_ebs_volume" "b" {}\r\n');
		const body = file.resources[1].body;
		await assertEditGives(file, insertAttribute(file, body, 'encrypted', 'true'),
			'resource "aws_ebs_volume" "a" {\r\n\tsize = 1\r\n}\r\nresource "aws_ebs_volume" "b" {\r\n\tencrypted = true\r\n}\r\n');
	});

	it('writes a nested block after the opening brace when the body has only blocks', async () => {
		const file = await parse('terraform', `module "x" {
  resource "aws_dynamodb_table" "t" {
    # the keys
    attribute {
      name = "id"
      type = "S"
    }
  }
}
`);
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'point_in_time_recovery', { enabled: 'true' }), `module "x" {
  resource "aws_dynamodb_table" "t" {
    point_in_time_recovery {
      enabled = true
    }
    # the keys
    attribute {
      name = "id"
      type = "S"
    }
  }
}
`);
	});

	it('declines a one-line block', async () => {
		const file = await parse('terraform', 'resource "aws_instance" "a" { ami = "x" }\n');
		assert.equal(insertAttribute(file, resourceObject(file), 'monitoring', 'true'), null);
	});
});

describe('fixes: insertAttribute in YAML', () => {
	it('adds a key after the last one of a CloudFormation Properties map, past a nested list', async () => {
		const file = await parse('cloudformation', `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      Tags:
        - Key: team
          Value: data # owner
  Next:
    Type: AWS::S3::Bucket
`);
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'StorageEncrypted', 'true'), `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      Tags:
        - Key: team
          Value: data # owner
      StorageEncrypted: true
  Next:
    Type: AWS::S3::Bucket
`);
	});

	it('indents a nested map by the file\'s step, and adds a line break at the end of a file without one', async () => {
		const file = await parse('cloudformation', 'Resources:\n    Table:\n        Type: AWS::DynamoDB::Table\n        Properties:\n            TableName: t');
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'PointInTimeRecoverySpecification', { PointInTimeRecoveryEnabled: 'true' }),
			'Resources:\n    Table:\n        Type: AWS::DynamoDB::Table\n        Properties:\n            TableName: t\n            PointInTimeRecoverySpecification:\n                PointInTimeRecoveryEnabled: true');
	});

	it('writes JSON syntax into a flow map', async () => {
		const file = await parse('cloudformation', 'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 10}\n');
		await assertEditGives(file, insertAttribute(file, resourceObject(file), 'Encrypted', 'true'),
			'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: {Size: 10, "Encrypted": true}\n');
	});
});

describe('fixes: setAttribute', () => {
	it('replaces a value in place and keeps the comment after it', async () => {
		const file = await parse('terraform', 'resource "aws_ebs_volume" "a" {\n  encrypted = false # for now\n}\n');
		await assertEditGives(file, setAttribute(file, resourceObject(file), 'encrypted', 'true'), 'resource "aws_ebs_volume" "a" {\n  encrypted = true # for now\n}\n');
	});

	it('declines a key that is written twice', async () => {
		const file = await parse('terraform', 'resource "aws_ebs_volume" "a" {\n  encrypted = false\n  encrypted = false\n}\n');
		assert.equal(setAttribute(file, resourceObject(file), 'encrypted', 'true'), null);
	});
});
