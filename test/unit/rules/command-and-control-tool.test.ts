import rule from '../../../src/engine/rules/command-and-control-tool';
import { ruleTester } from '../rule-tester';

const id = 'AUP-ATK-004';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'user data that installs Sliver and starts a Cobalt Strike team server',
			path: 'main.tf',
			source: `resource "aws_instance" "relay" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.medium"

  user_data = <<-EOT
    #!/bin/bash
    curl -s https://sliver.sh/install | sudo bash
    systemctl start sliver
    cd /opt/cs && ./teamserver 0.0.0.0 "\${var.cs_password}" c2.profile
  EOT
}
`,
			findings: [
				{ ruleId: id, line: 6, character: 20, endLine: 6, endCharacter: 37, text: 'sliver.sh/install', message: /^This curl command \('user_data' of aws_instance\.relay\) downloads the command-and-control framework Sliver, which drives implants/ },
				{ ruleId: id, line: 8, character: 20, endLine: 8, endCharacter: 30, text: 'teamserver', message: /runs the command-and-control framework Cobalt Strike \(team server\)/ },
			],
		},
		{
			name: 'the Sliver image and a Havoc team server in Kubernetes',
			path: 'k8s/ops.yaml',
			source: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ops
spec:
  serviceName: ops
  selector:
    matchLabels: { app: ops }
  template:
    metadata:
      labels: { app: ops }
    spec:
      containers:
        - name: server
          image: docker.io/bishopfox/sliver:v1.5.42
        - name: havoc
          image: ubuntu:22.04
          command: ["/opt/havoc/havoc", "server", "--profile", "/opt/havoc/profiles/havoc.yaotl"]
`,
			findings: [
				{ ruleId: id, line: 14, character: 27, endLine: 14, endCharacter: 43, text: 'bishopfox/sliver', message: /^Container image \('image' of StatefulSet 'ops'\) is the command-and-control framework Sliver/ },
				{ ruleId: id, line: 17, character: 32, endLine: 17, endCharacter: 37, text: 'havoc', message: /framework Havoc,/ },
			],
		},
		{
			name: 'Empire in Compose',
			path: 'docker-compose.yml',
			source: `services:
  empire:
    image: bcsecurity/empire:v5
    command: ["./ps-empire", "server"]
    ports: ["1337:1337", "5000:5000"]
`,
			findings: [
				{ ruleId: id, line: 2, character: 11, endLine: 2, endCharacter: 28, text: 'bcsecurity/empire', message: /framework Empire,/ },
				{ ruleId: id, line: 3, character: 17, endLine: 3, endCharacter: 26, text: 'ps-empire' },
			],
		},
		{
			name: 'Covenant cloned by CloudFormation user data',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Listener:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      InstanceType: t3.medium
      UserData:
        Fn::Base64: |
          #!/bin/bash
          git clone --recurse-submodules https://github.com/cobbr/Covenant /opt/Covenant
`,
			findings: [{ ruleId: id, line: 10, character: 49, endLine: 10, endCharacter: 74, text: 'github.com/cobbr/Covenant', message: /^This git command .* downloads the command-and-control framework Covenant/ }],
		},
	],
	clean: [
		{
			name: 'names that are ordinary words: an empire API, a merlin service, a havoc game, a teamserver image',
			path: 'docker-compose.yml',
			source: `services:
  api:
    image: acme/empire-api:2.1
    command: ["node", "server.js"]
  merlin:
    image: acme/merlin:0.9
    command: merlin --port 8080
  game:
    image: acme/havoc-game:1.0
    command: ["havoc", "--headless", "--level", "3"]
  collab:
    image: acme/teamserver:4
    command: ["teamserver"]
    labels:
      note: "not Cobalt Strike, not Sliver"
`,
		},
		{
			name: 'a Terraform fleet managed through SSM, with C2 named only in a description',
			path: 'fleet.tf',
			source: `resource "aws_ssm_document" "patch" {
  name          = "patch-fleet"
  document_type = "Command"
  content       = jsonencode({ description = "Replaces the old Mythic-style agent with SSM Run Command" })
}

resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    snap install amazon-ssm-agent --classic
    systemctl start snap.amazon-ssm-agent.amazon-ssm-agent.service
  EOT
}
`,
		},
	],
});
