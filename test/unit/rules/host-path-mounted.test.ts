import rule from '../../../src/engine/rules/host-path-mounted';
import { ruleTester } from '../rule-tester';
import { AGENTS_MANIFEST, API_MANIFEST, BUILDER_TERRAFORM, ECS_TEMPLATE, NODE_EXPORTER_MANIFEST } from './fixtures/workloads';

const id = 'AUP-CTR-003';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'the Docker socket in a DaemonSet and the host root in a CronJob',
			path: 'k8s/agents.yaml',
			source: AGENTS_MANIFEST,
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
			source: BUILDER_TERRAFORM,
			findings: [
				{ ruleId: id, line: 29, character: 20, endLine: 29, endCharacter: 35, text: '/var/lib/docker', message: /kubernetes_deployment_v1\.builder mounts host path '\/var\/lib\/docker'/ },
				{ ruleId: id, line: 50, character: 17, endLine: 50, endCharacter: 37, text: '/var/run/docker.sock', message: /aws_ecs_task_definition\.agent mounts/ },
			],
		},
		{
			name: 'an ECS host volume of the root in CloudFormation',
			path: 'ecs.yaml',
			source: ECS_TEMPLATE,
			findings: [
				{ ruleId: id, line: 17, character: 24, endLine: 17, endCharacter: 25, text: '/', message: /AWS::ECS::TaskDefinition 'AgentTask' mounts host path '\/'/ },
			],
		},
		{
			name: 'node-exporter\'s read-only root with a suppression',
			path: 'k8s/node-exporter.yaml',
			source: NODE_EXPORTER_MANIFEST,
			findings: [
				{ ruleId: id, line: 28, character: 18, endLine: 28, endCharacter: 19, text: '/', suppressed: 'Prometheus node-exporter reads host metrics read-only' },
			],
		},
	],
	clean: [
		{
			name: 'a hostPath under /var/log and a ConfigMap volume',
			path: 'k8s/api.yaml',
			source: API_MANIFEST,
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
