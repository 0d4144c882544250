import rule from '../../../src/engine/rules/audit-logging-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-LOG-001';

const flagged = [
	{
		name: 'a CloudTrail trail and a GuardDuty detector switched off, and a disabled GCP sink',
		path: 'audit.tf',
		source: `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = false
}

resource "aws_guardduty_detector" "main" {
  enable = false
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "storage.googleapis.com/acme-audit"
  disabled    = true
}
`,
		findings: [
			{
				ruleId: id, line: 3, character: 19, endLine: 3, endCharacter: 24, text: 'false',
				message: 'CloudTrail logging is switched off in aws_cloudtrail.main (enable_logging = false): activity in the account goes unrecorded and a compromise unnoticed. Turn it back on (AUP section 4: monitor your infrastructure).',
				fixed: [`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = true
}

resource "aws_guardduty_detector" "main" {
  enable = false
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "storage.googleapis.com/acme-audit"
  disabled    = true
}
`],
			},
			{
				ruleId: id, line: 7, character: 11, endLine: 7, endCharacter: 16, text: 'false', message: /^GuardDuty threat detection is switched off in aws_guardduty_detector\.main \(enable = false\)/,
				fixed: [`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = false
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "storage.googleapis.com/acme-audit"
  disabled    = true
}
`],
			},
			{
				ruleId: id, line: 13, character: 16, endLine: 13, endCharacter: 20, text: 'true', message: /^The log sink is switched off in google_logging_project_sink\.audit \(disabled = true\)/,
				fixed: [`resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = false
}

resource "aws_guardduty_detector" "main" {
  enable = false
}

resource "google_logging_project_sink" "audit" {
  name        = "audit"
  destination = "storage.googleapis.com/acme-audit"
  disabled    = false
}
`],
			},
		],
	},
	{
		name: 'a CloudFormation trail that is not logging',
		path: 'trail.yaml',
		source: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref TrailBucket
      IsLogging: false
`,
		findings: [{
			ruleId: id, line: 5, character: 17, endLine: 5, endCharacter: 22, text: 'false', message: /^CloudTrail logging is switched off in AWS::CloudTrail::Trail 'Trail'/,
			fixed: [`Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref TrailBucket
      IsLogging: true
`],
		}],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'logging on, a detector from a variable, and an enabled sink',
			path: 'audit.tf',
			source: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  enable_logging        = true
  is_multi_region_trail = false
}

resource "aws_guardduty_detector" "main" {
  enable = var.guardduty_enabled
}

resource "google_logging_project_sink" "audit" {
  name     = "audit"
  disabled = false
}

resource "aws_s3_bucket_logging" "site" {
  bucket        = aws_s3_bucket.site.id
  target_bucket = aws_s3_bucket.logs.id # enable_logging = false
}
`,
		},
		{
			name: 'a CloudFormation trail and detector that are on',
			path: 'trail.yaml',
			source: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
`,
		},
	],
});

fixesResolve(rule, flagged);
