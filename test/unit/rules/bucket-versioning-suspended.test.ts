import rule from '../../../src/engine/rules/bucket-versioning-suspended';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-005';

const flagged = [
	{
		name: 'a suspended S3 versioning resource and a GCS bucket with versioning off',
		path: 'buckets.tf',
		source: `resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"
  versioning {
    enabled = false
  }
}
`,
		findings: [
			{
				ruleId: id, line: 3, character: 13, endLine: 3, endCharacter: 24, text: '"Suspended"',
				message: 'Versioning is suspended in aws_s3_bucket_versioning.reports: an overwritten or deleted object cannot be recovered. Turn versioning on for buckets that hold data, with a lifecycle rule for old versions (AUP section 4: maintain backups and recovery).',
				fixed: [`resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"
  versioning {
    enabled = false
  }
}
`],
			},
			{
				ruleId: id, line: 11, character: 14, endLine: 11, endCharacter: 19, text: 'false', message: /^Versioning is off in google_storage_bucket\.exports/,
				fixed: [`resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"
  versioning {
    enabled = true
  }
}
`],
			},
		],
	},
	{
		name: 'a CloudFormation bucket with versioning suspended',
		path: 'bucket.yaml',
		source: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
`,
		findings: [{
			ruleId: id, line: 5, character: 16, endLine: 5, endCharacter: 25, text: 'Suspended', message: /^Versioning is suspended in AWS::S3::Bucket 'Reports'/,
			fixed: [`Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`],
		}],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'versioning enabled, a bucket that does not mention it, and a status from a variable',
			path: 'buckets.tf',
			source: `resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch" # versioning "Suspended" on purpose elsewhere
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = var.versioning_status
  }
}
`,
		},
		{
			name: 'a CloudFormation bucket with versioning enabled and a tag saying Suspended',
			path: 'bucket.yaml',
			source: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
      Tags:
        - Key: Status
          Value: Suspended
`,
		},
	],
});

fixesResolve(rule, flagged);
