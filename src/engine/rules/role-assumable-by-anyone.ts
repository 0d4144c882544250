import { sourceSpan } from '../model/nodes';
import { defineRule } from './rule';
import { openPrincipals, policyStatements } from './shared/policy-documents';

export default defineRule({
	id: 'AUP-IAM-002',
	title: 'Role that anyone can assume',
	severity: 'error',
	aupSection: '3',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds IAM role trust policies that allow any AWS principal (`Principal: "*"` or `{"AWS": "*"}`) to assume the role, with no condition that narrows who: `aws_iam_role` `assume_role_policy` (JSON, `jsonencode` or an `aws_iam_policy_document` data block it references) and CloudFormation\'s `AssumeRolePolicyDocument`. The finding points at the `*` principal.',
		'',
		'**Why it matters.** `*` means every AWS account in the world, not every user of yours: anyone with an AWS account who learns the role\'s ARN (they are easy to guess) can assume it and act with its permissions. Section 3 of the Acceptable Use Policy prohibits allowing unauthorized access, and such a trust policy does exactly that, so this is an error.',
		'',
		'**What to do instead.** Name the principals that may assume the role: your account (`arn:aws:iam::<account>:root`) or specific roles, the AWS service (`Service: ec2.amazonaws.com`), or a federated identity provider with conditions on its token (GitHub Actions OIDC with `token.actions.githubusercontent.com:sub`). If the trust must stay broad, narrow it with a condition on `aws:PrincipalOrgID`, `aws:PrincipalAccount` or `aws:PrincipalArn`; such statements are not reported. `sts:ExternalId` alone does not count: it identifies a customer to a vendor and is not a secret.',
		'',
		'**When it is legitimate.** Practically never. Suppress with a reason only when another control you can name limits it: `# aup-guard-ignore AUP-IAM-002: <reason>`.',
	].join('\n'),
	check(file, report) {
		for (const statement of policyStatements(file)) {
			if (statement.role !== 'trust') {
				continue;
			}
			for (const principal of openPrincipals(statement)) {
				report({
					span: sourceSpan(principal, 0, principal.value.length),
					message: `${statement.holder} lets any AWS account assume it (Principal '*', no condition on the caller's organization or account), which allows unauthorized access (AUP section 3). Name the accounts, roles or services that may assume it, or add an aws:PrincipalOrgID condition.`,
				});
			}
		}
	},
});
