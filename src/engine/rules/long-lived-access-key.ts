import type { ParsedFile, Resource } from '../model/file';
import { get, getPath, literalString } from '../model/query';
import type { Span } from '../model/range';
import { defineRule } from './rule';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-IAM-004',
	title: 'Long-lived access key for an IAM user',
	severity: 'warning',
	aupSection: '4',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds access keys created for IAM users: `aws_iam_access_key` in Terraform and `AWS::IAM::AccessKey` in CloudFormation. Keys whose status is `Inactive` are not reported.',
		'',
		'**Why it matters.** A user access key never expires: it works until someone deletes it, from anywhere, and it ends up in CI settings, laptops, shell history and, too often, public repositories. The key is also written to the Terraform state (or a stack output), readable by everyone who can read that. Section 4 of the Acceptable Use Policy makes keeping credentials secure and confidential your responsibility; short-lived credentials make a leak expire by itself.',
		'',
		'**What to do instead.** Give workloads roles: instance profiles, ECS task roles, IRSA or EKS Pod Identity, Lambda execution roles. Give CI a role it assumes through OIDC (GitHub Actions, GitLab, Bitbucket and others support it). Give people IAM Identity Center (SSO) with MFA. If a key is unavoidable, rotate it, keep it in a secret manager, and alarm on its use.',
		'',
		'**When it is legitimate.** A third-party system that can only take a static key. Suppress it with the reason and a date to revisit it: `# aup-guard-ignore AUP-IAM-004: legacy backup appliance, no role support until=2026-12-31`.',
	].join('\n'),
	check(file, report) {
		for (const resource of file.resources) {
			const terraform = resource.type === 'aws_iam_access_key';
			if (!terraform && resource.type !== 'AWS::IAM::AccessKey') {
				continue;
			}
			if (literalString(get(resource.body, terraform ? 'status' : 'Status')) === 'Inactive') {
				continue;
			}
			report({
				span: terraform ? resource.headerSpan : typeSpan(file, resource) ?? resource.headerSpan,
				message: `${describeResource(resource)} creates a long-lived access key for an IAM user, which works from anywhere until someone deletes it. Prefer roles, OIDC federation for CI, or SSO for people (AUP section 4).`,
			});
		}
	},
});

/** In CloudFormation the finding points at `Type: AWS::IAM::AccessKey`, which says what is created. */
function typeSpan(file: ParsedFile, resource: Resource): Span | undefined {
	for (const root of file.roots) {
		const type = getPath(root, 'Resources', resource.name, 'Type');
		if (type?.kind === 'string') {
			return type.span;
		}
	}
	return undefined;
}
