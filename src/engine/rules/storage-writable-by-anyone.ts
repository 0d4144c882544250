import { defineRule } from './rule';
import { replaceLiteral } from './shared/literal-fix';
import { PRIVATE_VALUES, publicGrants } from './shared/public-storage';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-STO-002',
	title: 'Storage writable by anyone',
	severity: 'error',
	aupSection: '3',
	category: 'data-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds buckets that anyone on the internet can write to: the S3 canned ACL `public-read-write` (`aws_s3_bucket`, `aws_s3_bucket_acl`, CloudFormation `AccessControl: PublicReadWrite`), S3 ACL grants of `WRITE`, `WRITE_ACP` or `FULL_CONTROL` to the AllUsers or AuthenticatedUsers groups, S3 bucket policies that allow `s3:PutObject`, `s3:Delete*`, `s3:*` or `*` to `Principal: "*"` with no condition on who calls, and GCS grants to `allUsers` or `allAuthenticatedUsers` with a role that creates, replaces or deletes objects (`roles/storage.objectCreator`, `objectAdmin`, `objectUser`, `admin`, the legacy writer and owner roles, and the ACL roles `WRITER` and `OWNER`).',
		'',
		'**Why it matters.** A bucket anyone can write to is free hosting for whoever finds it: malware, phishing pages and illegal content end up served from your account, and existing files can be replaced or deleted. Section 3 of the Acceptable Use Policy prohibits allowing unauthorized access and hosting illegal content; a grant of write access to everyone does the first outright and invites the second, so this is an error.',
		'',
		'**What to do instead.** Make the bucket private. For uploads from users, hand out short-lived presigned URLs (S3) or signed URLs (GCS) from your backend, which limit what can be written, where, and for how long. The quick fix sets the ACL to private.',
		'',
		'**When it is legitimate.** Practically never. A deliberately writable honeypot in an isolated account is the exception; suppress it with that reason: `# aup-guard-ignore AUP-STO-002: isolated upload honeypot, account 1234`.',
	].join('\n'),
	check(file, report) {
		for (const grant of publicGrants(file)) {
			if (grant.access === 'write') {
				report({
					span: grant.span,
					message: `${describeResource(grant.resource)} lets anyone on the internet write to it (${grant.what}), so anyone can host files in your account or replace yours (AUP section 3). Make it private and hand out presigned or signed URLs for uploads.`,
					fixes: grant.fix ? [grant.fix] : undefined,
				});
			}
		}
	},
	fixes: {
		makePrivate: replaceLiteral('Make it private', new Set(PRIVATE_VALUES.keys()), found => PRIVATE_VALUES.get(found) ?? found),
	},
});
