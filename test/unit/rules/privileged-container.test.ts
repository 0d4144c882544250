import rule from '../../../src/engine/rules/privileged-container';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';
import { AGENTS_MANIFEST, API_MANIFEST, BUILDER_TERRAFORM, ECS_TEMPLATE, NODE_EXPORTER_MANIFEST } from './fixtures/workloads';

const id = 'AUP-CTR-001';

const flagged = [
	{
		name: 'a privileged init container and SYS_ADMIN in a DaemonSet, privileged in a CronJob',
		path: 'k8s/agents.yaml',
		source: AGENTS_MANIFEST,
		findings: [
			{ ruleId: id, line: 21, character: 24, endLine: 21, endCharacter: 28, text: 'true', message: /^A container of DaemonSet 'log-agent' runs with privileged: true, which gives it control of the host/, fixed: [AGENTS_MANIFEST.replace('          securityContext:\n            privileged: true\n', '          securityContext:\n            privileged: false\n')] },
			{ ruleId: id, line: 27, character: 34, endLine: 27, endCharacter: 43, text: 'SYS_ADMIN', message: /^A container of DaemonSet 'log-agent' runs with capability SYS_ADMIN/ },
			{ ruleId: id, line: 58, character: 28, endLine: 58, endCharacter: 32, text: 'true', message: /CronJob 'node-cleanup'/, fixed: [AGENTS_MANIFEST.replace('                privileged: true\n', '                privileged: false\n')] },
		],
	},
	{
		name: 'a privileged CI runner and SYS_ADMIN in Compose',
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
			{ ruleId: id, line: 3, character: 16, endLine: 3, endCharacter: 20, text: 'true', message: /service 'ci-runner'/, fixed: [`services:
  ci-runner:
    image: gitlab/gitlab-runner:v17.5.0
    privileged: false
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
`] },
			{ ruleId: id, line: 12, character: 8, endLine: 12, endCharacter: 17, text: 'SYS_ADMIN', message: /service 'netdebug' runs with capability SYS_ADMIN/ },
		],
	},
	{
		name: 'Terraform: a privileged Docker-in-Docker deployment and ECS containers in jsonencode and heredoc JSON',
		path: 'build.tf',
		source: BUILDER_TERRAFORM,
		findings: [
			{ ruleId: id, line: 23, character: 25, endLine: 23, endCharacter: 29, text: 'true', message: /kubernetes_deployment_v1\.builder/, fixed: [BUILDER_TERRAFORM.replace('            privileged = true\n', '            privileged = false\n')] },
			{ ruleId: id, line: 44, character: 19, endLine: 44, endCharacter: 23, text: 'true', message: /aws_ecs_task_definition\.agent/, fixed: [BUILDER_TERRAFORM.replace('      essential  = true\n      privileged = true\n', '      essential  = true\n      privileged = false\n')] },
			{ ruleId: id, line: 61, character: 18, endLine: 61, endCharacter: 22, text: 'true', message: /aws_ecs_task_definition\.legacy runs with privileged/, fixed: [BUILDER_TERRAFORM.replace('    "privileged": true,\n', '    "privileged": false,\n')] },
			{ ruleId: id, line: 62, character: 52, endLine: 62, endCharacter: 61, text: 'SYS_ADMIN', message: /aws_ecs_task_definition\.legacy runs with capability SYS_ADMIN/ },
		],
	},
	{
		name: 'a privileged ECS container with SYS_ADMIN in CloudFormation',
		path: 'ecs.yaml',
		source: ECS_TEMPLATE,
		findings: [
			{ ruleId: id, line: 9, character: 22, endLine: 9, endCharacter: 26, text: 'true', message: /AWS::ECS::TaskDefinition 'AgentTask'/, fixed: [ECS_TEMPLATE.replace('          Privileged: true\n', '          Privileged: false\n')] },
			{ ruleId: id, line: 13, character: 18, endLine: 13, endCharacter: 27, text: 'SYS_ADMIN', message: /capability SYS_ADMIN/ },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'privileged false, capabilities dropped and NET_BIND_SERVICE added, and the words in an annotation',
			path: 'k8s/api.yaml',
			source: API_MANIFEST,
		},
		{
			name: 'a Compose web server with NET_BIND_SERVICE and the words in a label',
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
			name: 'node-exporter: host namespaces and mounts are other rules\' findings',
			path: 'k8s/node-exporter.yaml',
			source: NODE_EXPORTER_MANIFEST,
		},
	],
});

fixesResolve(rule, flagged);
