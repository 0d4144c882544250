import { defineRule } from './rule';
import { replaceLiteral } from './shared/literal-fix';
import { PRIVATE_VALUES, publicGrants } from './shared/public-storage';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-STO-001',
	title: 'Storage readable by anyone',
	severity: 'warning',
	aupSection: '4',
	category: 'data-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'bicep'],
	docs: [
		'Finds buckets and containers whose contents anyone on the internet can read: S3 canned ACLs `public-read` and `authenticated-read` (`aws_s3_bucket`, `aws_s3_bucket_acl`, CloudFormation `AccessControl: PublicRead` or `AuthenticatedRead`), S3 ACL grants of `READ` to the AllUsers or AuthenticatedUsers groups, S3 bucket policies (`aws_s3_bucket_policy`, `AWS::S3::BucketPolicy`) that allow reading actions to `Principal: "*"` with no condition on who calls (such as `aws:SourceVpce` or `aws:PrincipalOrgID`), GCS grants to `allUsers` or `allAuthenticatedUsers` with a reading role (`google_storage_bucket_iam_member` and `_binding`, `google_storage_bucket_acl`, the access control resources), and Azure containers with `container_access_type` `blob` or `container` (ARM: `publicAccess` `Blob` or `Container` on `Microsoft.Storage/storageAccounts/blobServices/containers`). `authenticated-read` and `allAuthenticatedUsers` count as public: they mean anyone with any AWS or Google account.',
		'',
		'**Why it matters.** Public buckets are found by automated scanners within hours, and they are the most common source of leaked backups, exports and customer data. Section 4 of the Acceptable Use Policy makes securing what you deploy your responsibility, and asks you to review generated configuration before you deploy it: a generator that adds `public-read` to make a demo work rarely knows what the bucket will hold. Writing by anyone is reported by AUP-STO-002 instead.',
		'',
		'**What to do instead.** Keep the bucket private and grant access to the identities that need it, or serve public files through a CDN with origin access control (CloudFront OAC, Cloud CDN, Azure Front Door), which keeps the bucket itself private. The quick fix sets the ACL or access level to private.',
		'',
		'**When it is legitimate.** A bucket that only holds public assets: a static website, downloads, public datasets. Suppress the finding there and say so: `# aup-guard-ignore AUP-STO-001: public website assets only`.',
	].join('\n'),
	check(file, report) {
		for (const grant of publicGrants(file)) {
			if (grant.access === 'read') {
				report({
					span: grant.span,
					message: `${describeResource(grant.resource)} lets anyone on the internet read its contents (${grant.what}). Keep it private and grant access to the identities that need it, or serve public files through a CDN (AUP section 4).`,
					fixes: grant.fix ? [grant.fix] : undefined,
				});
			}
		}
	},
	fixes: {
		makePrivate: replaceLiteral('Make it private', new Set(PRIVATE_VALUES.keys()), found => PRIVATE_VALUES.get(found) ?? found),
	},
});
