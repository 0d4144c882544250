import rule from '../../../src/engine/rules/storage-readable-by-anyone';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';
import { ARM_PRIVATE_CONTAINERS_TEMPLATE, ARM_PUBLIC_STORAGE_TEMPLATE, AZURE_CONTAINERS_TF, NARROW_GCS_GRANTS_TF, OPEN_POLICIES_CFN, OPEN_RESOURCE_POLICIES_TF, PRIVATE_S3_ACLS_TF, PUBLIC_BUCKETS_CFN, PUBLIC_GCS_GRANTS_TF, PUBLIC_S3_ACLS_TF } from './fixtures/public-access';

const id = 'AUP-STO-001';

const flagged = [
	{
		name: 'a public-read bucket ACL and a READ grant to every AWS account',
		path: 's3.tf',
		source: PUBLIC_S3_ACLS_TF,
		findings: [
			{ ruleId: id, line: 2, character: 12, endLine: 2, endCharacter: 23, text: 'public-read', message: /^aws_s3_bucket\.reports lets anyone on the internet read its contents \(ACL 'public-read'\)\. Keep it private/, fixed: [PUBLIC_S3_ACLS_TF.replace('  acl    = "public-read"\n', '  acl    = "private"\n')] },
			{ ruleId: id, line: 21, character: 16, endLine: 21, endCharacter: 73, text: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', message: /^aws_s3_bucket_acl\.partners lets anyone on the internet read its contents \(a READ grant to AuthenticatedUsers\)/ },
		],
	},
	{
		name: 'AccessControl PublicRead in CloudFormation',
		path: 'assets.yaml',
		source: PUBLIC_BUCKETS_CFN,
		findings: [
			{ ruleId: id, line: 7, character: 21, endLine: 7, endCharacter: 31, text: 'PublicRead', message: /^AWS::S3::Bucket 'AssetsBucket' lets anyone/, fixed: [PUBLIC_BUCKETS_CFN.replace('      AccessControl: PublicRead\n', '      AccessControl: Private\n')] },
		],
	},
	{
		name: 'GCS grants to allUsers by IAM member and by ACL entity',
		path: 'gcs.tf',
		source: PUBLIC_GCS_GRANTS_TF,
		findings: [
			{ ruleId: id, line: 3, character: 12, endLine: 3, endCharacter: 20, text: 'allUsers', message: /^google_storage_bucket_iam_member\.public_read lets anyone .* \('allUsers' as roles\/storage\.objectViewer\)/ },
			{ ruleId: id, line: 17, character: 56, endLine: 17, endCharacter: 64, text: 'allUsers', message: /^google_storage_bucket_acl\.legacy lets anyone .* \('READER:allUsers'\)/ },
		],
	},
	{
		name: 'Azure containers with blob and container access',
		path: 'storage.tf',
		source: AZURE_CONTAINERS_TF,
		findings: [
			{ ruleId: id, line: 3, character: 27, endLine: 3, endCharacter: 31, text: 'blob', message: /anonymous 'blob' access/, fixed: [AZURE_CONTAINERS_TF.replace('  container_access_type = "blob"\n', '  container_access_type = "private"\n')] },
			{ ruleId: id, line: 9, character: 27, endLine: 9, endCharacter: 36, text: 'container', message: /anonymous 'container' access/, fixed: [AZURE_CONTAINERS_TF.replace('  container_access_type = "container"\n', '  container_access_type = "private"\n')] },
		],
	},
	{
		name: 'an ARM blob container with Container access',
		path: 'azuredeploy.json',
		source: ARM_PUBLIC_STORAGE_TEMPLATE,
		findings: [
			{ ruleId: id, line: 21, character: 25, endLine: 21, endCharacter: 34, text: 'Container', message: /anonymous 'Container' access/, fixed: [ARM_PUBLIC_STORAGE_TEMPLATE.replace('        "publicAccess": "Container"\n', '        "publicAccess": "None"\n')] },
		],
	},
	{
		name: 'a bucket policy that lets anyone get objects; the queue is AUP-IAM-003\'s and the drop bucket AUP-STO-002\'s',
		path: 'policies.tf',
		source: OPEN_RESOURCE_POLICIES_TF,
		findings: [
			{ ruleId: id, line: 44, character: 19, endLine: 44, endCharacter: 20, text: '*', message: /^aws_s3_bucket_policy\.site lets anyone on the internet read its contents \(a bucket policy that allows s3:GetObject to Principal '\*'\)/ },
		],
	},
	{
		name: 'a CloudFormation bucket policy without a condition, next to one narrowed to a VPC endpoint',
		path: 'kms.yaml',
		source: OPEN_POLICIES_CFN,
		findings: [
			{ ruleId: id, line: 27, character: 24, endLine: 27, endCharacter: 25, text: '*', message: /^AWS::S3::BucketPolicy 'SiteBucketPolicy' lets anyone/ },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'log delivery ACLs, a private ACL, an ACL from a variable and public-read in a tag',
			path: 's3.tf',
			source: PRIVATE_S3_ACLS_TF,
		},
		{
			name: 'GCS grants to a group and from a variable, and allUsers on a project role',
			path: 'gcs.tf',
			source: NARROW_GCS_GRANTS_TF,
		},
		{
			name: 'a private Azure container and one named blob',
			path: 'storage.tf',
			source: `resource "azurerm_storage_container" "backups" {
  name                  = "backups"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "private"
}

resource "azurerm_storage_container" "blob" {
  name                  = "blob"
  storage_account_name  = azurerm_storage_account.main.name
}
`,
		},
		{
			name: 'ARM containers with publicAccess None, and the words in a tag',
			path: 'azuredeploy.json',
			source: ARM_PRIVATE_CONTAINERS_TEMPLATE,
		},
	],
});

fixesResolve(rule, flagged);
