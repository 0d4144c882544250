import rule from '../../../src/engine/rules/console-user-without-mfa';
import { ruleTester } from '../rule-tester';

const MFA_POLICY = `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyAllExceptMfaSetupWithoutMfa"
      Effect    = "Deny"
      NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })`;

const USER = `resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}
`;

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a console user with only a read-only AWS managed policy',
			path: 'iam.tf',
			source: `${USER}
resource "aws_iam_user_policy_attachment" "alice_read" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
			findings: [{ ruleId: 'AUP-IAM-006', line: 4, character: 9, endLine: 4, endCharacter: 45, text: '"aws_iam_user_login_profile" "alice"', message: /^aws_iam_user_login_profile\.alice gives an IAM user a console password, and no policy in this file makes that user use MFA\./ }],
		},
		{
			name: 'a console user whose group has a policy that allows, not one that denies without MFA',
			path: 'iam.tf',
			source: `${USER}
resource "aws_iam_group" "devs" {
  name = "developers"
}

resource "aws_iam_group_membership" "devs" {
  name  = "devs"
  group = aws_iam_group.devs.name
  users = [aws_iam_user.alice.name]
}

resource "aws_iam_group_policy" "devs" {
  group  = aws_iam_group.devs.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ec2:Describe*"], Resource = "*" }]
  })
}
`,
			findings: [{ ruleId: 'AUP-IAM-006', line: 4, character: 9, endLine: 4, endCharacter: 45, text: '"aws_iam_user_login_profile" "alice"' }],
		},
		{
			name: 'a CloudFormation user with a LoginProfile and no MFA policy',
			path: 'iam.yaml',
			source: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      LoginProfile:
        Password: !Ref InitialPassword
        PasswordResetRequired: true
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
`,
			findings: [{ ruleId: 'AUP-IAM-006', line: 6, character: 6, endLine: 6, endCharacter: 18, text: 'LoginProfile' }],
		},
	],
	clean: [
		{
			name: 'a console user in a group with the MFA-enforcing policy attached',
			path: 'iam.tf',
			source: `${USER}
resource "aws_iam_group" "console" {
  name = "console-users"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.console.name]
}

resource "aws_iam_policy" "require_mfa" {
  name   = "require-mfa"
  policy = ${MFA_POLICY}
}

resource "aws_iam_group_policy_attachment" "console_mfa" {
  group      = aws_iam_group.console.name
  policy_arn = aws_iam_policy.require_mfa.arn
}
`,
		},
		{
			name: 'a console user with the MFA policy inline, referred to by name',
			path: 'iam.tf',
			source: `${USER}
resource "aws_iam_user_policy" "alice_mfa" {
  user   = "alice"
  policy = ${MFA_POLICY}
}
`,
		},
		{
			name: 'a programmatic-only user without a login profile',
			path: 'iam.tf',
			source: `resource "aws_iam_user" "ci" {
  name = "ci-deployer"
}

resource "aws_iam_user_policy_attachment" "ci" {
  user       = aws_iam_user.ci.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
		},
		{
			name: 'a console user in a group defined in another file, which this file cannot see',
			path: 'iam.tf',
			source: `${USER}
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = ["console-users"]
}
`,
		},
		{
			name: 'a CloudFormation user in a group whose managed policy denies without MFA',
			path: 'iam.yaml',
			source: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  RequireMfa:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            NotAction: ["iam:*MFA*", "sts:GetSessionToken"]
            Resource: "*"
            Condition:
              BoolIfExists:
                aws:MultiFactorAuthPresent: "false"
  ConsoleUsers:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns:
        - !Ref RequireMfa
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      Groups:
        - !Ref ConsoleUsers
      LoginProfile:
        Password: !Ref InitialPassword
        PasswordResetRequired: true
`,
		},
	],
});
