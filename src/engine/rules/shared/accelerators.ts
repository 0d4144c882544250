import type { ParsedFile, Resource } from '../../model/file';
import type { ValueNode } from '../../model/nodes';
import { get, getAll, literalNumber, literalString, objectsIn } from '../../model/query';

/** AWS GPU (p, g), Trainium, Inferentia and Gaudi (dl) families: `p3.2xlarge`, `g5.xlarge`, `trn1.32xlarge`. */
const AWS_ACCELERATED = /^(?:p2|p3|p3dn|p4d|p4de|p5|p5e|p5en|g3|g3s|g4dn|g4ad|g5|g5g|g6|g6e|gr6|trn1|trn1n|trn2|inf1|inf2|dl1|dl2q)\.[a-z0-9]+$/;
/** Google's accelerator-optimized machine series come with their GPUs attached. */
const GCP_ACCELERATED = /^(?:a2|a3|g2)-[a-z0-9-]+$/;
/** Azure's N-series: NC (compute), ND (deep learning), NV (visualisation); `Standard_NC6s_v3`. */
const AZURE_ACCELERATED = /^standard_n[cdv]\d/i;

/** Whether a machine type name is one of the accelerator families above. */
export function isAcceleratedType(type: string): boolean {
	return AWS_ACCELERATED.test(type) || GCP_ACCELERATED.test(type) || AZURE_ACCELERATED.test(type);
}

/** What makes a resource's machines accelerated, in words, and the one type a price can be looked up for. */
export interface Accelerated {
	readonly what: string;
	readonly type: string | undefined;
}

/**
 * The accelerated machine types at a path (a string, or a list as `instance_types` is), plus
 * Google's `guest_accelerator` blocks with a literal count above zero beside them.
 */
export function acceleratedAt(body: ValueNode | undefined, typeKey: string, acceleratorKey?: string): Accelerated | undefined {
	const types = getAll(body, typeKey).map(literalString).filter((type): type is string => type !== undefined);
	const accelerated = types.filter(isAcceleratedType);
	if (accelerated.length > 0) {
		return { what: accelerated.join(', '), type: accelerated.length === 1 ? accelerated[0] : undefined };
	}
	if (!acceleratorKey) {
		return undefined;
	}
	for (const block of objectsIn(getAll(body, acceleratorKey))) {
		const count = literalNumber(get(block, 'count'));
		if (count !== undefined && count > 0) {
			const gpu = literalString(get(block, 'type')) ?? 'accelerator';
			const machine = types.length === 1 ? `${types[0]} with ` : '';
			return { what: `${machine}${count} × ${gpu}`, type: undefined };
		}
	}
	return undefined;
}

/**
 * The resource of `type` that a value names, when it is written plainly in the same file:
 * Terraform's `aws_launch_template.gpu.id` (or `"${...}"` in Terraform JSON), CloudFormation's
 * `!Ref GpuTemplate` and `!GetAtt GpuTemplate.LaunchTemplateId`. Anything else is not followed.
 */
export function referencedResource(file: ParsedFile, value: ValueNode | undefined, type: string): Resource | undefined {
	const name = referencedName(value, type);
	return name === undefined ? undefined : file.resources.find(resource => resource.type === type && resource.name === name);
}

function referencedName(value: ValueNode | undefined, type: string): string | undefined {
	if (!value) {
		return undefined;
	}
	if (value.kind === 'object') {
		const ref = literalString(get(value, 'Ref'));
		const getAtt = get(value, 'Fn::GetAtt');
		return ref ?? (getAtt?.kind === 'array' ? literalString(getAtt.items[0]) : undefined);
	}
	const text = value.kind === 'expression' ? value.text : value.kind === 'string' && !value.isLiteral ? value.value.replace(/^\$\{(.*)\}$/s, '$1') : undefined;
	const match = text?.trim().match(/^([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)\.[a-z_]+$/);
	return match && match[1] === type ? match[2] : undefined;
}
