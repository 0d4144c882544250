import { defineRule } from './rule';
import { hostAccess } from './shared/container-privileges';
import { replaceLiteral } from './shared/literal-fix';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-CTR-002',
	title: 'Container shares a host namespace',
	severity: 'warning',
	aupSection: '4',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'kubernetes', 'compose'],
	docs: [
		'Finds pods and services that join the host\'s network, process or IPC namespace: `hostNetwork`, `hostPID` or `hostIPC` set to `true` in every Kubernetes workload kind (and `host_network`, `host_pid`, `host_ipc` in Terraform\'s `kubernetes_*` resources), and `network_mode: host`, `pid: host` or `ipc: host` in Compose.',
		'',
		'**Why it matters.** With the host\'s network a container can reach services bound to the node\'s loopback (the kubelet, metadata proxies, databases meant to be local) and bypasses network policies; with its process namespace it can read other processes\' environments and memory and signal them; with its IPC namespace it can read shared memory. Each breaks the isolation the rest of your security relies on. Section 4 of the Acceptable Use Policy makes securing what you deploy your responsibility.',
		'',
		'**What to do instead.** Remove the setting and expose what is needed through ports and Services. The quick fix sets the Kubernetes setting to `false`.',
		'',
		'**When it is legitimate.** Node-level agents: CNI plugins, kube-proxy, node monitoring such as Prometheus node-exporter. Suppress it on that workload with the reason: `# aup-guard-ignore AUP-CTR-002: node-exporter reads host network statistics`.',
	].join('\n'),
	check(file, report) {
		for (const access of hostAccess(file)) {
			if (access.kind === 'namespace') {
				report({
					span: access.span,
					message: `${describeResource(access.resource)} shares the host's namespace (${access.what}), so its containers see the node's ${namespaceOf(access.what)}. Remove it unless this is a node agent (AUP section 4).`,
					fixes: access.fix ? [access.fix] : undefined,
				});
			}
		}
	},
	fixes: {
		turnOff: replaceLiteral('Set it to false', new Set(['true']), 'false'),
	},
});

function namespaceOf(what: string): string {
	return /net/i.test(what) ? 'network' : /pid/i.test(what) ? 'processes' : 'shared memory';
}
