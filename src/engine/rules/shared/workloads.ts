import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { getAll, getPath, objectsIn } from '../../model/query';

/**
 * The pod specs of Kubernetes workloads, however they are declared: manifests of every workload
 * kind and Terraform's `kubernetes_*` resources, whose keys are snake_case blocks. Rules about
 * what a pod may do on its node read only this.
 */
export interface PodSpec {
	readonly resource: Resource;
	readonly spec: ObjectNode;
	readonly keys: PodKeys;
	/** Containers, init containers and ephemeral containers. */
	readonly containers: readonly ObjectNode[];
}

export interface PodKeys {
	readonly hostNetwork: string;
	readonly hostPid: string;
	readonly hostIpc: string;
	readonly securityContext: string;
	readonly hostPath: string;
	readonly volumes: string;
}

const MANIFEST_KEYS: PodKeys = {
	hostNetwork: 'hostNetwork', hostPid: 'hostPID', hostIpc: 'hostIPC', securityContext: 'securityContext', hostPath: 'hostPath', volumes: 'volumes',
};
const TERRAFORM_KEYS: PodKeys = {
	hostNetwork: 'host_network', hostPid: 'host_pid', hostIpc: 'host_ipc', securityContext: 'security_context', hostPath: 'host_path', volumes: 'volume',
};

/** Where each kind keeps its pod spec. */
const MANIFEST_PATHS: Readonly<Record<string, readonly string[]>> = {
	Pod: ['spec'],
	Deployment: ['spec', 'template', 'spec'],
	StatefulSet: ['spec', 'template', 'spec'],
	DaemonSet: ['spec', 'template', 'spec'],
	ReplicaSet: ['spec', 'template', 'spec'],
	ReplicationController: ['spec', 'template', 'spec'],
	Job: ['spec', 'template', 'spec'],
	CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TERRAFORM_PATHS: Readonly<Record<string, readonly string[]>> = {
	kubernetes_pod: ['spec'],
	kubernetes_deployment: ['spec', 'template', 'spec'],
	kubernetes_stateful_set: ['spec', 'template', 'spec'],
	kubernetes_daemonset: ['spec', 'template', 'spec'],
	kubernetes_daemon_set: ['spec', 'template', 'spec'],
	kubernetes_replication_controller: ['spec', 'template', 'spec'],
	kubernetes_job: ['spec', 'template', 'spec'],
	kubernetes_cron_job: ['spec', 'job_template', 'spec', 'template', 'spec'],
};

export function podSpecs(file: ParsedFile): PodSpec[] {
	const specs: PodSpec[] = [];
	for (const resource of file.resources) {
		const manifest = MANIFEST_PATHS[resource.type];
		// Terraform's provider has `_v1` twins of every resource.
		const terraform = TERRAFORM_PATHS[resource.type.replace(/_v\d+$/, '')];
		const path = manifest ?? terraform;
		if (!path) {
			continue;
		}
		const keys = manifest ? MANIFEST_KEYS : TERRAFORM_KEYS;
		const spec = getPath(resource.body, ...path);
		if (spec?.kind !== 'object') {
			continue;
		}
		const containerKeys = manifest ? ['containers', 'initContainers', 'ephemeralContainers'] : ['container', 'init_container'];
		const containers = containerKeys.flatMap(key => objectsIn(getAll(spec, key)));
		specs.push({ resource, spec, keys, containers });
	}
	return specs;
}

/** The host paths a pod's volumes mount, as the literal nodes that name them. */
export function hostPathNodes(pod: PodSpec): ValueNode[] {
	return objectsIn(getAll(pod.spec, pod.keys.volumes)).flatMap(volume => objectsIn(getAll(volume, pod.keys.hostPath)).flatMap(hostPath => getAll(hostPath, 'path')));
}
