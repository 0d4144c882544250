import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, getAll, getPath, literalNumber, objectsIn } from '../../model/query';

/** The extended resources device plugins publish for whole GPUs. */
const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu'];

/** Where each workload kind keeps its pod template and how many pods it runs at once; DaemonSets run one per node, a number the file does not hold. */
const KINDS: Readonly<Record<string, { readonly pod: readonly string[]; readonly pods?: readonly string[]; readonly podsKey?: string }>> = {
	Pod: { pod: ['spec'] },
	Deployment: { pod: ['spec', 'template', 'spec'], pods: ['spec', 'replicas'], podsKey: 'replicas' },
	StatefulSet: { pod: ['spec', 'template', 'spec'], pods: ['spec', 'replicas'], podsKey: 'replicas' },
	ReplicaSet: { pod: ['spec', 'template', 'spec'], pods: ['spec', 'replicas'], podsKey: 'replicas' },
	ReplicationController: { pod: ['spec', 'template', 'spec'], pods: ['spec', 'replicas'], podsKey: 'replicas' },
	Job: { pod: ['spec', 'template', 'spec'], pods: ['spec', 'parallelism'], podsKey: 'parallelism' },
	CronJob: { pod: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], pods: ['spec', 'jobTemplate', 'spec', 'parallelism'], podsKey: 'parallelism' },
};

export interface GpuWorkload {
	readonly resource: Resource;
	/** The first GPU limit in the pod: where the finding points. */
	readonly node: ValueNode;
	readonly resourceName: string;
	readonly perPod: number;
	readonly pods: number;
	/** `replicas` or `parallelism`, when the file sets more than one pod. */
	readonly podsKey: string | undefined;
	readonly total: number;
}

/**
 * Kubernetes workloads that ask for GPUs, with how many they hold at once: a pod's containers run
 * together, so their GPUs add up; init containers run one at a time before them, so the pod needs
 * the larger of the two. Counts known only at deploy time (Helm values) are skipped.
 */
export function gpuWorkloads(file: ParsedFile): GpuWorkload[] {
	const found: GpuWorkload[] = [];
	for (const resource of file.resources) {
		const kind = KINDS[resource.type];
		const pod = kind && getPath(resource.body, ...kind.pod);
		if (!kind || pod?.kind !== 'object') {
			continue;
		}
		const podsNode = kind.pods && getPath(resource.body, ...kind.pods);
		// A missing count is the Kubernetes default of one pod.
		const pods = podsNode === undefined ? 1 : literalNumber(podsNode);
		const gpus = podGpus(pod);
		if (pods === undefined || !gpus) {
			continue;
		}
		found.push({
			resource, node: gpus.node, resourceName: gpus.resourceName, perPod: gpus.perPod, pods,
			podsKey: podsNode === undefined ? undefined : kind.podsKey, total: gpus.perPod * pods,
		});
	}
	return found;
}

interface PodGpus {
	readonly node: ValueNode;
	readonly resourceName: string;
	readonly perPod: number;
}

function podGpus(pod: ObjectNode): PodGpus | undefined {
	const main = objectsIn(getAll(pod, 'containers')).map(containerGpus).filter((gpus): gpus is PodGpus => gpus !== undefined);
	const init = objectsIn(getAll(pod, 'initContainers')).map(containerGpus).filter((gpus): gpus is PodGpus => gpus !== undefined);
	const together = main.reduce((sum, gpus) => sum + gpus.perPod, 0);
	const largestInit = init.reduce<PodGpus | undefined>((best, gpus) => (!best || gpus.perPod > best.perPod ? gpus : best), undefined);
	if (main.length > 0 && together >= (largestInit?.perPod ?? 0)) {
		return { ...main[0], perPod: together };
	}
	return largestInit;
}

/** A container's GPUs: its limit, or its request where no limit is written (the two must be equal for GPUs). */
function containerGpus(container: ObjectNode): PodGpus | undefined {
	const resources = get(container, 'resources');
	for (const section of ['limits', 'requests']) {
		for (const resourceName of GPU_RESOURCES) {
			const node = get(get(resources, section), resourceName);
			const count = literalNumber(node);
			if (node && count !== undefined && count > 0) {
				return { node, resourceName, perPod: count };
			}
		}
	}
	return undefined;
}
