import rule from '../../../src/engine/rules/resource-policy-open-to-anyone';
import { ruleTester } from '../rule-tester';

const id = 'AUP-IAM-003';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'an SQS queue anyone can use, next to an SNS statement narrowed by aws:SourceArn and bucket policies',
			path: 'policies.tf',
			source: `resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource  = aws_sqs_queue.orders.arn
    }]
  })
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          ArnLike = { "aws:SourceArn" = aws_cloudwatch_event_rule.nightly.arn }
        }
      }
    ]
  })
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "drop" {
  bucket = aws_s3_bucket.drop.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::acme-drop/*"
    },
    {
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::acme-drop/*",
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}
POLICY
}
`,
			findings: [
				{ ruleId: id, line: 6, character: 19, endLine: 6, endCharacter: 20, text: '*', message: /^aws_sqs_queue_policy\.orders allows sqs:SendMessage, sqs:ReceiveMessage to any AWS principal \(Principal '\*'\) with no condition on who calls\./ },
			],
		},
		{
			name: 'a KMS key anyone can decrypt with, in CloudFormation',
			path: 'kms.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  KeyPolicyOpen:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: AccountAdmin
            Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::\${AWS::AccountId}:root
            Action: kms:*
            Resource: '*'
          - Sid: AnyoneDecrypt
            Effect: Allow
            Principal:
              AWS: '*'
            Action: kms:Decrypt
            Resource: '*'
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
            Condition:
              StringEquals:
                aws:SourceVpce: vpce-0abc123
`,
			findings: [
				{ ruleId: id, line: 17, character: 20, endLine: 17, endCharacter: 21, text: '*', message: /^AWS::KMS::Key 'KeyPolicyOpen' allows kms:Decrypt to any AWS principal/ },
			],
		},
	],
	clean: [
		{
			name: 'trust policies are AUP-IAM-002\'s',
			path: 'roles.tf',
			source: `resource "aws_iam_role" "cross_account" {
  name = "cross-account-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "sts:ExternalId" = "acme-2024" }
      }
    }]
  })
}

data "aws_iam_policy_document" "assume_any" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "jobs" {
  name               = "jobs"
  assume_role_policy = data.aws_iam_policy_document.assume_any.json
}
`,
		},
		{
			name: 'narrowed and federated trust, service principals',
			path: 'roles.tf',
			source: `resource "aws_iam_role" "org_reader" {
  name = "org-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" }
      }
    }]
  })
}

data "aws_iam_policy_document" "github" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:*"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.github.json
}

resource "aws_iam_role" "ec2" {
  name = "ec2"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
`,
		},
	],
});
