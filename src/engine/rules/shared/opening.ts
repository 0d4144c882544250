import type { Resource } from '../../model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../model/nodes';
import { literalNumber, literalString } from '../../model/query';
import type { Span } from '../../model/range';
import { parsePortRange, type PortRange, type Protocol } from './network';

/**
 * Ports a resource opens to the whole internet, read alike from every provider's firewall:
 * AWS security groups, Azure network security groups, GCP firewalls and Kubernetes
 * LoadBalancer Services. Rules about exposed ports read only this.
 */
export interface Exposure {
	readonly resource: Resource;
	/** Undefined when the protocol is computed at deploy time. */
	readonly protocol: Protocol | undefined;
	/** Undefined when the ports are computed or not written. */
	readonly ports: PortRange | undefined;
	readonly openings: readonly Opening[];
	/** What to do instead, in the provider's own terms; one sentence that cites the AUP. */
	readonly remedy: string;
}

/** Where a finding points (an open source, or the exposed port when no source is written) and how a message names the source. */
export interface Opening {
	readonly span: Span;
	readonly source: string;
	/** The source as written, for fixes that narrow it; none when no source is written (a load balancer without source ranges). */
	readonly node?: StringNode;
}

/** An opening at a literal source value, quoted the way it is written. */
export function openingAt(node: StringNode): Opening {
	return { span: sourceSpan(node, 0, node.value.length), source: node.value.trim(), node };
}

/** A port or range written as a number or a string (`22`, `'22'`, `'1000-2000'`, `'*'`). */
export function portRangeOf(node: ValueNode): PortRange | undefined {
	const number = literalNumber(node);
	if (number !== undefined) {
		return parsePortRange(number);
	}
	const text = literalString(node);
	return text === undefined ? undefined : parsePortRange(text);
}
