import rule from '../../../src/engine/rules/weak-password-policy';
import { ruleTester } from '../rule-tester';

const id = 'AUP-IAM-005';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'length 8 with every character class, and reuse prevention left out',
			path: 'iam.tf',
			source: `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = true
  allow_users_to_change_password = true
}
`,
			findings: [
				{ ruleId: id, line: 1, character: 35, endLine: 1, endCharacter: 36, text: '8', message: /^aws_iam_account_password_policy\.strict is weak: passwords of 8 characters are allowed \(use 14 or more\); old passwords can be reused \(set password_reuse_prevention = 24\)\./ },
			],
		},
		{
			name: 'a long minimum but only five passwords remembered',
			path: 'iam.tf',
			source: `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length   = 16
  password_reuse_prevention = 5
  max_password_age          = 90
}
`,
			findings: [
				{ ruleId: id, line: 2, character: 30, endLine: 2, endCharacter: 31, text: '5', message: /^aws_iam_account_password_policy\.this is weak: only the last 5 passwords are remembered \(remember 24\)\. Strong/ },
			],
		},
		{
			name: 'both settings left out: the finding is on the resource',
			path: 'iam.tf',
			source: `resource "aws_iam_account_password_policy" "defaults" {
  require_symbols = true
}
`,
			findings: [
				{ ruleId: id, line: 0, character: 9, endLine: 0, endCharacter: 53, text: '"aws_iam_account_password_policy" "defaults"', message: /minimum_password_length is left out, so AWS requires only 6 characters \(use 14 or more\); old passwords can be reused/ },
			],
		},
	],
	clean: [
		{
			name: 'the CIS thresholds, values from variables, and a login profile\'s generated password length',
			path: 'iam.tf',
			source: `resource "aws_iam_account_password_policy" "cis" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "from_vars" {
  minimum_password_length   = var.min_length
  password_reuse_prevention = var.reuse
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  password_length         = 8
  password_reset_required = true
}
`,
		},
	],
});
