import type { ParsedFile, Resource } from '../model/file';
import type { ValueNode } from '../model/nodes';
import { flatten, get, getAll, literalString } from '../model/query';
import type { Span } from '../model/range';
import { defineRule } from './rule';
import { policyStatements } from './shared/policy-documents';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-IAM-006',
	title: 'Console user without MFA enforcement',
	severity: 'warning',
	aupSection: '4',
	category: 'mfa',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds IAM users given a console password (`aws_iam_user_login_profile` in Terraform, `LoginProfile` on an `AWS::IAM::User` in CloudFormation) when nothing in the same file makes them use MFA. A user counts as covered when a policy statement that denies requests made without MFA (`Effect: Deny` with a `Bool` or `BoolIfExists` condition on `aws:MultiFactorAuthPresent`) reaches them: inline on the user (`aws_iam_user_policy`, `Policies`), through a managed policy defined in the file and attached to them (`aws_iam_user_policy_attachment`, `aws_iam_policy_attachment`, `ManagedPolicyArns`, the policy\'s `Users`), or through a group they belong to (`aws_iam_group_membership`, `aws_iam_user_group_membership`, `Groups`, `AWS::IAM::UserToGroupAddition`) that has such a policy.',
		'',
		'**Why it matters.** A console password alone is one phishing e-mail or one reused password away from someone else holding the account. Section 4 of the Acceptable Use Policy asks you to use strong passwords and enable multi-factor authentication.',
		'',
		'**What to do instead.** Prefer IAM Identity Center (SSO) with MFA for people. For IAM users, attach a policy that denies everything except setting up MFA while `aws:MultiFactorAuthPresent` is false (AWS documents one as "Allows MFA-authenticated IAM users to manage their own credentials"), usually through a group every console user joins.',
		'',
		'**What it cannot see.** Only what is in the file: a policy or group defined elsewhere may enforce MFA, and MFA devices are set up outside configuration. So a user attached to a policy or group that is not in the file is not reported; AWS managed policies (`arn:aws:iam::aws:policy/...`) are known not to enforce MFA. Users without a login profile (programmatic access only) are not reported either; AUP-IAM-004 covers their access keys.',
		'',
		'**When it is legitimate.** MFA enforced by an organization-wide SCP or by federation in front of the console. Suppress it with that reason: `# aup-guard-ignore AUP-IAM-006: MFA enforced by the org SCP deny-without-mfa`.',
	].join('\n'),
	check(file, report) {
		const access = readAccess(file);
		for (const login of consoleLogins(file)) {
			if (login.user === '' || access.enforced.has(login.user) || access.unseen.has(login.user) || [...(access.groupsOf.get(login.user) ?? [])].some(group => access.enforced.has(group) || access.unseen.has(group))) {
				continue;
			}
			report({
				span: login.span,
				message: `${describeResource(login.resource)} gives an IAM user a console password, and no policy in this file makes that user use MFA. Attach a policy that denies access without MFA (aws:MultiFactorAuthPresent), for example through a group, or use SSO with MFA (AUP section 4).`,
			});
		}
	},
});

interface Login {
	readonly resource: Resource;
	/** The user's identity key (see `identity`). */
	readonly user: string;
	readonly span: Span;
}

function consoleLogins(file: ParsedFile): Login[] {
	const logins: Login[] = [];
	for (const resource of file.resources) {
		if (resource.type === 'aws_iam_user_login_profile') {
			logins.push({ resource, user: identity(file, get(resource.body, 'user')), span: resource.headerSpan });
		} else if (resource.type === 'AWS::IAM::User') {
			const entry = resource.body.entries.find(candidate => candidate.key === 'LoginProfile');
			if (entry) {
				logins.push({ resource, user: `cfn:${resource.name}`, span: entry.keySpan });
			}
		}
	}
	return logins;
}

interface Access {
	/** Users, groups and policies (identity keys) that carry an MFA-enforcing statement, directly or attached. */
	readonly enforced: Set<string>;
	/** Users and groups attached to a policy or group this file does not define: what it says cannot be seen. */
	readonly unseen: Set<string>;
	readonly groupsOf: Map<string, Set<string>>;
}

/** Follows inline policies, attachments and group memberships, in both formats. */
function readAccess(file: ParsedFile): Access {
	const enforced = new Set<string>();
	const unseen = new Set<string>();
	const groupsOf = new Map<string, Set<string>>();
	for (const statement of policyStatements(file)) {
		// A Deny (or an effect only known at deploy time) conditioned on MFA: given the benefit of the doubt.
		if (!statement.allow && statement.role === 'identity' && statement.resource && statement.conditionKeys.includes('aws:multifactorauthpresent')) {
			enforced.add(holderOf(file, statement.resource));
		}
	}
	const join = (user: string, group: string): void => {
		const groups = groupsOf.get(user) ?? new Set<string>();
		groups.add(group);
		groupsOf.set(user, groups);
	};
	const attach = (holders: readonly string[], policy: ValueNode | undefined): void => {
		const key = identity(file, policy);
		for (const holder of holders) {
			if (enforced.has(key)) {
				enforced.add(holder);
			} else if (!isDefined(file, key) && !isAwsManaged(policy)) {
				unseen.add(holder);
			}
		}
	};
	// `enforced` already holds the policies that enforce MFA, so one pass over the attachments suffices.
	for (const resource of file.resources) {
		const body = resource.body;
		const ids = (key: string): string[] => getAll(body, key).map(node => identity(file, node));
		switch (resource.type) {
			case 'aws_iam_user_policy_attachment':
				attach(ids('user'), get(body, 'policy_arn'));
				break;
			case 'aws_iam_group_policy_attachment':
				attach(ids('group'), get(body, 'policy_arn'));
				break;
			case 'aws_iam_policy_attachment':
				attach([...ids('users'), ...ids('groups')], get(body, 'policy_arn'));
				break;
			case 'AWS::IAM::User':
			case 'AWS::IAM::Group':
				for (const arn of getAll(body, 'ManagedPolicyArns')) {
					attach([`cfn:${resource.name}`], arn);
				}
				break;
			case 'AWS::IAM::ManagedPolicy':
			case 'AWS::IAM::Policy':
				if (enforced.has(`cfn:${resource.name}`)) {
					[...ids('Users'), ...ids('Groups')].forEach(holder => enforced.add(holder));
				}
				break;
			default:
				break;
		}
		// Memberships.
		if (resource.type === 'aws_iam_group_membership') {
			ids('users').forEach(user => ids('group').forEach(group => join(user, group)));
		} else if (resource.type === 'aws_iam_user_group_membership') {
			ids('user').forEach(user => ids('groups').forEach(group => join(user, group)));
		} else if (resource.type === 'AWS::IAM::User') {
			ids('Groups').forEach(group => join(`cfn:${resource.name}`, group));
		} else if (resource.type === 'AWS::IAM::UserToGroupAddition') {
			ids('Users').forEach(user => ids('GroupName').forEach(group => join(user, group)));
		}
	}
	for (const groups of groupsOf.values()) {
		for (const group of groups) {
			if (!isDefined(file, group)) {
				unseen.add(group);
			}
		}
	}
	return { enforced, unseen, groupsOf };
}

/** The identity a policy statement's holder gives its permissions to. */
function holderOf(file: ParsedFile, resource: Resource): string {
	switch (resource.type) {
		case 'aws_iam_user_policy':
			return identity(file, get(resource.body, 'user'));
		case 'aws_iam_group_policy':
			return identity(file, get(resource.body, 'group'));
		default:
			return resource.type.startsWith('AWS::') ? `cfn:${resource.name}` : `${resource.type}.${resource.name}`;
	}
}

const TERRAFORM_REFERENCE = /^(aws_iam_(?:user|group|policy))\.([A-Za-z_][\w-]*)(?:\.(?:name|id|arn|unique_id))?$/;
const NAME_KEYS: Readonly<Record<string, string>> = {
	aws_iam_user: 'name', aws_iam_group: 'name', aws_iam_policy: 'name',
	'AWS::IAM::User': 'UserName', 'AWS::IAM::Group': 'GroupName', 'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
};

/**
 * One key per user, group or policy however it is referred to: `aws_iam_user.alice.name` and
 * `"alice"` (the name of that resource) are both `aws_iam_user.alice`; `!Ref Alice` and
 * `!GetAtt Alice.Arn` are `cfn:Alice`. Anything else is keyed by its text, so two uses of the same
 * variable still match.
 */
function identity(file: ParsedFile, node: ValueNode | undefined): string {
	if (node === undefined) {
		return '';
	}
	if (node.kind === 'expression') {
		const match = TERRAFORM_REFERENCE.exec(node.text.trim());
		return match ? `${match[1]}.${match[2]}` : `expr:${node.text.trim()}`;
	}
	if (node.kind === 'object') {
		const ref = literalString(get(node, 'Ref')) ?? literalString(flatten(get(node, 'Fn::GetAtt') ?? node)[0])?.split('.')[0];
		return ref !== undefined ? `cfn:${ref}` : '';
	}
	if (node.kind === 'string' && !node.isLiteral) {
		// Terraform JSON writes references as templates: "${aws_iam_user.alice.name}".
		const inner = /^\$\{([^}]*)\}$/.exec(node.value.trim());
		const match = inner ? TERRAFORM_REFERENCE.exec(inner[1].trim()) : null;
		return match ? `${match[1]}.${match[2]}` : `expr:${node.value.trim()}`;
	}
	const text = literalString(node);
	if (text === undefined) {
		return '';
	}
	const named = file.resources.find(resource => NAME_KEYS[resource.type] !== undefined && literalString(get(resource.body, NAME_KEYS[resource.type])) === text);
	if (named) {
		return named.type.startsWith('AWS::') ? `cfn:${named.name}` : `${named.type}.${named.name}`;
	}
	return `name:${text}`;
}

function isDefined(file: ParsedFile, key: string): boolean {
	return file.resources.some(resource => key === (resource.type.startsWith('AWS::') ? `cfn:${resource.name}` : `${resource.type}.${resource.name}`));
}

/** AWS managed policies are public and none of them denies access without MFA. */
function isAwsManaged(node: ValueNode | undefined): boolean {
	return /^arn:aws[\w-]*:iam::aws:policy\//.test(literalString(node) ?? '');
}
