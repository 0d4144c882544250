import rule from '../../../src/engine/rules/role-assumable-by-anyone';
import { ruleTester } from '../rule-tester';

const id = 'AUP-IAM-002';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'AWS * with only an external id, and a referenced data document with principal type *',
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
			findings: [
				{ ruleId: id, line: 6, character: 27, endLine: 6, endCharacter: 28, text: '*', message: /^aws_iam_role\.cross_account lets any AWS account assume it \(Principal '\*', no condition on the caller's organization or account\), which allows unauthorized access \(AUP section 3\)\./ },
				{ ruleId: id, line: 20, character: 22, endLine: 20, endCharacter: 23, text: '*', message: /^aws_iam_role\.jobs lets any AWS account assume it/ },
			],
		},
		{
			name: 'Principal * in a CloudFormation trust policy',
			path: 'roles.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PartnerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sts:AssumeRole
`,
			findings: [
				{ ruleId: id, line: 9, character: 24, endLine: 9, endCharacter: 25, text: '*', message: /^AWS::IAM::Role 'PartnerRole' lets any AWS account assume it/ },
			],
		},
	],
	clean: [
		{
			name: '* narrowed to the organization, GitHub OIDC with a sub condition, and a service principal',
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
		{
			name: 'open resource policies are AUP-IAM-003\'s and the storage rules\'',
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
		},
	],
});
