import rule from '../../../src/engine/rules/host-namespace-shared';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';
import { AGENTS_MANIFEST, API_MANIFEST, BUILDER_TERRAFORM, NODE_EXPORTER_MANIFEST } from './fixtures/workloads';

const id = 'AUP-CTR-002';

const flagged = [
	{
		name: 'hostNetwork and hostPID in a DaemonSet, hostIPC in a CronJob',
		path: 'k8s/agents.yaml',
		source: AGENTS_MANIFEST,
		findings: [
			{ ruleId: id, line: 14, character: 19, endLine: 14, endCharacter: 23, text: 'true', message: /^DaemonSet 'log-agent' shares the host's namespace \(hostNetwork: true\), so its containers see the node's network\./, fixed: [AGENTS_MANIFEST.replace('      hostNetwork: true\n', '      hostNetwork: false\n')] },
			{ ruleId: id, line: 15, character: 15, endLine: 15, endCharacter: 19, text: 'true', message: /\(hostPID: true\), so its containers see the node's processes/, fixed: [AGENTS_MANIFEST.replace('      hostPID: true\n', '      hostPID: false\n')] },
			{ ruleId: id, line: 53, character: 19, endLine: 53, endCharacter: 23, text: 'true', message: /^CronJob 'node-cleanup' shares the host's namespace \(hostIPC: true\), so its containers see the node's shared memory/, fixed: [AGENTS_MANIFEST.replace('          hostIPC: true\n', '          hostIPC: false\n')] },
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
		source: BUILDER_TERRAFORM,
		findings: [
			{ ruleId: id, line: 18, character: 23, endLine: 18, endCharacter: 27, text: 'true', message: /^kubernetes_deployment_v1\.builder shares the host's namespace \(host_network: true\)/, fixed: [BUILDER_TERRAFORM.replace('        host_network = true\n', '        host_network = false\n')] },
		],
	},
	{
		name: 'node-exporter with a suppression that gives the reason',
		path: 'k8s/node-exporter.yaml',
		source: NODE_EXPORTER_MANIFEST,
		findings: [
			{ ruleId: id, line: 15, character: 19, endLine: 15, endCharacter: 23, text: 'true', fixed: [NODE_EXPORTER_MANIFEST.replace('      hostNetwork: true\n', '      hostNetwork: false\n')], suppressed: 'Prometheus node-exporter reads host metrics read-only' },
			{ ruleId: id, line: 16, character: 15, endLine: 16, endCharacter: 19, text: 'true', fixed: [NODE_EXPORTER_MANIFEST.replace('      hostPID: true\n', '      hostPID: false\n')], suppressed: 'Prometheus node-exporter reads host metrics read-only' },
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'hostNetwork false and the words in an annotation',
			path: 'k8s/api.yaml',
			source: API_MANIFEST,
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
