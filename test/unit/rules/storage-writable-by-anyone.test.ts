import rule from '../../../src/engine/rules/storage-writable-by-anyone';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';
import { AZURE_CONTAINERS_TF, NARROW_GCS_GRANTS_TF, OPEN_POLICIES_CFN, OPEN_RESOURCE_POLICIES_TF, PRIVATE_S3_ACLS_TF, PUBLIC_BUCKETS_CFN, PUBLIC_GCS_GRANTS_TF, PUBLIC_S3_ACLS_TF } from './fixtures/public-access';

const id = 'AUP-STO-002';

const flagged = [
	{
		name: 'a public-read-write ACL and a WRITE grant to AllUsers',
		path: 's3.tf',
		source: PUBLIC_S3_ACLS_TF,
		findings: [
			{ ruleId: id, line: 11, character: 12, endLine: 11, endCharacter: 29, text: 'public-read-write', message: /^aws_s3_bucket_acl\.uploads lets anyone on the internet write to it \(ACL 'public-read-write'\), so anyone can host files/, fixed: [PUBLIC_S3_ACLS_TF.replace('  acl    = "public-read-write"\n', '  acl    = "private"\n')] },
			{ ruleId: id, line: 29, character: 16, endLine: 29, endCharacter: 63, text: 'http://acs.amazonaws.com/groups/global/AllUsers', message: /\(a WRITE grant to AllUsers\)/ },
		],
	},
	{
		name: 'AccessControl PublicReadWrite in CloudFormation',
		path: 'drop.yaml',
		source: PUBLIC_BUCKETS_CFN,
		findings: [
			{ ruleId: id, line: 11, character: 21, endLine: 11, endCharacter: 36, text: 'PublicReadWrite', message: /^AWS::S3::Bucket 'DropBucket' lets anyone on the internet write/, fixed: [PUBLIC_BUCKETS_CFN.replace('      AccessControl: PublicReadWrite\n', '      AccessControl: Private\n')] },
		],
	},
	{
		name: 'objectCreator for allAuthenticatedUsers on a GCS bucket',
		path: 'gcs.tf',
		source: PUBLIC_GCS_GRANTS_TF,
		findings: [
			{ ruleId: id, line: 11, character: 5, endLine: 11, endCharacter: 26, text: 'allAuthenticatedUsers', message: /\('allAuthenticatedUsers' as roles\/storage\.objectCreator\)/ },
		],
	},
	{
		name: 'a heredoc bucket policy that lets anyone put objects, next to a Deny for plain HTTP',
		path: 'policies.tf',
		source: OPEN_RESOURCE_POLICIES_TF,
		findings: [
			{ ruleId: id, line: 59, character: 28, endLine: 59, endCharacter: 29, text: '*', message: /^aws_s3_bucket_policy\.drop lets anyone on the internet write to it \(a bucket policy that allows s3:PutObject to Principal '\*'\)/ },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'log delivery write grants and private ACLs',
			path: 's3.tf',
			source: PRIVATE_S3_ACLS_TF,
		},
		{
			name: 'GCS admin role from a variable member',
			path: 'gcs.tf',
			source: NARROW_GCS_GRANTS_TF,
		},
		{
			name: 'Azure containers anyone can only read',
			path: 'storage.tf',
			source: AZURE_CONTAINERS_TF,
		},
		{
			name: 'a read-only public bucket policy and one narrowed to a VPC endpoint',
			path: 'kms.yaml',
			source: OPEN_POLICIES_CFN,
		},
	],
});

fixesResolve(rule, flagged);
