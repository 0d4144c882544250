import rule from '../../../src/engine/rules/host-path-mounted';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CTR-003';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'the Docker socket in a DaemonSet and the host root in a CronJob',
			path: 'k8s/agents.yaml',
			source: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: ops
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      hostNetwork: true
      hostPID: true
      initContainers:
        - name: sysctl
          image: busybox:1.36
          command: ["sysctl", "-w", "vm.max_map_count=262144"]
          securityContext:
            privileged: true
      containers:
        - name: agent
          image: ghcr.io/acme/log-agent:2.4.1
          securityContext:
            capabilities:
              add: ["NET_ADMIN", "SYS_ADMIN"]
          volumeMounts:
            - name: docker
              mountPath: /var/run/docker.sock
            - name: varlog
              mountPath: /var/log
              readOnly: true
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
        - name: varlog
          hostPath:
            path: /var/log
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: node-cleanup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          hostIPC: true
          containers:
            - name: cleanup
              image: alpine:3.20
              securityContext:
                privileged: true
              volumeMounts:
                - name: host
                  mountPath: /host
          volumes:
            - name: host
              hostPath:
                path: /
`,
			findings: [
				{ ruleId: id, line: 37, character: 18, endLine: 37, endCharacter: 38, text: '/var/run/docker.sock', message: /^DaemonSet 'log-agent' mounts host path '\/var\/run\/docker\.sock', which gives its containers/ },
				{ ruleId: id, line: 65, character: 22, endLine: 65, endCharacter: 23, text: '/', message: /^CronJob 'node-cleanup' mounts host path '\/'/ },
			],
		},
		{
			name: 'Compose bind mounts of the socket (short syntax) and the root (long syntax)',
			path: 'docker-compose.yml',
			source: `services:
  ci-runner:
    image: gitlab/gitlab-runner:v17.5.0
    privileged: true
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - ./config:/etc/gitlab-runner
  netdebug:
    image: nicolaka/netshoot:v0.13
    network_mode: host
    pid: host
    cap_add:
      - SYS_ADMIN
    volumes:
      - type: bind
        source: /
        target: /host
        read_only: true
`,
			findings: [
				{ ruleId: id, line: 5, character: 8, endLine: 5, endCharacter: 28, text: '/var/run/docker.sock', message: /^service 'ci-runner' mounts host path/ },
				{ ruleId: id, line: 15, character: 16, endLine: 15, endCharacter: 17, text: '/', message: /^service 'netdebug' mounts host path '\/'/ },
			],
		},
		{
			name: 'Terraform: Docker\'s state directory and an ECS host volume for the socket',
			path: 'build.tf',
			source: `resource "kubernetes_deployment_v1" "builder" {
  metadata {
    name = "builder"
  }
  spec {
    replicas = 1
    selector {
      match_labels = {
        app = "builder"
      }
    }
    template {
      metadata {
        labels = {
          app = "builder"
        }
      }
      spec {
        host_network = true
        container {
          name  = "dind"
          image = "docker:27-dind"
          security_context {
            privileged = true
          }
        }
        volume {
          name = "docker-state"
          host_path {
            path = "/var/lib/docker"
          }
        }
      }
    }
  }
}

resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([
    {
      name       = "agent"
      image      = "public.ecr.aws/acme/agent:1.2.0"
      essential  = true
      privileged = true
    }
  ])

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }
}

resource "aws_ecs_task_definition" "legacy" {
  family                = "legacy"
  container_definitions = <<JSON
[
  {
    "name": "legacy",
    "image": "acme/legacy:3.1",
    "privileged": true,
    "linuxParameters": { "capabilities": { "add": ["SYS_ADMIN"] } }
  }
]
JSON
}
`,
			findings: [
				{ ruleId: id, line: 29, character: 20, endLine: 29, endCharacter: 35, text: '/var/lib/docker', message: /kubernetes_deployment_v1\.builder mounts host path '\/var\/lib\/docker'/ },
				{ ruleId: id, line: 50, character: 17, endLine: 50, endCharacter: 37, text: '/var/run/docker.sock', message: /aws_ecs_task_definition\.agent mounts/ },
			],
		},
		{
			name: 'an ECS host volume of the root in CloudFormation',
			path: 'ecs.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AgentTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: agent
      ContainerDefinitions:
        - Name: agent
          Image: public.ecr.aws/acme/agent:1.2.0
          Privileged: true
          LinuxParameters:
            Capabilities:
              Add:
                - SYS_ADMIN
      Volumes:
        - Name: root
          Host:
            SourcePath: /
`,
			findings: [
				{ ruleId: id, line: 17, character: 24, endLine: 17, endCharacter: 25, text: '/', message: /AWS::ECS::TaskDefinition 'AgentTask' mounts host path '\/'/ },
			],
		},
		{
			name: 'node-exporter\'s read-only root with a suppression',
			path: 'k8s/node-exporter.yaml',
			source: `# aup-guard-ignore AUP-CTR-001, AUP-CTR-002, AUP-CTR-003: Prometheus node-exporter reads host metrics read-only
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      hostNetwork: true
      hostPID: true
      containers:
        - name: node-exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          args: ["--path.rootfs=/host"]
          volumeMounts:
            - name: root
              mountPath: /host
              readOnly: true
      volumes:
        - name: root
          hostPath:
            path: /
`,
			findings: [
				{ ruleId: id, line: 28, character: 18, endLine: 28, endCharacter: 19, text: '/', suppressed: 'Prometheus node-exporter reads host metrics read-only' },
			],
		},
	],
	clean: [
		{
			name: 'a hostPath under /var/log and a ConfigMap volume',
			path: 'k8s/api.yaml',
			source: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    description: "never privileged: true, never hostNetwork"
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      hostNetwork: false
      containers:
        - name: api
          image: ghcr.io/acme/api:1.8.0
          securityContext:
            privileged: false
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
              add: ["NET_BIND_SERVICE"]
          volumeMounts:
            - name: logs
              mountPath: /var/log/api
      volumes:
        - name: logs
          hostPath:
            path: /var/log/api
        - name: config
          configMap:
            name: api-config
`,
		},
		{
			name: 'relative and log bind mounts, and a named volume mounted at /',
			path: 'docker-compose.yml',
			source: `services:
  web:
    image: nginx:1.27
    ports:
      - "443:443"
    cap_add:
      - NET_BIND_SERVICE
    volumes:
      - ./site:/usr/share/nginx/html:ro
      - /var/log/nginx:/var/log/nginx
      - type: volume
        source: data
        target: /
    network_mode: bridge
    labels:
      note: "privileged: true is not needed"
volumes:
  data: {}
`,
		},
	],
});
