import { defineRule } from './rule';
import { countOption } from './shared/options';
import { sizesIn } from './shared/sizes';
import { describeResource } from './shared/where';

export const DEFAULT_MAX_INSTANCES = 50;
export const DEFAULT_MAX_REPLICAS = 50;

export default defineRule({
	id: 'AUP-CST-001',
	title: 'Very large scaling limit',
	severity: 'warning',
	aupSection: '4',
	category: 'cost-scale',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose'],
	docs: [
		'Finds machine counts and scaling limits above a threshold you can set. Machines and nodes (option `maxInstances`, default 50): `max_size` of `aws_autoscaling_group` and `aws_eks_node_group`, a literal `count` on `aws_instance`, `google_compute_instance` and Azure virtual machines, `target_size` of Google instance group managers, `max_replicas` of Google autoscalers, `max_node_count` of GKE node pools, the capacity of Azure scale sets and autoscale settings, and CloudFormation\'s `MaxSize`. Container replicas (option `maxReplicas`, default 50): `replicas` of Kubernetes Deployments, StatefulSets and ReplicaSets, `maxReplicas` of a HorizontalPodAutoscaler, `desired_count` of `aws_ecs_service` (`DesiredCount`), `max_capacity` of an ECS scaling target, and Compose\'s `deploy.replicas`. The finding points at the number.',
		'',
		'**Why it matters.** A limit is what stops a load spike, a retry storm or a scaling bug from turning into a very large bill, and generated configurations sometimes carry a number nobody chose. Section 4 of the Acceptable Use Policy asks you to monitor your infrastructure and manage its costs responsibly, and section 5 asks you not to use the service in ways that degrade it for others. It is a warning: large fleets are often right, and only you know your budget.',
		'',
		'**What to do instead.** Confirm the number is the one you mean, that the budget and your provider\'s quotas allow it, and that a billing alarm watches it; otherwise lower it. There is no quick fix, because the right number is yours to choose.',
		'',
		'**Options.** Set the thresholds per workspace, for example `"aupGuard.ruleOptions": { "AUP-CST-001": { "maxInstances": 200, "maxReplicas": 500 } }`. Values that are not positive whole numbers fall back to the defaults. Counts from variables or expressions are not known until deploy and are not reported.',
		'',
		'**When it is legitimate.** A large production fleet with a budget behind it: raise the threshold for the workspace, or suppress the finding with the reason: `# aup-guard-ignore AUP-CST-001: Black Friday capacity, approved by FinOps`.',
	].join('\n'),
	check(file, report, context) {
		const limits = {
			instances: countOption(context, 'maxInstances', DEFAULT_MAX_INSTANCES),
			replicas: countOption(context, 'maxReplicas', DEFAULT_MAX_REPLICAS),
		};
		for (const size of sizesIn(file)) {
			const { unit } = size.setting;
			const limit = limits[unit];
			if (size.value <= limit) {
				continue;
			}
			const key = size.setting.path.join('.');
			const option = unit === 'instances' ? 'maxInstances' : 'maxReplicas';
			report({
				span: size.node.span,
				message: `${describeResource(size.resource)} can run up to ${size.value} ${unit} (${key}), above the limit of ${limit} (option ${option}). Confirm the budget, quotas and a billing alarm cover it, or lower ${key} (AUP section 4: manage costs responsibly).`,
			});
		}
	},
});
