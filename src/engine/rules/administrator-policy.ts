import { sourceSpan } from '../model/nodes';
import { defineRule } from './rule';
import { policyStatements } from './shared/policy-documents';

export default defineRule({
	id: 'AUP-IAM-001',
	title: 'Policy grants every action on every resource',
	severity: 'warning',
	aupSection: '4',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds IAM policy statements that allow `Action: "*"` (or `*:*`) on `Resource: "*"`: full administrator access. It reads `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy` and `aws_iam_role` inline policies, whether the document is a JSON string or heredoc, a `jsonencode({...})` call or an `aws_iam_policy_document` data block, and CloudFormation\'s `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` and the `Policies` of roles, users and groups. The finding points at the `*` action.',
		'',
		'**Why it matters.** Whoever holds these credentials, or steals them from the workload, controls the whole account: they can read every secret, create users and keys for themselves, and delete everything. Section 4 of the Acceptable Use Policy makes keeping credentials secure your responsibility, and least privilege is what limits the damage when one leaks. Generators often write `*` because they do not know which actions are needed. It is a warning because an administrator role is a legitimate thing to have.',
		'',
		'**What to do instead.** List the actions and resources the workload uses (`s3:GetObject` on one bucket\'s ARN). IAM Access Analyzer can generate a policy from what a role actually did. For people, prefer AWS\'s `AdministratorAccess` managed policy behind SSO and MFA over inline `*` policies.',
		'',
		'**What is not reported.** `NotAction` statements, wildcards within one service (`s3:*`), and statements on specific resources. Broad statements are still worth reviewing.',
		'',
		'**When it is legitimate.** A break-glass administrator role or the role your deployment pipeline assumes. Suppress it there with the reason: `# aup-guard-ignore AUP-IAM-001: break-glass role, MFA and alarm on use`.',
	].join('\n'),
	check(file, report) {
		for (const statement of policyStatements(file)) {
			if (!statement.allow || statement.notActions || statement.role !== 'identity' || !statement.resources.some(resource => resource.value.trim() === '*')) {
				continue;
			}
			const everything = statement.actions.find(action => action.value.trim() === '*' || action.value.trim() === '*:*');
			if (everything) {
				report({
					span: sourceSpan(everything, 0, everything.value.length),
					message: `${statement.holder} allows every action on every resource, which is full administrator access. Grant only the actions and resources the workload needs (AUP section 4).`,
				});
			}
		}
	},
});
