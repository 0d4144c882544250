import type { ParsedFile, Resource } from '../../model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../model/nodes';
import { get, getAll, getPath, literalString, objectsIn } from '../../model/query';
import type { Span } from '../../model/range';
import { isBucketPolicy, openPrincipals, policyStatements } from './policy-documents';

/**
 * Grants of storage to everyone, read alike from S3 ACLs, GCS IAM members and ACLs, and Azure
 * container access levels. AUP-STO-001 reports those that let anyone read, AUP-STO-002 those
 * that let anyone write.
 */
export interface PublicGrant {
	readonly resource: Resource;
	readonly access: 'read' | 'write';
	/** The value that grants it: the ACL name, the `allUsers` member, the access level. */
	readonly span: Span;
	/** The grant in words for a message: `acl 'public-read'`, `'allUsers' as roles/storage.objectViewer`. */
	readonly what: string;
	/** Set when replacing the value with a private one is a safe quick fix: the fix id. */
	readonly fix?: 'makePrivate';
}

const S3_ACLS: Readonly<Record<string, 'read' | 'write'>> = {
	'public-read': 'read', 'authenticated-read': 'read', 'public-read-write': 'write',
	PublicRead: 'read', AuthenticatedRead: 'read', PublicReadWrite: 'write',
};
const S3_GROUPS = /^https?:\/\/acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;
const GCS_EVERYONE = new Set(['allUsers', 'allAuthenticatedUsers']);
/** GCS roles that let their holder create, replace or delete objects, or change the bucket. */
const GCS_WRITE_ROLES = /^roles\/storage\.(objectCreator|objectAdmin|objectUser|admin|legacyBucketWriter|legacyBucketOwner|legacyObjectOwner)$/;

export function publicGrants(file: ParsedFile): PublicGrant[] {
	const grants: PublicGrant[] = [];
	for (const resource of file.resources) {
		const body = resource.body;
		// ARM resource types are case-insensitive.
		switch (/^microsoft\./i.test(resource.type) ? resource.type.toLowerCase() : resource.type) {
			case 'aws_s3_bucket':
			case 'aws_s3_bucket_acl':
				grants.push(...s3Acl(resource, get(body, 'acl')));
				for (const grant of objectsIn(getAll(get(body, 'access_control_policy'), 'grant'))) {
					grants.push(...s3Grantee(resource, getAll(grant, 'grantee').flatMap(grantee => getAll(grantee, 'uri')), literalString(get(grant, 'permission'))));
				}
				break;
			case 'AWS::S3::Bucket':
				grants.push(...s3Acl(resource, get(body, 'AccessControl')));
				break;
			case 'google_storage_bucket_iam_member':
			case 'google_storage_bucket_iam_binding': {
				const role = literalString(get(body, 'role'));
				for (const member of [...getAll(body, 'member'), ...getAll(body, 'members')]) {
					if (isString(member) && GCS_EVERYONE.has(member.value) && role !== undefined) {
						grants.push({ resource, access: GCS_WRITE_ROLES.test(role) ? 'write' : 'read', span: whole(member), what: `'${member.value}' as ${role}` });
					}
				}
				break;
			}
			case 'google_storage_bucket_acl':
			case 'google_storage_default_object_acl':
				for (const entry of getAll(body, 'role_entity')) {
					const match = isString(entry) ? /^(READER|WRITER|OWNER):(allUsers|allAuthenticatedUsers)$/.exec(entry.value) : null;
					if (isString(entry) && match) {
						const start = match[1].length + 1;
						grants.push({ resource, access: match[1] === 'READER' ? 'read' : 'write', span: sourceSpan(entry, start, entry.value.length), what: `'${entry.value}'` });
					}
				}
				break;
			case 'google_storage_bucket_access_control':
			case 'google_storage_default_object_access_control':
			case 'google_storage_object_access_control': {
				const entity = get(body, 'entity');
				const role = literalString(get(body, 'role'));
				if (isString(entity) && GCS_EVERYONE.has(entity.value) && role !== undefined) {
					grants.push({ resource, access: role === 'READER' ? 'read' : 'write', span: whole(entity), what: `'${entity.value}' as ${role}` });
				}
				break;
			}
			case 'azurerm_storage_container':
				grants.push(...azureAccess(resource, get(body, 'container_access_type'), new Set(['blob', 'container'])));
				break;
			case 'microsoft.storage/storageaccounts/blobservices/containers':
				grants.push(...azureAccess(resource, getPath(body, 'properties', 'publicAccess'), new Set(['Blob', 'Container'])));
				break;
			default:
				break;
		}
	}
	return [...grants, ...bucketPolicyGrants(file)];
}

/** S3 actions that create, replace or delete objects, or change the bucket's own settings. */
const S3_WRITE_ACTION = /^(\*|s3:\*|s3:(Put|Delete|Restore|Abort|Replicate|Create|Update|Bypass)[A-Za-z*]*)$/i;

/** Bucket policy statements that allow anyone, with no condition on who calls; AUP-IAM-003 leaves these to the storage rules. */
function bucketPolicyGrants(file: ParsedFile): PublicGrant[] {
	const grants: PublicGrant[] = [];
	for (const statement of policyStatements(file)) {
		if (!isBucketPolicy(statement) || !statement.resource || statement.notActions) {
			continue;
		}
		const writes = statement.actions.filter(action => S3_WRITE_ACTION.test(action.value.trim()));
		const shown = (writes.length > 0 ? writes : statement.actions).slice(0, 2).map(action => action.value.trim()).join(', ');
		for (const principal of openPrincipals(statement)) {
			grants.push({
				resource: statement.resource,
				access: writes.length > 0 ? 'write' : 'read',
				span: whole(principal),
				what: `a bucket policy that allows ${shown || 'access'} to Principal '*'`,
			});
		}
	}
	return grants;
}

function s3Acl(resource: Resource, node: ValueNode | undefined): PublicGrant[] {
	const access = isString(node) ? S3_ACLS[node.value] : undefined;
	return isString(node) && access ? [{ resource, access, span: whole(node), what: `ACL '${node.value}'`, fix: 'makePrivate' }] : [];
}

function s3Grantee(resource: Resource, uris: ValueNode[], permission: string | undefined): PublicGrant[] {
	if (permission === undefined) {
		return [];
	}
	return uris.filter(isString).filter(uri => S3_GROUPS.test(uri.value)).map(uri => ({
		resource,
		access: permission === 'READ' || permission === 'READ_ACP' ? 'read' as const : 'write' as const,
		span: whole(uri),
		what: `a ${permission} grant to ${S3_GROUPS.exec(uri.value)?.[1]}`,
	}));
}

function azureAccess(resource: Resource, node: ValueNode | undefined, levels: ReadonlySet<string>): PublicGrant[] {
	// Azure's anonymous access is read-only, whatever the level.
	return isString(node) && levels.has(node.value) ? [{ resource, access: 'read', span: whole(node), what: `anonymous '${node.value}' access`, fix: 'makePrivate' }] : [];
}

function isString(node: ValueNode | undefined): node is StringNode {
	return node?.kind === 'string' && node.isLiteral;
}

function whole(node: StringNode): Span {
	return sourceSpan(node, 0, node.value.length);
}

/** The private value for each public one a `makePrivate` fix replaces, in each format's spelling. */
export const PRIVATE_VALUES: ReadonlyMap<string, string> = new Map([
	['public-read', 'private'], ['authenticated-read', 'private'], ['public-read-write', 'private'],
	['PublicRead', 'Private'], ['AuthenticatedRead', 'Private'], ['PublicReadWrite', 'Private'],
	['blob', 'private'], ['container', 'private'], ['Blob', 'None'], ['Container', 'None'],
]);
