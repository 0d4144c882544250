import type { ParsedFile, Resource } from '../model/file';
import type { BooleanNode, ObjectNode, ValueNode } from '../model/nodes';
import { get } from '../model/query';
import { containsSpan } from '../model/range';
import { defineRule, type FixDraft, type RuleReport } from './rule';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-STO-003',
	title: 'Public access block turned off',
	severity: 'warning',
	aupSection: '4',
	category: 'data-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'bicep'],
	docs: [
		'Finds the account and bucket settings that stop storage from being made public, turned off: `block_public_acls`, `block_public_policy`, `ignore_public_acls` or `restrict_public_buckets` set to `false` in `aws_s3_bucket_public_access_block` or `aws_s3_account_public_access_block`, the same four in CloudFormation\'s `PublicAccessBlockConfiguration` of an `AWS::S3::Bucket`, and `allow_nested_items_to_be_public` (formerly `allow_blob_public_access`) set to `true` on an `azurerm_storage_account`, or `allowBlobPublicAccess` on an ARM `Microsoft.Storage/storageAccounts`. One finding per resource points at the first such setting and names them all.',
		'',
		'**Why it matters.** These switches are the safety net under every bucket policy and ACL: with them on, a mistaken `public-read` or `Principal: "*"` does nothing. Turning them off is how most public-bucket leaks begin. Section 4 of the Acceptable Use Policy makes securing what you deploy your responsibility.',
		'',
		'**What to do instead.** Leave them on (`true`; for Azure, `false`) and serve public content through a CDN with origin access control. The quick fix turns every reported setting back on.',
		'',
		'**What is not reported.** Settings left out: in Terraform they default to off, but a generated block that writes only some of them is usually deliberate, and the account-level block may cover the rest. Values from variables are not reported either.',
		'',
		'**When it is legitimate.** A bucket that serves a public website straight from S3. Suppress it there with that reason: `# aup-guard-ignore AUP-STO-003: static site bucket, public by design`.',
	].join('\n'),
	check(file, report) {
		for (const resource of file.resources) {
			const off = switchesOff(resource);
			if (off.length === 0) {
				continue;
			}
			const names = off.map(entry => entry.key).join(', ');
			report({
				span: off[0].value.span,
				message: `${describeResource(resource)} turns off the protection against public storage (${names}), so one mistaken ACL or policy makes data public. Turn ${off.length > 1 ? 'them' : 'it'} back on and serve public files through a CDN (AUP section 4).`,
				fixes: ['turnOn'],
			});
		}
	},
	fixes: {
		turnOn: turnOn,
	},
});

interface Switch {
	readonly key: string;
	readonly value: BooleanNode;
	/** What the setting must be for the protection to be on. */
	readonly on: boolean;
}

const S3_TERRAFORM = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const S3_CLOUDFORMATION = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
const AZURE = ['allow_nested_items_to_be_public', 'allow_blob_public_access'];

function switchesOff(resource: Resource): Switch[] {
	// ARM resource types are case-insensitive.
	switch (/^microsoft\./i.test(resource.type) ? resource.type.toLowerCase() : resource.type) {
		case 'aws_s3_bucket_public_access_block':
		case 'aws_s3_account_public_access_block':
			return written(resource.body, S3_TERRAFORM, true);
		case 'AWS::S3::Bucket':
			return written(get(resource.body, 'PublicAccessBlockConfiguration'), S3_CLOUDFORMATION, true);
		case 'azurerm_storage_account':
			return written(resource.body, AZURE, false);
		case 'microsoft.storage/storageaccounts':
			return written(get(resource.body, 'properties'), ['allowBlobPublicAccess'], false);
		default:
			return [];
	}
}

/** Only literal booleans: a value from a variable, or a quoted string, is left alone. */
function written(object: ValueNode | undefined, keys: readonly string[], on: boolean): Switch[] {
	if (object?.kind !== 'object') {
		return [];
	}
	return (object as ObjectNode).entries
		.filter((entry): entry is typeof entry & { value: BooleanNode } => keys.includes(entry.key) && entry.value.kind === 'boolean' && entry.value.value !== on)
		.map(entry => ({ key: entry.key, value: entry.value, on }));
}

function turnOn(report: RuleReport, file: ParsedFile): FixDraft | null {
	const resource = file.resources.find(candidate => containsSpan(candidate.body.span, report.span) && switchesOff(candidate).some(found => found.value.span.start === report.span.start));
	if (!resource) {
		return null;
	}
	const off = switchesOff(resource);
	return {
		title: off.length > 1 ? 'Turn the public access protections back on' : `Set ${off[0].key} to ${off[0].on}`,
		edits: off.map(found => ({ span: found.value.span, newText: String(found.on) })),
		isPreferred: true,
	};
}
