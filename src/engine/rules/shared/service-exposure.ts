import type { ParsedFile } from '../../model/file';
import type { ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { get, getAll, literalString, objectsIn } from '../../model/query';
import { isWholeInternet, normalizeProtocol } from './network';
import { openingAt, portRangeOf, type Exposure, type Opening } from './opening';

/**
 * Kubernetes Services of type LoadBalancer, which a cloud provider puts on a public address
 * unless told otherwise: as manifests (`kind: Service`) and as Terraform's `kubernetes_service`.
 * Every listed port is exposed when no source range limits it. NodePort Services are left out:
 * whether a node port is reachable depends on the nodes' own firewall, which is not in the file.
 */

interface Keys {
	readonly ports: string;
	readonly sourceRanges: string;
}

const MANIFEST: Keys = { ports: 'ports', sourceRanges: 'loadBalancerSourceRanges' };
const TERRAFORM: Keys = { ports: 'port', sourceRanges: 'load_balancer_source_ranges' };

const REMEDY = 'Set the load balancer source ranges to your network or VPN, make the load balancer internal, or use a ClusterIP Service and port-forwarding (AUP section 3).';

/** Annotations that keep a cloud load balancer on the private network, with the value that does it. */
const INTERNAL_ANNOTATIONS: Readonly<Record<string, string>> = {
	'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
	'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
	'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
	'service.beta.kubernetes.io/oci-load-balancer-internal': 'true',
	'networking.gke.io/load-balancer-type': 'internal',
	'cloud.google.com/load-balancer-type': 'internal',
};

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export function serviceExposures(file: ParsedFile): Exposure[] {
	const exposures: Exposure[] = [];
	for (const resource of file.resources) {
		const keys = resource.type === 'Service' ? MANIFEST
			: resource.type === 'kubernetes_service' || resource.type === 'kubernetes_service_v1' ? TERRAFORM : undefined;
		const spec = get(resource.body, 'spec');
		if (!keys || spec?.kind !== 'object' || literalString(get(spec, 'type')) !== 'LoadBalancer') {
			continue;
		}
		const annotations = get(get(resource.body, 'metadata'), 'annotations');
		if (isInternal(annotations)) {
			continue;
		}
		const limited = sourceRangeOpenings(spec, keys, annotations);
		if (limited === 'limited') {
			continue;
		}
		for (const port of objectsIn(getAll(spec, keys.ports))) {
			const number = get(port, 'port');
			const ports = number && portRangeOf(number);
			if (!number || !ports) {
				continue;
			}
			const openings: readonly Opening[] = limited.length > 0 ? limited
				: [{ span: number.span, source: `type LoadBalancer without ${keys.sourceRanges}` }];
			exposures.push({ resource, protocol: normalizeProtocol(literalString(get(port, 'protocol')) ?? 'tcp'), ports, openings, remedy: REMEDY });
		}
	}
	return exposures;
}

function isInternal(annotations: ValueNode | undefined): boolean {
	if (annotations?.kind !== 'object') {
		return false;
	}
	return annotations.entries.some(entry => {
		const wanted = INTERNAL_ANNOTATIONS[entry.key];
		return wanted !== undefined && literalString(entry.value)?.trim().toLowerCase() === wanted;
	});
}

/**
 * Source ranges are a union, so one range that is the whole internet opens the load balancer to
 * it: those ranges are returned. None written (or an empty list) leaves it open too, and returns
 * none. Otherwise, or when a range is computed, the ranges limit who can connect.
 */
function sourceRangeOpenings(spec: ObjectNode, keys: Keys, annotations: ValueNode | undefined): Opening[] | 'limited' {
	const ranges = getAll(spec, keys.sourceRanges);
	const annotated = get(annotations, SOURCE_RANGES_ANNOTATION);
	if (annotated !== undefined) {
		ranges.push(annotated);
	}
	if (ranges.some(node => node.kind !== 'string' || !node.isLiteral)) {
		return 'limited';
	}
	const open = (ranges as StringNode[]).filter(node => node.value.split(',').some(isWholeInternet)).map(openingAt);
	return open.length > 0 || ranges.length === 0 ? open : 'limited';
}
