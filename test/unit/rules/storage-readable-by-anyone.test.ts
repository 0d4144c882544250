import rule from '../../../src/engine/rules/storage-readable-by-anyone';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-STO-001';

const flagged = [
	{
		name: 'a public-read bucket ACL and a READ grant to every AWS account',
		path: 's3.tf',
		source: `resource "aws_s3_bucket" "reports" {
  bucket = "acme-quarterly-reports"
  acl    = "public-read"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-user-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "partners" {
  bucket = aws_s3_bucket.partners.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
`,
		findings: [
			{ ruleId: id, line: 2, character: 12, endLine: 2, endCharacter: 23, text: 'public-read', message: /^aws_s3_bucket\.reports lets anyone on the internet read its contents \(ACL 'public-read'\)\. Keep it private/, fixed: [`resource "aws_s3_bucket" "reports" {
  bucket = "acme-quarterly-reports"
  acl    = "private"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-user-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "partners" {
  bucket = aws_s3_bucket.partners.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
`] },
			{ ruleId: id, line: 21, character: 16, endLine: 21, endCharacter: 73, text: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', message: /^aws_s3_bucket_acl\.partners lets anyone on the internet read its contents \(a READ grant to AuthenticatedUsers\)/ },
		],
	},
	{
		name: 'AccessControl PublicRead in CloudFormation',
		path: 'assets.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Description: Static assets and an upload drop
Resources:
  AssetsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-assets
      AccessControl: PublicRead
  DropBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
  LogsBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
`,
		findings: [
			{ ruleId: id, line: 7, character: 21, endLine: 7, endCharacter: 31, text: 'PublicRead', message: /^AWS::S3::Bucket 'AssetsBucket' lets anyone/, fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Description: Static assets and an upload drop
Resources:
  AssetsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-assets
      AccessControl: Private
  DropBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
  LogsBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
`] },
		],
	},
	{
		name: 'GCS grants to allUsers by IAM member and by ACL entity',
		path: 'gcs.tf',
		source: `resource "google_storage_bucket_iam_member" "public_read" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "dropbox" {
  bucket = google_storage_bucket.dropbox.name
  role   = "roles/storage.objectCreator"
  members = [
    "group:uploaders@example.com",
    "allAuthenticatedUsers",
  ]
}

resource "google_storage_bucket_acl" "legacy" {
  bucket      = google_storage_bucket.legacy.name
  role_entity = ["OWNER:project-owners-123456", "READER:allUsers"]
}
`,
		findings: [
			{ ruleId: id, line: 3, character: 12, endLine: 3, endCharacter: 20, text: 'allUsers', message: /^google_storage_bucket_iam_member\.public_read lets anyone .* \('allUsers' as roles\/storage\.objectViewer\)/ },
			{ ruleId: id, line: 17, character: 56, endLine: 17, endCharacter: 64, text: 'allUsers', message: /^google_storage_bucket_acl\.legacy lets anyone .* \('READER:allUsers'\)/ },
		],
	},
	{
		name: 'Azure containers with blob and container access',
		path: 'storage.tf',
		source: `resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "blob"
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "container"
}
`,
		findings: [
			{ ruleId: id, line: 3, character: 27, endLine: 3, endCharacter: 31, text: 'blob', message: /anonymous 'blob' access/, fixed: [`resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "private"
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "container"
}
`] },
			{ ruleId: id, line: 9, character: 27, endLine: 9, endCharacter: 36, text: 'container', message: /anonymous 'container' access/, fixed: [`resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "blob"
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "private"
}
`] },
		],
	},
	{
		name: 'an ARM blob container with Container access',
		path: 'azuredeploy.json',
		source: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2",
      "properties": {
        "allowBlobPublicAccess": true,
        "minimumTlsVersion": "TLS1_2"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets/default/images",
      "properties": {
        "publicAccess": "Container"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets/default/backups",
      "properties": {
        "publicAccess": "None"
      }
    }
  ]
}
`,
		findings: [
			{ ruleId: id, line: 21, character: 25, endLine: 21, endCharacter: 34, text: 'Container', message: /anonymous 'Container' access/, fixed: [`{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2",
      "properties": {
        "allowBlobPublicAccess": true,
        "minimumTlsVersion": "TLS1_2"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets/default/images",
      "properties": {
        "publicAccess": "None"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
      "apiVersion": "2023-01-01",
      "name": "acmewebassets/default/backups",
      "properties": {
        "publicAccess": "None"
      }
    }
  ]
}
`] },
		],
	},
	{
		name: 'a bucket policy that lets anyone get objects; the queue is AUP-IAM-003\'s and the drop bucket AUP-STO-002\'s',
		path: 'policies.tf',
		source: `resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource  = aws_sqs_queue.orders.arn
    }]
  })
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.alerts.arn
        Condition = {
          ArnLike = { "aws:SourceArn" = aws_cloudwatch_event_rule.nightly.arn }
        }
      }
    ]
  })
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "drop" {
  bucket = aws_s3_bucket.drop.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::acme-drop/*"
    },
    {
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::acme-drop/*",
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}
POLICY
}
`,
		findings: [
			{ ruleId: id, line: 44, character: 19, endLine: 44, endCharacter: 20, text: '*', message: /^aws_s3_bucket_policy\.site lets anyone on the internet read its contents \(a bucket policy that allows s3:GetObject to Principal '\*'\)/ },
		],
	},
	{
		name: 'a CloudFormation bucket policy without a condition, next to one narrowed to a VPC endpoint',
		path: 'kms.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  KeyPolicyOpen:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: AccountAdmin
            Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::\${AWS::AccountId}:root
            Action: kms:*
            Resource: '*'
          - Sid: AnyoneDecrypt
            Effect: Allow
            Principal:
              AWS: '*'
            Action: kms:Decrypt
            Resource: '*'
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
            Condition:
              StringEquals:
                aws:SourceVpce: vpce-0abc123
`,
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
			source: `resource "aws_s3_bucket" "logs" {
  bucket = "acme-public-read-logs"
  acl    = "log-delivery-write"

  tags = {
    Note = "never public-read"
  }
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = var.bucket_acl
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "private"
}

resource "aws_s3_bucket_acl" "log_delivery" {
  bucket = aws_s3_bucket.logs.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
`,
		},
		{
			name: 'GCS grants to a group and from a variable, and allUsers on a project role',
			path: 'gcs.tf',
			source: `resource "google_storage_bucket_iam_member" "team" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "group:analysts@example.com"
}

resource "google_storage_bucket_iam_member" "from_var" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectAdmin"
  member = var.member
}

resource "google_project_iam_member" "viewer" {
  project = var.project
  role    = "roles/viewer"
  member  = "allUsers"
}
`,
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
			source: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "acmedata",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_GRS" },
      "kind": "StorageV2",
      "tags": { "publicAccess": "Container" },
      "properties": {
        "allowBlobPublicAccess": false,
        "minimumTlsVersion": "TLS1_2"
      }
    },
    {
      "type": "Microsoft.Storage/storageAccounts/blobServices/containers",
      "apiVersion": "2023-01-01",
      "name": "acmedata/default/exports",
      "properties": {
        "publicAccess": "None"
      }
    }
  ]
}
`,
		},
	],
});

fixesResolve(rule, flagged);
