import { defineRule } from './rule';
import { hostAccess } from './shared/container-privileges';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-CTR-003',
	title: 'Host root, system directory or container runtime socket mounted',
	severity: 'warning',
	aupSection: '4',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose'],
	docs: [
		'Finds containers that mount a part of the host that hands over the host: its root (`/`), `/etc`, `/root`, `/proc`, `/boot`, the kubelet\'s and Docker\'s state (`/var/lib/kubelet`, `/etc/kubernetes`, `/var/lib/docker`), or a container runtime socket (`/var/run/docker.sock`, containerd\'s, CRI-O\'s). It reads Kubernetes `hostPath` volumes of every workload kind (and `host_path` in Terraform\'s `kubernetes_*` resources), Compose bind mounts in short (`/var/run/docker.sock:/var/run/docker.sock`) and long syntax, and ECS task definition host volumes. The finding points at the host path.',
		'',
		'**Why it matters.** The Docker socket lets a container start a privileged container of its own; the host root or `/etc` lets it read every secret on the node and plant files the host will run; the kubelet\'s directory holds credentials of every pod on the node. A read-only mount still leaks all of that. Section 4 of the Acceptable Use Policy makes securing what you deploy your responsibility.',
		'',
		'**What to do instead.** Mount only the directory the container needs, read-only, or use a volume. For builds that talk to Docker use a rootless builder (BuildKit rootless, Kaniko, Buildah) instead of the host\'s socket. Other host paths (`/var/log`, `/sys`, a data directory) are not reported.',
		'',
		'**When it is legitimate.** Node agents that inspect the host: monitoring (node-exporter mounts `/` and `/proc` read-only), log shippers, security sensors. Suppress it on that workload with the reason: `# aup-guard-ignore AUP-CTR-003: node-exporter, read-only host metrics`.',
	].join('\n'),
	check(file, report) {
		for (const access of hostAccess(file)) {
			if (access.kind === 'mount') {
				report({
					span: access.span,
					message: `${describeResource(access.resource)} mounts ${access.what}, which gives its containers the host's files, secrets or container runtime. Mount only the directory it needs, read-only, or use a volume (AUP section 4).`,
				});
			}
		}
	},
});
