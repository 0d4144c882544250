import rule from '../../../src/engine/rules/administrator-policy';
import { ruleTester } from '../rule-tester';
import { OPEN_TRUST_POLICIES_TF } from './fixtures/public-access';

const id = 'AUP-IAM-001';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'Action * on Resource * in jsonencode, a heredoc (*:*) and a referenced data document',
			path: 'iam.tf',
			source: `resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_role_policy" "ci" {
  name   = "ci"
  role   = aws_iam_role.ci.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["*:*"], "Resource": ["*"] }
  ]
}
EOF
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "ops" {
  name   = "ops"
  user   = aws_iam_user.ops.name
  policy = data.aws_iam_policy_document.ops.json
}
`,
			findings: [
				{ ruleId: id, line: 7, character: 20, endLine: 7, endCharacter: 21, text: '*', message: /^aws_iam_policy\.deployer allows every action on every resource, which is full administrator access\. Grant only/ },
				{ ruleId: id, line: 21, character: 37, endLine: 21, endCharacter: 40, text: '*:*', message: /^aws_iam_role_policy\.ci allows every action/ },
				{ ruleId: id, line: 29, character: 18, endLine: 29, endCharacter: 19, text: '*', message: /^aws_iam_user_policy\.ops allows every action/ },
			],
		},
		{
			name: 'a managed policy and a role\'s inline policy in CloudFormation',
			path: 'iam.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AdminPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: '*'
            Resource: '*'
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: codebuild.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: everything
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              Effect: Allow
              Action:
                - '*'
              Resource: '*'
`,
			findings: [
				{ ruleId: id, line: 9, character: 21, endLine: 9, endCharacter: 22, text: '*', message: /^AWS::IAM::ManagedPolicy 'AdminPolicy' allows every action/ },
				{ ruleId: id, line: 28, character: 19, endLine: 28, endCharacter: 20, text: '*', message: /^AWS::IAM::Role 'BuildRole' allows every action/ },
			],
		},
	],
	clean: [
		{
			name: 'scoped actions, s3:* on *, a Deny of * without MFA, NotAction, and * on one log group',
			path: 'iam.tf',
			source: `resource "aws_iam_policy" "reader" {
  name        = "reader"
  description = "Not Action * on Resource *"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      },
      {
        Effect   = "Allow"
        Action   = "s3:*"
        Resource = "*"
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }
        }
      },
      {
        Effect    = "Allow"
        NotAction = "iam:*"
        Resource  = "*"
      }
    ]
  })
}

resource "aws_iam_role_policy" "logs" {
  name = "logs"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = aws_cloudwatch_log_group.app.arn }]
  })
}
`,
		},
		{
			name: 'trust policies, which allow sts:AssumeRole only',
			path: 'roles.tf',
			source: OPEN_TRUST_POLICIES_TF,
		},
		{
			name: 'a half-typed heredoc whose resource is not * (an escape), and a policy read from a file',
			path: 'iam.tf',
			source: `resource "aws_iam_policy" "half_typed" {
  name   = "half-typed"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::acme-\\u002a
EOF
}

resource "aws_iam_policy" "not_json" {
  name   = "from-file"
  policy = file("\${path.module}/policies/admin.json")
}
`,
		},
	],
});
