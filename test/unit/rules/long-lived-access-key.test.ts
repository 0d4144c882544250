import rule from '../../../src/engine/rules/long-lived-access-key';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-IAM-004';

const flagged = [
	{
		name: 'an access key for a deploy user, next to an inactive one',
		path: 'iam.tf',
		source: `resource "aws_iam_user" "deployer" {
  name = "deployer"
}

resource "aws_iam_access_key" "deployer" {
  user = aws_iam_user.deployer.name
}

resource "aws_iam_access_key" "old" {
  user   = aws_iam_user.legacy.name
  status = "Inactive"
}
`,
		findings: [
			{ ruleId: id, line: 4, character: 9, endLine: 4, endCharacter: 40, text: '"aws_iam_access_key" "deployer"', message: /^aws_iam_access_key\.deployer creates a long-lived access key for an IAM user, which works from anywhere until someone deletes it\. Prefer roles/ },
		],
	},
	{
		name: 'AWS::IAM::AccessKey in CloudFormation, at its type',
		path: 'ci-user.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  CiUser:
    Type: AWS::IAM::User
  CiUserKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref CiUser
Outputs:
  KeyId:
    Value: !Ref CiUserKey
`,
		findings: [
			{ ruleId: id, line: 5, character: 10, endLine: 5, endCharacter: 29, text: 'AWS::IAM::AccessKey', message: /^AWS::IAM::AccessKey 'CiUserKey' creates a long-lived access key/ },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'a role for CI, a comment that names the resource type, and an SSH public key',
			path: 'iam.tf',
			source: `resource "aws_iam_role" "ci" {
  name = "ci"
  # No aws_iam_access_key: CI assumes this role through GitHub's OIDC provider.
  assume_role_policy = data.aws_iam_policy_document.github.json
}

resource "aws_iam_user_ssh_key" "git" {
  username   = aws_iam_user.git.name
  encoding   = "SSH"
  public_key = file("\${path.module}/git.pub")
}
`,
		},
	],
});

fixesResolve(rule, flagged);
