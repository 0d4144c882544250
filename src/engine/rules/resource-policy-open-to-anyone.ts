import { sourceSpan } from '../model/nodes';
import { defineRule } from './rule';
import { isBucketPolicy, openPrincipals, policyStatements } from './shared/policy-documents';

export default defineRule({
	id: 'AUP-IAM-003',
	title: 'Resource policy open to any principal',
	severity: 'warning',
	aupSection: '3',
	category: 'data-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds resource policies with an `Allow` statement for any principal (`Principal: "*"` or `{"AWS": "*"}`) and no condition that narrows who: SQS queue, SNS topic, KMS key, ECR repository, Secrets Manager secret, OpenSearch domain and Glacier vault policies, in Terraform (JSON, `jsonencode` or a referenced `aws_iam_policy_document`) and CloudFormation. S3 bucket policies are reported by AUP-STO-001 and AUP-STO-002, which say whether anyone can read or write. The finding points at the `*` principal.',
		'',
		'**Why it matters.** Anyone with an AWS account can then use the resource as the statement allows: read messages from the queue, publish to the topic, decrypt with the key, pull the images, read the secret. Section 3 of the Acceptable Use Policy prohibits allowing unauthorized access. It is a warning because some such policies are meant to be public and the allowed actions may be harmless.',
		'',
		'**What to do instead.** Name the principals (accounts, roles, services), or keep `*` and add a condition that names the caller: `aws:SourceArn` or `aws:SourceAccount` for AWS services publishing to a topic or queue, `aws:PrincipalOrgID` for your organization, `aws:SourceVpce` for a VPC endpoint. Statements with such a condition are not reported.',
		'',
		'**When it is legitimate.** A public container image repository or a topic meant for anyone to subscribe to. Suppress it with the reason: `# aup-guard-ignore AUP-IAM-003: public ECR repository for our open-source agent`.',
	].join('\n'),
	check(file, report) {
		for (const statement of policyStatements(file)) {
			if (statement.role !== 'resource' || isBucketPolicy(statement)) {
				continue;
			}
			const actions = statement.actions.map(action => action.value).slice(0, 3).join(', ');
			for (const principal of openPrincipals(statement)) {
				report({
					span: sourceSpan(principal, 0, principal.value.length),
					message: `${statement.holder} allows ${actions ? `${actions} ` : ''}to any AWS principal (Principal '*') with no condition on who calls. Name the principals, or add a condition such as aws:SourceArn or aws:PrincipalOrgID (AUP section 3).`,
				});
			}
		}
	},
});
