import { defineRule } from './rule';
import { hostAccess } from './shared/container-privileges';
import { replaceLiteral } from './shared/literal-fix';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-CTR-001',
	title: 'Privileged container',
	severity: 'warning',
	aupSection: '4',
	category: 'access-control',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose'],
	docs: [
		'Finds containers that run privileged or with the capabilities that amount to it: `securityContext.privileged: true` in every Kubernetes workload kind (containers, init containers and ephemeral containers; manifests and Terraform\'s `kubernetes_*` resources), `privileged: true` in Compose services and ECS container definitions (`aws_ecs_task_definition`, `AWS::ECS::TaskDefinition`), and the capabilities `SYS_ADMIN` or `ALL` added in any of them. The finding points at the `true` or the capability.',
		'',
		'**Why it matters.** A privileged container sees every device of the host and can mount its disks, load kernel modules and leave the container: whoever gets into it (through an application bug or a compromised image) owns the node and everything else scheduled on it. Section 4 of the Acceptable Use Policy makes securing what you deploy your responsibility; generators add `privileged: true` to make something work without saying what it gives away.',
		'',
		'**What to do instead.** Remove it, and add only the specific capability the process needs (`NET_ADMIN`, `NET_BIND_SERVICE`, ...). For Docker-in-Docker builds use a rootless builder (BuildKit rootless, Kaniko, Buildah). The quick fix sets `privileged` to `false`.',
		'',
		'**When it is legitimate.** Node agents that must manage the host: CNI plugins, storage drivers, some security sensors. Suppress it on that workload with the reason: `# aup-guard-ignore AUP-CTR-001: Calico node agent`.',
	].join('\n'),
	check(file, report) {
		for (const access of hostAccess(file)) {
			if (access.kind === 'privileged') {
				report({
					span: access.span,
					message: `A container of ${describeResource(access.resource)} runs with ${access.what}, which gives it control of the host it runs on. Remove it and add only the capabilities the process needs (AUP section 4).`,
					fixes: access.fix ? [access.fix] : undefined,
				});
			}
		}
	},
	fixes: {
		turnOff: replaceLiteral('Set privileged to false', new Set(['true']), 'false'),
	},
});
