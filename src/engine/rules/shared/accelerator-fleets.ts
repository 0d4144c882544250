import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, getAll, getPath, literalNumber, objectsIn } from '../../model/query';
import { acceleratedAt, referencedResource, type Accelerated } from './accelerators';

/** A resource that runs, or may scale to, `size` accelerated machines. */
export interface AcceleratorFleet {
	readonly resource: Resource;
	/** The number that sets the size: where the finding points. */
	readonly node: ValueNode;
	readonly key: string;
	readonly size: number;
	readonly accelerated: Accelerated;
}

type MachinesOf = (body: ObjectNode, file: ParsedFile) => Accelerated | undefined;

interface FleetSpec {
	readonly types: readonly string[];
	/** Where the size is written; the first path present decides, so `node_count` is not read when autoscaling sets a maximum. */
	readonly sizes: readonly (readonly string[])[];
	readonly machines: MachinesOf;
}

const own = (typeKey: string, acceleratorKey?: string): MachinesOf => body => acceleratedAt(body, typeKey, acceleratorKey);
const under = (path: readonly string[], typeKey: string, acceleratorKey?: string): MachinesOf =>
	body => acceleratedAt(getPath(body, ...path), typeKey, acceleratorKey);

const FLEETS: readonly FleetSpec[] = [
	{ types: ['aws_instance'], sizes: [['count']], machines: own('instance_type') },
	{ types: ['google_compute_instance'], sizes: [['count']], machines: own('machine_type', 'guest_accelerator') },
	{ types: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'], sizes: [['count']], machines: own('size') },
	{ types: ['azurerm_virtual_machine'], sizes: [['count']], machines: own('vm_size') },
	{ types: ['aws_eks_node_group'], sizes: [['scaling_config', 'max_size']], machines: own('instance_types') },
	{
		types: ['google_container_node_pool'],
		sizes: [['autoscaling', 'max_node_count'], ['autoscaling', 'total_max_node_count'], ['node_count'], ['initial_node_count']],
		machines: under(['node_config'], 'machine_type', 'guest_accelerator'),
	},
	{ types: ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set'], sizes: [['instances']], machines: own('sku') },
	{ types: ['azurerm_virtual_machine_scale_set'], sizes: [['sku', 'capacity']], machines: under(['sku'], 'name') },
	{ types: ['azurerm_kubernetes_cluster_node_pool'], sizes: [['max_count'], ['node_count']], machines: own('vm_size') },
	{ types: ['aws_autoscaling_group'], sizes: [['max_size']], machines: awsGroupMachines },
	{ types: ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'], sizes: [['target_size']], machines: googleGroupMachines },
	{ types: ['AWS::AutoScaling::AutoScalingGroup'], sizes: [['MaxSize']], machines: cloudFormationGroupMachines },
	{ types: ['AWS::EKS::Nodegroup'], sizes: [['ScalingConfig', 'MaxSize']], machines: own('InstanceTypes') },
];

/** Every resource of accelerated machines whose size is written as a number, in source order. */
export function acceleratorFleets(file: ParsedFile): AcceleratorFleet[] {
	const found: AcceleratorFleet[] = [];
	for (const resource of file.resources) {
		const spec = FLEETS.find(candidate => candidate.types.includes(resource.type));
		const path = spec?.sizes.find(candidate => getPath(resource.body, ...candidate) !== undefined);
		if (!spec || !path) {
			continue;
		}
		const node = getPath(resource.body, ...path);
		const size = literalNumber(node);
		const accelerated = size === undefined ? undefined : spec.machines(resource.body, file);
		if (node && size !== undefined && accelerated) {
			found.push({ resource, node, key: path.join('.'), size, accelerated });
		}
	}
	return found.sort((a, b) => a.node.span.start - b.node.span.start);
}

/** An auto scaling group's machines: its launch template or configuration, or the overrides of a mixed policy. */
function awsGroupMachines(body: ObjectNode, file: ParsedFile): Accelerated | undefined {
	const template = (spec: ValueNode | undefined, ...keys: string[]) => keys
		.map(key => referencedResource(file, get(spec, key), 'aws_launch_template'))
		.find(resource => resource !== undefined);
	const mixed = getPath(body, 'mixed_instances_policy', 'launch_template');
	const candidates = [
		template(get(body, 'launch_template'), 'id', 'name'),
		referencedResource(file, get(body, 'launch_configuration'), 'aws_launch_configuration'),
		template(get(mixed, 'launch_template_specification'), 'launch_template_id', 'launch_template_name'),
	].map(resource => acceleratedAt(resource?.body, 'instance_type'));
	return combine([...objectsIn(getAll(mixed, 'override')).map(override => acceleratedAt(override, 'instance_type')), ...candidates]);
}

/** A managed instance group's machines: its instance template, given once or per version. */
function googleGroupMachines(body: ObjectNode, file: ParsedFile): Accelerated | undefined {
	const references = [get(body, 'instance_template'), ...objectsIn(getAll(body, 'version')).map(version => get(version, 'instance_template'))];
	return combine(references.map(reference =>
		acceleratedAt(referencedResource(file, reference, 'google_compute_instance_template')?.body, 'machine_type', 'guest_accelerator')));
}

function cloudFormationGroupMachines(body: ObjectNode, file: ParsedFile): Accelerated | undefined {
	const template = (spec: ValueNode | undefined) => ['LaunchTemplateId', 'LaunchTemplateName']
		.map(key => referencedResource(file, get(spec, key), 'AWS::EC2::LaunchTemplate'))
		.find(resource => resource !== undefined);
	const mixed = getPath(body, 'MixedInstancesPolicy', 'LaunchTemplate');
	return combine([
		...objectsIn(getAll(mixed, 'Overrides')).map(override => acceleratedAt(override, 'InstanceType')),
		acceleratedAt(get(template(get(body, 'LaunchTemplate'))?.body, 'LaunchTemplateData'), 'InstanceType'),
		acceleratedAt(referencedResource(file, get(body, 'LaunchConfigurationName'), 'AWS::AutoScaling::LaunchConfiguration')?.body, 'InstanceType'),
		acceleratedAt(get(template(get(mixed, 'LaunchTemplateSpecification'))?.body, 'LaunchTemplateData'), 'InstanceType'),
	]);
}

/** One description for several sources; a price applies only when they agree on one type. */
function combine(list: readonly (Accelerated | undefined)[]): Accelerated | undefined {
	const found = list.filter((item): item is Accelerated => item !== undefined);
	const whats = [...new Set(found.map(item => item.what))];
	if (whats.length === 0) {
		return undefined;
	}
	return { what: whats.join(', '), type: whats.length === 1 ? found[0].type : undefined };
}
