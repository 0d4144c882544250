import rule from '../../../src/engine/rules/hard-coded-cloud-credential';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CRD-001';

// Fake credentials, assembled from parts so that secret scanners do not stop this file.
const ACCESS_KEY_ID = ['AKIA', 'QYLPMN5HHHFPZAM2'].join('');
const SECRET_ACCESS_KEY = ['YvMIHa+2o76umfXfKm+r', '5kJP1VrT/1FJors+6ILi'].join('');
const OTHER_SECRET_KEY = ['8IHn5kxsC7tVO+HbkQfy', 'y+KV5zjR3j1twdTKWTdd'].join('');
const AZURE_ACCOUNT_KEY = ['Os8PFvTT1V80b08eA3Oq0gVutnTCirFcC5VYcjE31gz3', 'GFYBpLIbf0y0qyARlujRJ43J9HduDWwrLM+kGTgEmg=='].join('');
const GITHUB_TOKEN = ['ghp', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D'].join('');
const SLACK_TOKEN = ['xoxb', '-2048123456-4096123456789-klZDOCj2ISaJiHkTj0rLGlko'].join('');
const STRIPE_KEY = ['sk', '_live_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83'].join('');
const GCP_PRIVATE_KEY = ['-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', '\\nMZIFRr3Vxk0hF1oq4Az5VvL1ASCaHnA8rZ6ON0yo8yMhP0qVw3Vq8Ft1Jt2N0tQ\\n-----END PRIVATE KEY-----\\n'].join('');

const flagged = [
	{
		name: 'the secret of a key pair whose access key id already comes from a variable',
		path: 'providers.tf',
		source: `provider "aws" {
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = "${SECRET_ACCESS_KEY}"
}
`,
		findings: [
			{ ruleId: id, line: 3, character: 16, endLine: 3, endCharacter: 56, text: SECRET_ACCESS_KEY, message: /^AWS secret access key hard-coded in 'secret_key' in this file\./, fixed: [`provider "aws" {
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}
`] },
		],
	},
	{
		name: 'an AWS key pair in the Terraform provider block',
		path: 'providers.tf',
		source: `provider "aws" {
  region     = "eu-west-1"
  access_key = "${ACCESS_KEY_ID}"
  secret_key = "${SECRET_ACCESS_KEY}"
}
`,
		findings: [
			{ ruleId: id, line: 2, character: 16, endLine: 2, endCharacter: 36, text: ACCESS_KEY_ID, message: /^AWS access key id hard-coded in 'access_key' in this file\. Anyone who can read this file can use it \(AUP sections 3 and 4\): rotate it now/, fixed: [`provider "aws" {
  region     = "eu-west-1"
  access_key = var.aws_access_key
  secret_key = "YvMIHa+2o76umfXfKm+r5kJP1VrT/1FJors+6ILi"
}

variable "aws_access_key" {
  type      = string
  sensitive = true
}
`] },
			{ ruleId: id, line: 3, character: 16, endLine: 3, endCharacter: 56, text: SECRET_ACCESS_KEY, message: /^AWS secret access key hard-coded in 'secret_key' in this file\./, fixed: [`provider "aws" {
  region     = "eu-west-1"
  access_key = "${ACCESS_KEY_ID}"
  secret_key = var.aws_secret_key
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}
`] },
		],
	},
	{
		name: 'AWS keys in a Kubernetes env list',
		path: 'deploy.yaml',
		source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploader
spec:
  selector:
    matchLabels: { app: uploader }
  template:
    metadata:
      labels: { app: uploader }
    spec:
      containers:
        - name: uploader
          image: acme/uploader:1.8
          env:
            - name: AWS_ACCESS_KEY_ID
              value: ${ACCESS_KEY_ID}
            - name: AWS_SECRET_ACCESS_KEY
              value: "${OTHER_SECRET_KEY}"
`,
		findings: [
			{ ruleId: id, line: 16, character: 21, endLine: 16, endCharacter: 41, text: ACCESS_KEY_ID, message: /^AWS access key id hard-coded in 'AWS_ACCESS_KEY_ID' of Deployment 'uploader'/, fixed: [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploader
spec:
  selector:
    matchLabels: { app: uploader }
  template:
    metadata:
      labels: { app: uploader }
    spec:
      containers:
        - name: uploader
          image: acme/uploader:1.8
          env:
            - name: AWS_ACCESS_KEY_ID
              valueFrom:
                secretKeyRef:
                  name: \${1:uploader-secrets}
                  key: aws-access-key-id
            - name: AWS_SECRET_ACCESS_KEY
              value: "8IHn5kxsC7tVO+HbkQfyy+KV5zjR3j1twdTKWTdd"
`] },
			{ ruleId: id, line: 18, character: 22, endLine: 18, endCharacter: 62, text: OTHER_SECRET_KEY, message: /^AWS secret access key hard-coded in 'AWS_SECRET_ACCESS_KEY' of Deployment 'uploader'/, fixed: [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploader
spec:
  selector:
    matchLabels: { app: uploader }
  template:
    metadata:
      labels: { app: uploader }
    spec:
      containers:
        - name: uploader
          image: acme/uploader:1.8
          env:
            - name: AWS_ACCESS_KEY_ID
              value: ${ACCESS_KEY_ID}
            - name: AWS_SECRET_ACCESS_KEY
              valueFrom:
                secretKeyRef:
                  name: \${1:uploader-secrets}
                  key: aws-secret-access-key
`] },
		],
	},
	{
		name: 'an Azure connection string and a GitHub token in a Compose environment list',
		path: 'docker-compose.yml',
		source: `services:
  exporter:
    image: acme/exporter:2.0
    environment:
      - LOG_LEVEL=info
      - AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${AZURE_ACCOUNT_KEY};EndpointSuffix=core.windows.net
      - GITHUB_TOKEN=${GITHUB_TOKEN}
`,
		findings: [
			{ ruleId: id, line: 5, character: 103, endLine: 5, endCharacter: 191, text: AZURE_ACCOUNT_KEY, message: /^Azure storage account key hard-coded in 'AZURE_STORAGE_CONNECTION_STRING' of service 'exporter'/, fixed: [`services:
  exporter:
    image: acme/exporter:2.0
    environment:
      - LOG_LEVEL=info
      - AZURE_STORAGE_CONNECTION_STRING=\${AZURE_STORAGE_CONNECTION_STRING}
      - GITHUB_TOKEN=ghp_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D
`] },
			{ ruleId: id, line: 6, character: 21, endLine: 6, endCharacter: 61, text: GITHUB_TOKEN, message: /^GitHub token hard-coded/, fixed: [`services:
  exporter:
    image: acme/exporter:2.0
    environment:
      - LOG_LEVEL=info
      - AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=Os8PFvTT1V80b08eA3Oq0gVutnTCirFcC5VYcjE31gz3GFYBpLIbf0y0qyARlujRJ43J9HduDWwrLM+kGTgEmg==;EndpointSuffix=core.windows.net
      - GITHUB_TOKEN=\${GITHUB_TOKEN}
`] },
		],
	},
	{
		name: 'a GCP service-account key file pasted into the Google provider',
		path: 'gcp.tf',
		source: `provider "google" {
  project     = "acme-prod"
  credentials = <<-EOT
    {
      "type": "service_account",
      "project_id": "acme-prod",
      "private_key_id": "4f1c0d5e8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
      "private_key": "${GCP_PRIVATE_KEY}",
      "client_email": "deployer@acme-prod.iam.gserviceaccount.com"
    }
  EOT
}
`,
		findings: [{ ruleId: id, line: 7, character: 22, endLine: 7, endCharacter: 209, text: GCP_PRIVATE_KEY, message: /^GCP service-account private key hard-coded in 'credentials' in this file/, fixed: [`provider "google" {
  project     = "acme-prod"
  credentials = <<-EOT
    {
      "type": "service_account",
      "project_id": "acme-prod",
      "private_key_id": "4f1c0d5e8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
      "private_key": "\${var.google_credentials}",
      "client_email": "deployer@acme-prod.iam.gserviceaccount.com"
    }
  EOT
}

variable "google_credentials" {
  type      = string
  sensitive = true
}
`] }],
	},
	{
		name: 'Slack and Stripe live tokens in a CloudFormation Lambda environment',
		path: 'notify.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Notifier:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt NotifierRole.Arn
      Code: { S3Bucket: acme-artifacts, S3Key: notifier.zip }
      Environment:
        Variables:
          SLACK_BOT_TOKEN: ${SLACK_TOKEN}
          STRIPE_API_KEY: '${STRIPE_KEY}'
`,
		findings: [
			{ ruleId: id, line: 11, character: 27, endLine: 11, endCharacter: 81, text: SLACK_TOKEN, message: /^Slack token hard-coded in 'SLACK_BOT_TOKEN' of AWS::Lambda::Function 'Notifier'/, fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Notifier:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt NotifierRole.Arn
      Code: { S3Bucket: acme-artifacts, S3Key: notifier.zip }
      Environment:
        Variables:
          SLACK_BOT_TOKEN: '{{resolve:secretsmanager:\${1:notifier-credentials}:SecretString:slack_bot_token\\}\\}'
          STRIPE_API_KEY: 'sk_live_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83'
`] },
			{ ruleId: id, line: 12, character: 27, endLine: 12, endCharacter: 67, text: STRIPE_KEY, message: /^Stripe live secret key hard-coded/, fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Notifier:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt NotifierRole.Arn
      Code: { S3Bucket: acme-artifacts, S3Key: notifier.zip }
      Environment:
        Variables:
          SLACK_BOT_TOKEN: xoxb-2048123456-4096123456789-klZDOCj2ISaJiHkTj0rLGlko
          STRIPE_API_KEY: '{{resolve:secretsmanager:\${1:notifier-credentials}:SecretString:stripe_api_key\\}\\}'
`] },
		],
	},
	{
		name: 'a secret key written to a credentials file by CloudFormation user data',
		path: 'agents.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Agent:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0fc5d935ebf8bc3bc
      UserData:
        Fn::Base64: |
          #!/bin/bash
          mkdir -p /root/.aws
          echo "aws_secret_access_key = ${SECRET_ACCESS_KEY}" >> /root/.aws/credentials
`,
		findings: [{ ruleId: id, line: 10, character: 40, endLine: 10, endCharacter: 80, text: SECRET_ACCESS_KEY, message: /^AWS secret access key hard-coded in 'UserData' of AWS::EC2::Instance 'Agent'\./ }],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: "AWS's documented example keys",
			path: 'example.tf',
			source: `provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
`,
		},
		{
			name: 'keys taken from variables, a secret manager and Kubernetes Secrets',
			path: 'deploy.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploader
spec:
  selector:
    matchLabels: { app: uploader }
  template:
    metadata:
      labels: { app: uploader }
    spec:
      serviceAccountName: uploader
      containers:
        - name: uploader
          image: acme/uploader:1.8
          env:
            - name: AWS_ACCESS_KEY_ID
              valueFrom:
                secretKeyRef: { name: uploader-aws, key: access-key-id }
            - name: AWS_SECRET_ACCESS_KEY
              valueFrom:
                secretKeyRef: { name: uploader-aws, key: secret-access-key }
            - name: GITHUB_TOKEN
              value: $(GITHUB_TOKEN_FROM_VAULT)
`,
		},
		{
			name: 'Terraform variables and a CloudFormation dynamic reference',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Notifier:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt NotifierRole.Arn
      Code: { S3Bucket: acme-artifacts, S3Key: notifier.zip }
      Environment:
        Variables:
          SLACK_BOT_TOKEN: '{{resolve:secretsmanager:prod/slack:SecretString:token}}'
          STRIPE_API_KEY: !Ref StripeKeyParameter
`,
		},
		{
			name: 'hashes, test keys and key names in comments that are not credentials',
			path: 'ci.tf',
			source: `# Rotated: the old key AKIAQYLPMN5HHHFPZAM2 was revoked on 2026-01-10.
resource "aws_ssm_parameter" "build" {
  name  = "/ci/build"
  type  = "String"
  value = "sha1:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"
  tags = {
    commit_secret_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"
    stripe_mode        = "sk_test_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83"
    token_prefix       = "ghp_"
  }
}
`,
		},
	],
});

fixesResolve(rule, flagged);
