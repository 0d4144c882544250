import rule from '../../../src/engine/rules/remote-code-piped-into-shell';
import { ruleTester } from '../rule-tester';

const id = 'AUP-EXE-001';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'curl piped into sudo bash and wget -qO- piped into sh in user data',
			path: 'main.tf',
			source: `resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.medium"
  user_data     = <<-EOF
    #!/bin/bash
    set -euo pipefail
    curl -fsSL https://get.docker.com | sudo bash
    wget -qO- https://raw.githubusercontent.com/acme/tools/main/setup.sh | sh -s -- --with-agent
  EOF
}
`,
			findings: [
				{ ruleId: id, line: 6, character: 4, endLine: 6, endCharacter: 49, text: 'curl -fsSL https://get.docker.com | sudo bash', message: /^This script \('user_data' of aws_instance\.app\) runs code downloaded from the network without checking it;.*Download to a file, verify its checksum or signature, then run it\.$/ },
				{ ruleId: id, line: 7, character: 4, endLine: 7, endCharacter: 77, text: 'wget -qO- https://raw.githubusercontent.com/acme/tools/main/setup.sh | sh' },
			],
		},
		{
			name: 'bash <(curl ...) and sh -c "$(curl ...)" in Kubernetes commands',
			path: 'jobs.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: bootstrap
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: setup
          image: ubuntu:24.04
          command: ["/bin/bash", "-c"]
          args:
            - |
              apt-get update && apt-get install -y curl
              bash <(curl -sL https://install.example.com/agent)
              sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"
`,
			findings: [
				{ ruleId: id, line: 15, character: 14, endLine: 15, endCharacter: 64, text: 'bash <(curl -sL https://install.example.com/agent)' },
				{ ruleId: id, line: 16, character: 14, endLine: 16, endCharacter: 109, text: 'sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"' },
			],
		},
		{
			name: 'a download piped into python3 in a Compose command',
			path: 'compose.yaml',
			source: `services:
  tools:
    image: python:3.12-slim
    command: sh -c "curl -sSL https://install.python-poetry.org | python3 - && poetry install"
`,
			findings: [{ ruleId: id, line: 3, character: 20, endLine: 3, endCharacter: 73, text: 'curl -sSL https://install.python-poetry.org | python3' }],
		},
		{
			name: 'PowerShell iex (iwr ...) and iwr | iex in CloudFormation user data',
			path: 'windows.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  BuildAgent:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0d8f6eb4f641ef691
      UserData:
        Fn::Base64: !Sub |
          <powershell>
          iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))
          iwr -useb https://get.scoop.sh | iex
          </powershell>
`,
			findings: [
				{ ruleId: id, line: 9, character: 10, endLine: 9, endCharacter: 111, text: 'iex ((New-Object System.Net.WebClient).DownloadString(\'https://community.chocolatey.org/install.ps1\')' },
				{ ruleId: id, line: 10, character: 10, endLine: 10, endCharacter: 46, text: 'iwr -useb https://get.scoop.sh | iex' },
			],
		},
	],
	clean: [
		{
			name: 'a download verified with sha256sum before it runs',
			path: 'verified.tf',
			source: `resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.medium"
  user_data     = <<-EOF
    #!/bin/bash
    set -euo pipefail
    curl -fsSLo /tmp/install.sh https://get.example.com/install-2.4.1.sh
    echo "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/install.sh" | sha256sum -c -
    sh /tmp/install.sh --version 2.4.1
  EOF
}
`,
		},
		{
			name: 'downloads piped into programs that read them as data',
			path: 'tools.yaml',
			source: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
    - name: tools
      image: ubuntu:24.04
      command: ["/bin/sh", "-c"]
      args:
        - |
          curl -fsSL https://releases.example.com/tool-1.2.tar.gz | tar xz -C /usr/local/bin
          curl -s https://api.example.com/health | python3 -m json.tool
          curl -fsSL https://packages.example.com/gpg.key | gpg --dearmor -o /usr/share/keyrings/example.gpg
          wget -O /tmp/tool.sh https://releases.example.com/tool.sh | sh
          curl -s https://api.example.com/config | bash -c 'cat > /etc/app.conf'
`,
		},
		{
			name: 'curl | sh in comments and a description',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Description: Never use curl https://get.example.com | sh in these instances
Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      UserData:
        Fn::Base64: |
          #!/bin/bash
          # curl -fsSL https://get.docker.com | sh   (replaced by the distribution package)
          dnf install -y docker
`,
		},
		{
			name: 'a script fetched by Terraform and kept in the repository',
			path: 'file.tf',
			source: `resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = file("\${path.module}/scripts/bootstrap.sh")
}
`,
		},
	],
});
