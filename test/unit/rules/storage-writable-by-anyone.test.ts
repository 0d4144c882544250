import rule from '../../../src/engine/rules/storage-writable-by-anyone';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-STO-002';

const flagged = [
	{
		name: 'a public-read-write ACL and a WRITE grant to AllUsers',
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
			{ ruleId: id, line: 11, character: 12, endLine: 11, endCharacter: 29, text: 'public-read-write', message: /^aws_s3_bucket_acl\.uploads lets anyone on the internet write to it \(ACL 'public-read-write'\), so anyone can host files/, fixed: [`resource "aws_s3_bucket" "reports" {
  bucket = "acme-quarterly-reports"
  acl    = "public-read"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-user-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "private"
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
			{ ruleId: id, line: 29, character: 16, endLine: 29, endCharacter: 63, text: 'http://acs.amazonaws.com/groups/global/AllUsers', message: /\(a WRITE grant to AllUsers\)/ },
		],
	},
	{
		name: 'AccessControl PublicReadWrite in CloudFormation',
		path: 'drop.yaml',
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
			{ ruleId: id, line: 11, character: 21, endLine: 11, endCharacter: 36, text: 'PublicReadWrite', message: /^AWS::S3::Bucket 'DropBucket' lets anyone on the internet write/, fixed: [`AWSTemplateFormatVersion: '2010-09-09'
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
      AccessControl: Private
  LogsBucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: LogDeliveryWrite
`] },
		],
	},
	{
		name: 'objectCreator for allAuthenticatedUsers on a GCS bucket',
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
			{ ruleId: id, line: 11, character: 5, endLine: 11, endCharacter: 26, text: 'allAuthenticatedUsers', message: /\('allAuthenticatedUsers' as roles\/storage\.objectCreator\)/ },
		],
	},
	{
		name: 'a heredoc bucket policy that lets anyone put objects, next to a Deny for plain HTTP',
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
			name: 'GCS admin role from a variable member',
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
			name: 'Azure containers anyone can only read',
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
		},
		{
			name: 'a read-only public bucket policy and one narrowed to a VPC endpoint',
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
		},
	],
});

fixesResolve(rule, flagged);
