import rule from '../../../src/engine/rules/private-key-in-configuration';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CRD-002';

// Fake key material, assembled from parts so that secret scanners do not stop this file.
const BEGIN = (label: string): string => ['-----BEGIN ', label, '-----'].join('');
const END = (label: string): string => ['-----END ', label, '-----'].join('');
const BODY = [
	'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
	'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
	'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
];
const RSA_KEY = [BEGIN('RSA PRIVATE KEY'), ...BODY, END('RSA PRIVATE KEY')];
const OPENSSH_KEY = [BEGIN('OPENSSH PRIVATE KEY'), 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 'QyNTUxOQAAACBvN0p8Z1x3lWq6fN3dJ2n2YH5PqKcG1xv8X0m4a6hVZgAAAJgJ3L0o', END('OPENSSH PRIVATE KEY')];

const flagged = [
	{
		name: 'an RSA key in a Terraform heredoc',
		path: 'tls.tf',
		source: `resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy-cert"
  certificate_body = file("certs/legacy.pem")
  private_key      = <<-EOT
    ${RSA_KEY.join('\n    ')}
  EOT
}
`,
		findings: [{
			ruleId: id, line: 4, character: 4, endLine: 8, endCharacter: 33,
			text: RSA_KEY.join('\n    '),
			message: /^RSA private key written in 'private_key' of aws_iam_server_certificate\.legacy\. Anyone who can read this file holds it \(AUP sections 3 and 4\): replace the key pair/, fixed: [`resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy-cert"
  certificate_body = file("certs/legacy.pem")
  private_key      = var.legacy_private_key
}

variable "legacy_private_key" {
  type      = string
  sensitive = true
}
`]
		}],
	},
	{
		name: 'an OpenSSH key in a Kubernetes Secret and a PKCS#8 key in a ConfigMap',
		path: 'secrets.yaml',
		source: `apiVersion: v1
kind: Secret
metadata:
  name: deploy-key
type: Opaque
stringData:
  id_ed25519: |
    ${OPENSSH_KEY.join('\n    ')}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: tls
data:
  tls.key: "${BEGIN('PRIVATE KEY')}\\n${BODY[0]}\\n${END('PRIVATE KEY')}\\n"
`,
		findings: [
			{ ruleId: id, line: 7, character: 4, endLine: 10, endCharacter: 37, text: OPENSSH_KEY.join('\n    '), message: /^OpenSSH private key written in 'id_ed25519' of Secret 'deploy-key'/ },
			{ ruleId: id, line: 17, character: 12, endLine: 17, endCharacter: 132, text: `${BEGIN('PRIVATE KEY')}\\n${BODY[0]}\\n${END('PRIVATE KEY')}`, message: /^Private key written in 'tls\.key' of ConfigMap 'tls'/ },
		],
	},
	{
		name: 'an EC key without its END line in a Compose environment',
		path: 'docker-compose.yml',
		source: `services:
  signer:
    image: acme/signer:1.0
    environment:
      SIGNING_KEY: "${BEGIN('EC PRIVATE KEY')}\\n${BODY[1]}"
`,
		findings: [{ ruleId: id, line: 4, character: 20, endLine: 4, endCharacter: 50, text: BEGIN('EC PRIVATE KEY'), message: /^EC private key written in 'SIGNING_KEY' of service 'signer'/, fixed: [`services:
  signer:
    image: acme/signer:1.0
    environment:
      SIGNING_KEY: "\${SIGNING_KEY}"
`] }],
	},
	{
		name: 'an encrypted key in CloudFormation',
		path: 'stack.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  VpnKey:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: vpn/key
      SecretString: |
        ${[BEGIN('ENCRYPTED PRIVATE KEY'), ...BODY, END('ENCRYPTED PRIVATE KEY')].join('\n        ')}
`,
		findings: [{ ruleId: id, line: 7, character: 8, endLine: 11, endCharacter: 43, text: [BEGIN('ENCRYPTED PRIVATE KEY'), ...BODY, END('ENCRYPTED PRIVATE KEY')].join('\n        '), fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  VpnKey:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: vpn/key
      SecretString: '{{resolve:secretsmanager:\${1:vpn-key-credentials}:SecretString:secret_string\\}\\}'
`] }],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'a public key and a certificate',
			path: 'keys.tf',
			source: `resource "aws_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG83SnxnXHeVarp83d0nafZgfk+opwbXG/xfSbhrqFVm deployer@acme"
}

resource "aws_iam_server_certificate" "site" {
  name             = "site"
  certificate_body = <<-EOT
    ${BEGIN('CERTIFICATE')}
    ${BODY.join('\n    ')}
    ${END('CERTIFICATE')}
  EOT
  private_key = file("\${path.module}/site.key")
}
`,
		},
		{
			name: 'key markers around a template, and in a description',
			path: 'template.tf',
			source: `variable "tls_key" {
  type        = string
  sensitive   = true
  description = "PEM text starting with ${BEGIN('RSA PRIVATE KEY')}, read from the vault"
}

resource "kubernetes_secret" "tls" {
  metadata {
    name = "tls"
  }
  data = {
    "tls.key" = <<-EOT
      ${BEGIN('RSA PRIVATE KEY')}
      \${var.tls_key_body}
      ${END('RSA PRIVATE KEY')}
    EOT
  }
}
`,
		},
		{
			name: 'a GCP key file, which AUP-CRD-001 reports as a service-account key',
			path: 'gcp.tf',
			source: `provider "google" {
  credentials = <<-EOT
    {"type": "service_account", "private_key": "${BEGIN('PRIVATE KEY')}\\n${BODY[0]}\\n${END('PRIVATE KEY')}\\n"}
  EOT
}
`,
		},
		{
			name: 'a key kept in a secret manager and referenced',
			path: 'ref.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sftp:
    Type: AWS::Transfer::Server
    Properties:
      HostKey: '{{resolve:secretsmanager:sftp/host-key:SecretString:key}}'
`,
		},
	],
});

fixesResolve(rule, flagged);
