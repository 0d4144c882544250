import { defineRule } from './rule';
import { acceleratorFleets } from './shared/accelerator-fleets';
import { costNote } from './shared/accelerator-prices';
import { gpuWorkloads } from './shared/gpu-workloads';
import { countOption } from './shared/options';
import { describeResource } from './shared/where';

export const DEFAULT_MAX_ACCELERATOR_INSTANCES = 4;
export const DEFAULT_MAX_GPUS = 8;

const ADVICE = 'Confirm the budget and a billing alarm cover it, and stop or scale down the machines when idle (AUP section 4: manage costs responsibly).';

export default defineRule({
	id: 'AUP-CST-002',
	title: 'Fleet of expensive accelerator instances',
	// A warning, as for AUP-CST-001: at the default threshold a GPU fleet already costs more a month
	// than the generic fleet that rule warns about, and nothing here is prohibited, so never an error.
	severity: 'warning',
	aupSection: '4',
	category: 'cost-scale',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes'],
	docs: [
		'Finds fleets of GPU and other accelerator machines larger than a threshold you can set, with a note on what they cost to run. Accelerated machines are AWS instance types of the GPU, Trainium, Inferentia and Gaudi families (`p3`, `p4d`, `p5`, `g4dn`, `g5`, `g6`, `g6e`, `trn1`, `trn2`, `inf1`, `inf2`, `dl1` and their kin), Google\'s `a2-`, `a3-` and `g2-` machine types or a `guest_accelerator` block with a count, and Azure\'s N-series sizes (`Standard_NC*`, `Standard_ND*`, `Standard_NV*`).',
		'',
		'Machines (option `maxAcceleratorInstances`, default 4): a literal `count` of `aws_instance`, `google_compute_instance` and Azure virtual machines; `max_size` of an `aws_autoscaling_group` whose launch template or launch configuration in the same file names an accelerated type (or whose mixed-instances overrides do); `scaling_config.max_size` of `aws_eks_node_group`; the autoscaling maximum, else the node count, of `google_container_node_pool` and `azurerm_kubernetes_cluster_node_pool`; `target_size` of a Google instance group manager whose instance template is in the file; `instances` of Azure scale sets; CloudFormation\'s `MaxSize` of an `AWS::AutoScaling::AutoScalingGroup` with such a launch template or configuration, and `ScalingConfig.MaxSize` of `AWS::EKS::Nodegroup`. Kubernetes (option `maxGpus`, default 8): the `nvidia.com/gpu` or `amd.com/gpu` limits of a pod times its `replicas` (or a Job\'s `parallelism`). The finding points at the number, or at the GPU limit in Kubernetes.',
		'',
		'**Why it matters.** Accelerators are the most expensive machines a cloud rents: a handful left running for a month can cost thousands to tens of thousands of dollars, and generated configurations sometimes copy a fleet size from an example. Section 4 of the Acceptable Use Policy asks you to monitor your infrastructure and manage its costs responsibly; section 5 asks you to use shared capacity fairly, and accelerator capacity is scarce. The message gives an approximate on-demand price for the instance types whose list price we know (AWS us-east-1, Linux) and multiplies it out for the fleet over 730 hours a month; for other types it gives no number. Always check your provider\'s current pricing: prices change and differ by region and purchase option.',
		'',
		'**What to do instead.** Confirm the size is the one you mean, that a budget and a billing alarm cover it, and that idle machines are stopped or scaled to zero; otherwise lower the number. Spot or preemptible capacity and savings plans often cost much less for training.',
		'',
		'**What is not reported.** A single instance or a small pool at or under the threshold: a GPU training machine is ordinary machine-learning work. A CloudFormation `AWS::EC2::Instance` is always one machine. DaemonSets (one pod per node, a number the file does not hold), sizes from variables or expressions, and templates defined in another file. A fleet above the limits of AUP-CST-001 gets that rule\'s finding as well.',
		'',
		'**Options.** For example `"aupGuard.ruleOptions": { "AUP-CST-002": { "maxAcceleratorInstances": 16, "maxGpus": 64 } }`; values that are not positive whole numbers fall back to the defaults.',
		'',
		'**When it is legitimate.** A training cluster with a budget behind it: raise the threshold for the workspace, or suppress with the reason: `# aup-guard-ignore AUP-CST-002: quarterly model training, budget approved by FinOps`.',
	].join('\n'),
	check(file, report, context) {
		const maxInstances = countOption(context, 'maxAcceleratorInstances', DEFAULT_MAX_ACCELERATOR_INSTANCES);
		for (const fleet of acceleratorFleets(file)) {
			if (fleet.size > maxInstances) {
				report({
					span: fleet.node.span,
					message: `${describeResource(fleet.resource)} can run up to ${fleet.size} accelerated machines (${fleet.key}; ${fleet.accelerated.what}), above the limit of ${maxInstances} (option maxAcceleratorInstances). ${costNote(fleet.accelerated.type, fleet.size)} ${ADVICE}`,
				});
			}
		}
		const maxGpus = countOption(context, 'maxGpus', DEFAULT_MAX_GPUS);
		for (const workload of gpuWorkloads(file)) {
			if (workload.total > maxGpus) {
				const pods = workload.podsKey === 'parallelism' ? `${workload.pods} pods in parallel` : `${workload.pods} replicas`;
				const how = workload.podsKey ? `${workload.perPod} ${workload.resourceName} per pod × ${pods}` : `${workload.perPod} ${workload.resourceName} in one pod`;
				report({
					span: workload.node.span,
					message: `${describeResource(workload.resource)} holds ${workload.total} GPUs at once (${how}), above the limit of ${maxGpus} (option maxGpus). ${costNote(undefined, workload.total)} ${ADVICE}`,
				});
			}
		}
	},
});
