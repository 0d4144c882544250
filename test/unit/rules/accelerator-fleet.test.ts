import * as assert from 'node:assert/strict';
import rule from '../../../src/engine/rules/accelerator-fleet';
import { BUILTIN_RULES } from '../../../src/engine/rules/index';
import { costNote, roughly } from '../../../src/engine/rules/shared/accelerator-prices';
import { isAcceleratedType } from '../../../src/engine/rules/shared/accelerators';
import { scanText } from '../helpers/engine';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CST-002';
const advice = 'Confirm the budget and a billing alarm cover it, and stop or scale down the machines when idle (AUP section 4: manage costs responsibly).';

const aws = `resource "aws_instance" "trainer" {
  count         = 6
  ami           = data.aws_ami.deep_learning.id
  instance_type = "g5.xlarge"
}

resource "aws_launch_template" "gpu" {
  name_prefix   = "gpu-"
  instance_type = "p4d.24xlarge"
}

resource "aws_autoscaling_group" "training" {
  min_size         = 0
  max_size         = 10
  desired_capacity = 0
  launch_template {
    id      = aws_launch_template.gpu.id
    version = "$Latest"
  }
}

resource "aws_eks_node_group" "inference" {
  cluster_name   = aws_eks_cluster.main.name
  instance_types = ["g4dn.xlarge", "g5.xlarge"]
  scaling_config {
    desired_size = 2
    min_size     = 1
    max_size     = 8
  }
}
`;

const kubernetes = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: inference
spec:
  replicas: 8
  selector:
    matchLabels:
      app: inference
  template:
    metadata:
      labels:
        app: inference
    spec:
      containers:
        - name: server
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 2
---
apiVersion: batch/v1
kind: Job
metadata:
  name: finetune
spec:
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: registry.example.com/ml/finetune:1.4
          resources:
            requests:
              nvidia.com/gpu: "4"
            limits:
              nvidia.com/gpu: "4"
`;

ruleTester.run(rule, {
	flagged: [
		{
			name: 'counted GPU instances, a group whose launch template is a p4d, and an EKS node group',
			path: 'training.tf',
			source: aws,
			findings: [
				{
					ruleId: id, line: 1, character: 18, endLine: 1, endCharacter: 19, text: '6',
					message: `aws_instance.trainer can run up to 6 accelerated machines (count; g5.xlarge), above the limit of 4 (option maxAcceleratorInstances). g5.xlarge is about $1.01 an hour on demand in us-east-1, so about $4,400 a month at this size if left running; check your provider's current pricing. ${advice}`,
				},
				{
					ruleId: id, line: 13, character: 21, endLine: 13, endCharacter: 23, text: '10',
					message: `aws_autoscaling_group.training can run up to 10 accelerated machines (max_size; p4d.24xlarge), above the limit of 4 (option maxAcceleratorInstances). p4d.24xlarge costs tens of dollars an hour per instance on demand (AWS changed these prices in 2025), well over ten thousand dollars a month each if left running; check your provider's current pricing. ${advice}`,
				},
				{
					ruleId: id, line: 27, character: 19, endLine: 27, endCharacter: 20, text: '8',
					message: /^aws_eks_node_group\.inference can run up to 8 accelerated machines \(scaling_config\.max_size; g4dn\.xlarge, g5\.xlarge\), above the limit of 4 \(option maxAcceleratorInstances\)\. Accelerator machines are among the most expensive to run; check your provider's current pricing\. Confirm/,
				},
			],
		},
		{
			name: 'GCP instances with guest accelerators, a GKE pool of A2 machines and an Azure NC scale set',
			path: 'gpu.tf',
			source: `resource "google_compute_instance" "trainer" {
  count        = 5
  name         = "trainer-\${count.index}"
  machine_type = "n1-standard-8"
  zone         = "us-central1-a"

  guest_accelerator {
    type  = "nvidia-tesla-t4"
    count = 2
  }
}

resource "google_container_node_pool" "gpu" {
  name    = "gpu"
  cluster = google_container_cluster.main.id

  autoscaling {
    min_node_count = 0
    max_node_count = 12
  }

  node_config {
    machine_type = "a2-highgpu-1g"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "render" {
  name                = "render"
  resource_group_name = azurerm_resource_group.main.name
  location            = "westeurope"
  sku                 = "Standard_NC6s_v3"
  instances           = 6
  admin_username      = "azureuser"
}
`,
			findings: [
				{ ruleId: id, line: 1, character: 17, endLine: 1, endCharacter: 18, text: '5', message: /^google_compute_instance\.trainer can run up to 5 accelerated machines \(count; n1-standard-8 with 2 × nvidia-tesla-t4\)/ },
				{ ruleId: id, line: 18, character: 21, endLine: 18, endCharacter: 23, text: '12', message: /^google_container_node_pool\.gpu can run up to 12 accelerated machines \(autoscaling\.max_node_count; a2-highgpu-1g\).*check your provider's current pricing for a2-highgpu-1g\./ },
				{ ruleId: id, line: 31, character: 24, endLine: 31, endCharacter: 25, text: '6', message: /^azurerm_linux_virtual_machine_scale_set\.render can run up to 6 accelerated machines \(instances; Standard_NC6s_v3\)/ },
			],
		},
		{
			name: 'a CloudFormation group whose launch template is a g5, with a quoted MaxSize',
			path: 'training.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  GpuTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: g5.xlarge
        ImageId: !Ref DeepLearningAmi
  TrainingGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '0'
      MaxSize: '20'
      LaunchTemplate:
        LaunchTemplateId: !Ref GpuTemplate
        Version: !GetAtt GpuTemplate.LatestVersionNumber
      VPCZoneIdentifier: !Ref Subnets
`,
			findings: [{
				ruleId: id, line: 12, character: 15, endLine: 12, endCharacter: 19, text: "'20'",
				message: /^AWS::AutoScaling::AutoScalingGroup 'TrainingGroup' can run up to 20 accelerated machines \(MaxSize; g5\.xlarge\), above the limit of 4 .* so about \$15,000 a month at this size if left running; check your provider's current pricing\./,
			}],
		},
		{
			name: 'a Deployment of 8 pods with 2 GPUs each and a Job of 3 parallel pods with 4',
			path: 'ml.yaml',
			source: kubernetes,
			findings: [
				{
					ruleId: id, line: 19, character: 30, endLine: 19, endCharacter: 31, text: '2',
					message: `Deployment 'inference' holds 16 GPUs at once (2 nvidia.com/gpu per pod × 8 replicas), above the limit of 8 (option maxGpus). Accelerator machines are among the most expensive to run; check your provider's current pricing. ${advice}`,
				},
				{ ruleId: id, line: 37, character: 30, endLine: 37, endCharacter: 33, text: '"4"', message: /^Job 'finetune' holds 12 GPUs at once \(4 nvidia\.com\/gpu per pod × 3 pods in parallel\)/ },
			],
		},
		{
			name: 'counted p3 instances in Terraform JSON',
			path: 'training.tf.json',
			source: `{
  "resource": {
    "aws_instance": {
      "trainer": {
        "count": 5,
        "ami": "\${data.aws_ami.deep_learning.id}",
        "instance_type": "p3.2xlarge"
      }
    }
  }
}
`,
			findings: [{ ruleId: id, line: 4, character: 17, endLine: 4, endCharacter: 18, text: '5', message: /p3\.2xlarge is about \$3\.06 an hour on demand in us-east-1, so about \$11,000 a month at this size if left running; check your provider's current pricing\./ }],
		},
	],
	clean: [
		{
			name: 'one GPU training instance, a fleet at the limit, many general-purpose machines, and a GPU type in a tag',
			path: 'training.tf',
			source: `resource "aws_instance" "notebook" {
  ami           = data.aws_ami.deep_learning.id
  instance_type = "p3.2xlarge"
}

resource "aws_instance" "trainer" {
  count         = 4
  instance_type = "g5.xlarge"
}

resource "aws_instance" "web" {
  count         = 40
  instance_type = "m5.large"
  tags = {
    Note = "moved off p4d.24xlarge"
  }
}

resource "aws_instance" "batch" {
  count         = 12
  instance_type = var.batch_instance_type
}
`,
		},
		{
			name: 'a group whose launch template is general-purpose, from a variable, or in another file',
			path: 'groups.tf',
			source: `resource "aws_launch_template" "web" {
  instance_type = "c6i.large"
}

resource "aws_launch_template" "gpu" {
  instance_type = var.gpu_type
}

resource "aws_autoscaling_group" "web" {
  max_size = 30
  launch_template {
    id = aws_launch_template.web.id
  }
}

resource "aws_autoscaling_group" "gpu" {
  max_size = 30
  launch_template {
    id = aws_launch_template.gpu.id
  }
}

resource "aws_autoscaling_group" "elsewhere" {
  max_size = 30
  launch_template {
    id = data.aws_launch_template.shared_gpu.id
  }
}
`,
		},
		{
			name: 'a small GKE GPU pool, a GCP instance with no accelerator, and Azure general-purpose VMs',
			path: 'gcp.tf',
			source: `resource "google_container_node_pool" "gpu" {
  name       = "gpu"
  node_count = 2
  node_config {
    machine_type = "n1-standard-8"
    guest_accelerator {
      type  = "nvidia-tesla-t4"
      count = 1
    }
  }
}

resource "google_compute_instance" "web" {
  count        = 10
  machine_type = "e2-standard-4"
  guest_accelerator {
    type  = "nvidia-tesla-t4"
    count = 0
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "web" {
  sku       = "Standard_D4s_v5"
  instances = 20
}
`,
		},
		{
			name: 'one CloudFormation GPU instance and a group of general-purpose machines',
			path: 'stack.yaml',
			source: `Resources:
  Notebook:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: p3.8xlarge
      ImageId: !Ref DeepLearningAmi
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.medium
  WebGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '40'
      LaunchTemplate:
        LaunchTemplateId: !Ref WebTemplate
        Version: !GetAtt WebTemplate.LatestVersionNumber
`,
		},
		{
			name: 'a legitimate training Job on 4 GPUs, a DaemonSet on every GPU node, and GPU words in an env var',
			path: 'ml.yaml',
			source: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: train
          image: registry.example.com/ml/train:2.1
          env:
            - name: NOTE
              value: "nvidia.com/gpu: 64"
          resources:
            limits:
              nvidia.com/gpu: 4
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: dcgm-exporter
spec:
  template:
    spec:
      containers:
        - name: exporter
          image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.0-ubuntu22.04
          resources:
            limits:
              nvidia.com/gpu: 1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 100
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0
          resources:
            limits:
              cpu: "2"
`,
		},
	],
});

describe(`${id} thresholds from options`, () => {
	const others = Object.fromEntries(BUILTIN_RULES.filter(other => other !== rule).map(other => [other.id, 'off' as const]));
	const scan = (path: string, text: string, options: Record<string, unknown>) =>
		scanText(path, text, { ruleSeverities: others, ruleOptions: { [id]: options } });

	it('reports nothing once maxAcceleratorInstances covers the fleets', async () => {
		assert.deepEqual((await scan('training.tf', aws, { maxAcceleratorInstances: 10 })).findings, []);
	});

	it('reads a lower limit, also written as a string, and multiplies the price out for it', async () => {
		const result = await scan('training.tf', aws, { maxAcceleratorInstances: '8' });
		assert.deepEqual(result.findings.map(finding => finding.message.match(/up to (\d+)/)?.[1]), ['10']);
		assert.match(result.findings[0].message, /above the limit of 8 /);
	});

	it('reads maxGpus for Kubernetes workloads, apart from the machine limit', async () => {
		assert.deepEqual((await scan('ml.yaml', kubernetes, { maxGpus: 12 })).findings.map(finding => finding.range.start.line), [19]);
		assert.equal((await scan('ml.yaml', kubernetes, { maxGpus: 16, maxAcceleratorInstances: 1 })).findings.length, 0);
	});

	it('falls back to the defaults for values that are not positive whole numbers', async () => {
		for (const bad of [0, -1, 1.5, 'many', null, {}]) {
			const result = await scan('ml.yaml', kubernetes, { maxGpus: bad });
			assert.equal(result.findings.length, 2, `maxGpus: ${JSON.stringify(bad)}`);
			assert.match(result.findings[0].message, /above the limit of 8 /);
		}
	});
});

describe(`${id} accelerated types and prices`, () => {
	it('knows accelerator families and nothing that merely starts alike', () => {
		for (const type of ['p3.2xlarge', 'p4d.24xlarge', 'p5.48xlarge', 'g4dn.xlarge', 'g6e.12xlarge', 'trn1.32xlarge', 'inf2.xlarge', 'dl1.24xlarge', 'a3-highgpu-8g', 'g2-standard-4', 'Standard_NC24ads_A100_v4', 'standard_nd96asr_v4', 'Standard_NV36ads_A10_v5']) {
			assert.ok(isAcceleratedType(type), type);
		}
		for (const type of ['m5.large', 'c6g.xlarge', 'g4.xlarge', 'gp3', 'n2-standard-8', 'e2-medium', 'a2', 'Standard_D4s_v5', 'Standard_NP10s', 'p3']) {
			assert.ok(!isAcceleratedType(type), type);
		}
	});

	it('rounds monthly totals to two significant figures', () => {
		assert.deepEqual([roughly(4406.28), roughly(11169), roughly(146876), roughly(7.4), roughly(0)], ['4,400', '11,000', '150,000', '7', '0']);
	});

	it('gives a number only for the types it knows, and always says to check current pricing', () => {
		assert.match(costNote('g4dn.xlarge', 10), /about \$0\.53 an hour .* about \$3,800 a month/);
		assert.doesNotMatch(costNote('p5.48xlarge', 10), /\$\d/);
		assert.doesNotMatch(costNote('g6.xlarge', 10), /\$\d/);
		for (const type of ['g5.xlarge', 'p5.48xlarge', 'g6.xlarge', undefined]) {
			assert.match(costNote(type, 5), /check your provider's current pricing/);
		}
	});
});
