import rule from '../../../src/engine/rules/host-namespace-shared';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-CTR-002';

const flagged = [
	{
		name: 'hostNetwork and hostPID in a DaemonSet, hostIPC in a CronJob',
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
			{ ruleId: id, line: 14, character: 19, endLine: 14, endCharacter: 23, text: 'true', message: /^DaemonSet 'log-agent' shares the host's namespace \(hostNetwork: true\), so its containers see the node's network\./, fixed: [`apiVersion: apps/v1
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
      hostNetwork: false
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
`] },
			{ ruleId: id, line: 15, character: 15, endLine: 15, endCharacter: 19, text: 'true', message: /\(hostPID: true\), so its containers see the node's processes/, fixed: [`apiVersion: apps/v1
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
      hostPID: false
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
`] },
			{ ruleId: id, line: 53, character: 19, endLine: 53, endCharacter: 23, text: 'true', message: /^CronJob 'node-cleanup' shares the host's namespace \(hostIPC: true\), so its containers see the node's shared memory/, fixed: [`apiVersion: apps/v1
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
          hostIPC: false
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
`] },
		],
	},
	{
		name: 'network_mode and pid host in Compose, with no fix',
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
			{ ruleId: id, line: 9, character: 18, endLine: 9, endCharacter: 22, text: 'host', message: /\(network_mode: host\)/ },
			{ ruleId: id, line: 10, character: 9, endLine: 10, endCharacter: 13, text: 'host', message: /\(pid: host\)/ },
		],
	},
	{
		name: 'host_network in a Terraform deployment',
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
			{ ruleId: id, line: 18, character: 23, endLine: 18, endCharacter: 27, text: 'true', message: /^kubernetes_deployment_v1\.builder shares the host's namespace \(host_network: true\)/, fixed: [`resource "kubernetes_deployment_v1" "builder" {
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
        host_network = false
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
`] },
		],
	},
	{
		name: 'node-exporter with a suppression that gives the reason',
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
			{ ruleId: id, line: 15, character: 19, endLine: 15, endCharacter: 23, text: 'true', fixed: [`# aup-guard-ignore AUP-CTR-001, AUP-CTR-002, AUP-CTR-003: Prometheus node-exporter reads host metrics read-only
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
      hostNetwork: false
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
`], suppressed: 'Prometheus node-exporter reads host metrics read-only' },
			{ ruleId: id, line: 16, character: 15, endLine: 16, endCharacter: 19, text: 'true', fixed: [`# aup-guard-ignore AUP-CTR-001, AUP-CTR-002, AUP-CTR-003: Prometheus node-exporter reads host metrics read-only
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
      hostPID: false
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
`], suppressed: 'Prometheus node-exporter reads host metrics read-only' },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'hostNetwork false and the words in an annotation',
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
			name: 'Compose network_mode bridge',
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
		{
			name: 'host_network from a variable, host_pid false and the words in a label',
			path: 'debug.tf',
			source: `resource "kubernetes_pod_v1" "debug" {
  metadata {
    name = "debug"
    labels = {
      host_network = "true"
    }
  }
  spec {
    host_network = var.debug_on_host_network
    host_pid     = false
    container {
      name  = "shell"
      image = "busybox:1.36"
    }
  }
}
`,
		},
	],
});

fixesResolve(rule, flagged);
