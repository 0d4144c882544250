import type { ParsedFile, Resource } from '../../model/file';
import type { ValueNode } from '../../model/nodes';
import { getAll, literalNumber, literalString, get } from '../../model/query';

/** Whether a size counts virtual machines (or nodes) or container replicas; each has its own threshold. */
export type SizeUnit = 'instances' | 'replicas';

export interface SizeSetting {
	readonly types: readonly string[];
	readonly path: readonly string[];
	readonly unit: SizeUnit;
	/** Only resources this accepts: an Application Auto Scaling target of ECS, not of DynamoDB capacity. */
	readonly when?: (resource: Resource) => boolean;
}

export interface FoundSize {
	readonly resource: Resource;
	readonly setting: SizeSetting;
	readonly node: ValueNode;
	readonly value: number;
}

const VM_TYPES = ['aws_instance', 'google_compute_instance', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];
const WORKLOADS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** Where each format writes how many machines or replicas a resource runs, or may scale to. */
export const SIZE_SETTINGS: readonly SizeSetting[] = [
	{ types: ['aws_autoscaling_group'], path: ['max_size'], unit: 'instances' },
	{ types: ['aws_eks_node_group'], path: ['scaling_config', 'max_size'], unit: 'instances' },
	{ types: ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'], path: ['target_size'], unit: 'instances' },
	{ types: ['google_compute_autoscaler', 'google_compute_region_autoscaler'], path: ['autoscaling_policy', 'max_replicas'], unit: 'instances' },
	{ types: ['google_container_node_pool'], path: ['autoscaling', 'max_node_count'], unit: 'instances' },
	{ types: ['azurerm_virtual_machine_scale_set'], path: ['sku', 'capacity'], unit: 'instances' },
	{ types: ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'], path: ['instances'], unit: 'instances' },
	{ types: ['azurerm_monitor_autoscale_setting'], path: ['profile', 'capacity', 'maximum'], unit: 'instances' },
	{ types: VM_TYPES, path: ['count'], unit: 'instances' },
	{ types: ['aws_ecs_service'], path: ['desired_count'], unit: 'replicas' },
	{ types: ['aws_appautoscaling_target'], path: ['max_capacity'], unit: 'replicas', when: resource => literalString(get(resource.body, 'service_namespace')) === 'ecs' },
	{ types: ['AWS::AutoScaling::AutoScalingGroup'], path: ['MaxSize'], unit: 'instances' },
	{ types: ['AWS::EKS::Nodegroup'], path: ['ScalingConfig', 'MaxSize'], unit: 'instances' },
	{ types: ['AWS::ECS::Service'], path: ['DesiredCount'], unit: 'replicas' },
	{ types: WORKLOADS, path: ['spec', 'replicas'], unit: 'replicas' },
	{ types: ['HorizontalPodAutoscaler'], path: ['spec', 'maxReplicas'], unit: 'replicas' },
	{ types: ['compose:service'], path: ['deploy', 'replicas'], unit: 'replicas' },
];

/** Every literal size in the file, in source order; sizes known only at deploy time are skipped. */
export function sizesIn(file: ParsedFile): FoundSize[] {
	const found: FoundSize[] = [];
	for (const setting of SIZE_SETTINGS) {
		for (const resource of file.resources) {
			if (!setting.types.includes(resource.type) || (setting.when && !setting.when(resource))) {
				continue;
			}
			for (const node of valuesAt([resource.body], setting.path)) {
				const value = literalNumber(node);
				if (value !== undefined) {
					found.push({ resource, setting, node, value });
				}
			}
		}
	}
	return found.sort((a, b) => a.node.span.start - b.node.span.start);
}

/** The values at a path, through repeated blocks and lists (`profile { } profile { }`). */
function valuesAt(nodes: readonly ValueNode[], path: readonly string[]): ValueNode[] {
	let current = [...nodes];
	for (const key of path) {
		current = current.flatMap(node => getAll(node, key));
	}
	return current;
}
