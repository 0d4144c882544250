import rule from '../../../src/engine/rules/public-access-block-turned-off';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';
import { ARM_PRIVATE_CONTAINERS_TEMPLATE, ARM_PUBLIC_STORAGE_TEMPLATE, PUBLIC_S3_ACLS_TF } from './fixtures/public-access';

const id = 'AUP-STO-003';

const flagged = [
	{
		name: 'S3 blocks with some settings off, and Azure nested items allowed to be public',
		path: 'storage.tf',
		source: `resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls = false
}

resource "azurerm_storage_account" "web" {
  name                            = "acmeweb"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}
`,
		findings: [
			{ ruleId: id, line: 4, character: 28, endLine: 4, endCharacter: 33, text: 'false', message: /^aws_s3_bucket_public_access_block\.site turns off the protection against public storage \(block_public_policy, restrict_public_buckets\)/, fixed: [`resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls = false
}

resource "azurerm_storage_account" "web" {
  name                            = "acmeweb"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}
`] },
			{ ruleId: id, line: 10, character: 22, endLine: 10, endCharacter: 27, text: 'false', message: /\(block_public_acls\)/, fixed: [`resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls = true
}

resource "azurerm_storage_account" "web" {
  name                            = "acmeweb"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}
`] },
			{ ruleId: id, line: 19, character: 36, endLine: 19, endCharacter: 40, text: 'true', message: /^azurerm_storage_account\.web turns off .*\(allow_nested_items_to_be_public\)/, fixed: [`resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls = false
}

resource "azurerm_storage_account" "web" {
  name                            = "acmeweb"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}
`] },
		],
	},
	{
		name: 'PublicAccessBlockConfiguration partly off in CloudFormation',
		path: 'site.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-site
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: false
        IgnorePublicAcls: true
        RestrictPublicBuckets: false
      WebsiteConfiguration:
        IndexDocument: index.html
  DataBucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`,
		findings: [
			{ ruleId: id, line: 8, character: 27, endLine: 8, endCharacter: 32, text: 'false', message: /^AWS::S3::Bucket 'SiteBucket' turns off/, fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-site
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      WebsiteConfiguration:
        IndexDocument: index.html
  DataBucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`] },
		],
	},
	{
		name: 'allowBlobPublicAccess true on an ARM storage account',
		path: 'azuredeploy.json',
		source: ARM_PUBLIC_STORAGE_TEMPLATE,
		findings: [
			{ ruleId: id, line: 12, character: 33, endLine: 12, endCharacter: 37, text: 'true', message: /\(allowBlobPublicAccess\)/, fixed: [ARM_PUBLIC_STORAGE_TEMPLATE.replace('        "allowBlobPublicAccess": true,\n', '        "allowBlobPublicAccess": false,\n')] },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'every protection on, one from a variable, and an Azure account that forbids public items',
			path: 'storage.tf',
			source: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict
}

resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
		},
		{
			name: 'public ACLs are AUP-STO-001\'s and AUP-STO-002\'s, not this rule\'s',
			path: 's3.tf',
			source: PUBLIC_S3_ACLS_TF,
		},
		{
			name: 'ARM containers with publicAccess None, and the words in a tag',
			path: 'azuredeploy.json',
			source: ARM_PRIVATE_CONTAINERS_TEMPLATE,
		},
	],
});

fixesResolve(rule, flagged);
