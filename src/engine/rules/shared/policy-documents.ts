import type { ParsedFile, Resource } from '../../model/file';
import type { StringNode, ValueNode } from '../../model/nodes';
import { get, getAll, objectsIn } from '../../model/query';
import { structuredValue } from './embedded-json';
import { dataDocumentStatements } from './policy-data-documents';
import { jsonStatements } from './policy-statements';
import { memoized, memoKey } from '../../model/memo';

/**
 * AWS policy statements, read alike from every place a configuration writes a policy: JSON
 * strings and heredocs, `jsonencode({...})`, `aws_iam_policy_document` data blocks (followed
 * from the attribute that references them), and CloudFormation objects. Rules about what a
 * policy allows, and to whom, read only this.
 */
export interface PolicyStatement {
	/** The resource that holds the policy; for a data document, the one that references it. */
	readonly resource: Resource | undefined;
	/** Where the policy applies: an identity's permissions, a role's trust, or a resource's own policy. */
	readonly role: PolicyRole;
	/** `aws_s3_bucket_policy.site`, `data.aws_iam_policy_document.assume`: for messages. */
	readonly holder: string;
	/** The resource type that holds the policy, such as `aws_s3_bucket_policy` or `AWS::SQS::QueuePolicy`. */
	readonly holderType: string;
	readonly allow: boolean;
	/** Literal actions; `notActions` when written as NotAction (`not_actions`). */
	readonly actions: readonly StringNode[];
	readonly notActions: boolean;
	readonly resources: readonly StringNode[];
	/** Literal AWS principals (and a bare `"*"` principal); undefined when the statement names none. */
	readonly principals: readonly StringNode[] | undefined;
	/** Condition keys, lowercased: `aws:sourcearn`, `aws:principalorgid`. */
	readonly conditionKeys: readonly string[];
}

export type PolicyRole = 'identity' | 'trust' | 'resource';

/** What a statement reader is told about where the document sits. */
export type StatementContext = Pick<PolicyStatement, 'resource' | 'role' | 'holder' | 'holderType'>;

interface PolicySlot {
	readonly type: string;
	readonly key: string;
	readonly role: PolicyRole;
}

/** Attributes and properties that hold a policy document, by resource type. */
const SLOTS: readonly PolicySlot[] = [
	{ type: 'aws_iam_policy', key: 'policy', role: 'identity' },
	{ type: 'aws_iam_role_policy', key: 'policy', role: 'identity' },
	{ type: 'aws_iam_user_policy', key: 'policy', role: 'identity' },
	{ type: 'aws_iam_group_policy', key: 'policy', role: 'identity' },
	{ type: 'aws_iam_role', key: 'assume_role_policy', role: 'trust' },
	{ type: 'aws_s3_bucket_policy', key: 'policy', role: 'resource' },
	{ type: 'aws_s3_bucket', key: 'policy', role: 'resource' },
	{ type: 'aws_sqs_queue_policy', key: 'policy', role: 'resource' },
	{ type: 'aws_sqs_queue', key: 'policy', role: 'resource' },
	{ type: 'aws_sns_topic_policy', key: 'policy', role: 'resource' },
	{ type: 'aws_sns_topic', key: 'policy', role: 'resource' },
	{ type: 'aws_kms_key', key: 'policy', role: 'resource' },
	{ type: 'aws_ecr_repository_policy', key: 'policy', role: 'resource' },
	{ type: 'aws_secretsmanager_secret_policy', key: 'policy', role: 'resource' },
	{ type: 'aws_secretsmanager_secret', key: 'policy', role: 'resource' },
	{ type: 'aws_opensearch_domain_policy', key: 'access_policies', role: 'resource' },
	{ type: 'aws_elasticsearch_domain_policy', key: 'access_policies', role: 'resource' },
	{ type: 'aws_glacier_vault', key: 'access_policy', role: 'resource' },
	{ type: 'AWS::IAM::Policy', key: 'PolicyDocument', role: 'identity' },
	{ type: 'AWS::IAM::ManagedPolicy', key: 'PolicyDocument', role: 'identity' },
	{ type: 'AWS::IAM::Role', key: 'AssumeRolePolicyDocument', role: 'trust' },
	{ type: 'AWS::S3::BucketPolicy', key: 'PolicyDocument', role: 'resource' },
	{ type: 'AWS::SQS::QueuePolicy', key: 'PolicyDocument', role: 'resource' },
	{ type: 'AWS::SNS::TopicPolicy', key: 'PolicyDocument', role: 'resource' },
	{ type: 'AWS::KMS::Key', key: 'KeyPolicy', role: 'resource' },
	{ type: 'AWS::ECR::Repository', key: 'RepositoryPolicyText', role: 'resource' },
	{ type: 'AWS::SecretsManager::ResourcePolicy', key: 'ResourcePolicy', role: 'resource' },
];

/** Types whose inline policies (`Policies: [{ PolicyDocument }]`, `inline_policy { policy }`) grant permissions. */
const INLINE_POLICIES: Readonly<Record<string, { list: string; key: string }>> = {
	aws_iam_role: { list: 'inline_policy', key: 'policy' },
	'AWS::IAM::Role': { list: 'Policies', key: 'PolicyDocument' },
	'AWS::IAM::User': { list: 'Policies', key: 'PolicyDocument' },
	'AWS::IAM::Group': { list: 'Policies', key: 'PolicyDocument' },
};

const DATA_REFERENCE = /\bdata\.aws_iam_policy_document\.([A-Za-z_][\w-]*)\.(?:json|minified_json)\b/;

const STATEMENTS = memoKey<PolicyStatement[]>('policy statements');

export function policyStatements(file: ParsedFile): readonly PolicyStatement[] {
	return memoized(file, STATEMENTS, () => collect(file));
}

function collect(file: ParsedFile): PolicyStatement[] {
	const found: PolicyStatement[] = [];
	const referenced = new Set<string>();
	const read = (resource: Resource, value: ValueNode | undefined, role: PolicyRole): void => {
		if (value === undefined) {
			return;
		}
		const context = { resource, role, holder: describe(resource), holderType: resource.type };
		const reference = value.kind === 'expression' ? DATA_REFERENCE.exec(value.text) : null;
		if (reference) {
			referenced.add(reference[1]);
			found.push(...dataDocumentStatements(file, reference[1], context));
			return;
		}
		const document = structuredValue(value);
		if (document?.kind === 'object') {
			found.push(...jsonStatements(document, context));
		}
	};
	for (const resource of file.resources) {
		for (const slot of SLOTS) {
			if (slot.type === resource.type) {
				read(resource, get(resource.body, slot.key), slot.role);
			}
		}
		const inline = INLINE_POLICIES[resource.type];
		if (inline) {
			for (const policy of objectsIn(getAll(resource.body, inline.list))) {
				read(resource, get(policy, inline.key), 'identity');
			}
		}
	}
	// Data documents no resource in the file references: judged by what they say.
	for (const name of dataDocumentNames(file)) {
		if (!referenced.has(name)) {
			const context = { resource: undefined, role: 'identity' as const, holder: `data.aws_iam_policy_document.${name}`, holderType: 'aws_iam_policy_document' };
			found.push(...dataDocumentStatements(file, name, context).map(statement => ({ ...statement, role: guessRole(statement) })));
		}
	}
	return found;
}

/** A statement with principals is a trust policy when it allows assuming a role, else a resource policy. */
function guessRole(statement: PolicyStatement): PolicyRole {
	if (statement.principals === undefined) {
		return 'identity';
	}
	return statement.actions.some(action => /^sts:AssumeRole/i.test(action.value)) ? 'trust' : 'resource';
}

function dataDocumentNames(file: ParsedFile): string[] {
	const names: string[] = [];
	for (const root of file.roots) {
		for (const data of objectsIn(getAll(root, 'data'))) {
			for (const documents of objectsIn(getAll(data, 'aws_iam_policy_document'))) {
				names.push(...documents.entries.map(entry => entry.key));
			}
		}
	}
	return names;
}

function describe(resource: Resource): string {
	return /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(resource.type) ? `${resource.type}.${resource.name}` : `${resource.type} '${resource.name}'`;
}

/**
 * Condition keys that narrow who can use a statement whose principal is everyone: the caller's
 * organization, account or ARN, the service resource or network it calls from. `sts:ExternalId`
 * is not one: it is an identifier shared with a vendor, not a secret.
 */
const NARROWING_KEYS = new Set([
	'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:principalservicename',
	'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
	'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip', 'aws:userid', 'aws:username', 'kms:calleraccount',
]);

/** The principals of an allowing statement that are anyone (`*`) with no condition that narrows them. */
export function openPrincipals(statement: PolicyStatement): StringNode[] {
	if (!statement.allow || statement.conditionKeys.some(key => NARROWING_KEYS.has(key))) {
		return [];
	}
	return (statement.principals ?? []).filter(principal => principal.value.trim() === '*');
}

/** Bucket policies belong to the storage rules (AUP-STO-001 and 002), which say what the bucket exposes. */
export function isBucketPolicy(statement: PolicyStatement): boolean {
	return statement.holderType === 'aws_s3_bucket_policy' || statement.holderType === 'aws_s3_bucket' || statement.holderType === 'AWS::S3::BucketPolicy';
}
