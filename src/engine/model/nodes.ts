import type { Span } from './range';

/**
 * The located value tree every parser produces. It is shaped like JSON so that one rule
 * reads Terraform, CloudFormation, Kubernetes and Compose alike: a Terraform block
 * `resource "t" "n" { ... }` becomes nested objects the way Terraform's JSON syntax writes it,
 * and a repeated block (`ingress { } ingress { }`) becomes repeated entries with one key.
 */
export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode | ExpressionNode;

export interface ObjectNode {
	readonly kind: 'object';
	readonly span: Span;
	readonly entries: readonly Entry[];
}

export interface Entry {
	readonly key: string;
	readonly keySpan: Span;
	readonly value: ValueNode;
	/** From the key through the end of the value. */
	readonly span: Span;
}

export interface ArrayNode {
	readonly kind: 'array';
	readonly span: Span;
	readonly items: readonly ValueNode[];
}

export interface StringNode {
	readonly kind: 'string';
	/** The span of the whole literal in the source, quotes or heredoc markers included. */
	readonly span: Span;
	/** The decoded value; interpolations (`${...}`) are kept verbatim. */
	readonly value: string;
	/** Where each part of `value` sits in the source, so a rule can point inside a script. */
	readonly map: OffsetMap;
	/** False when the value is a template with interpolations or intrinsic functions: not known until deploy. */
	readonly isLiteral: boolean;
}

export interface NumberNode {
	readonly kind: 'number';
	readonly span: Span;
	readonly value: number;
}

export interface BooleanNode {
	readonly kind: 'boolean';
	readonly span: Span;
	readonly value: boolean;
}

export interface NullNode {
	readonly kind: 'null';
	readonly span: Span;
}

/**
 * A value only known at deploy time: a reference (`var.x`, `!Ref X`), a function call, an operator.
 * `parts` holds the literal values written inside it (the heredoc inside `base64encode(...)`),
 * so scripts and secrets inside expressions are still seen.
 */
export interface ExpressionNode {
	readonly kind: 'expression';
	readonly span: Span;
	readonly text: string;
	readonly parts: readonly ValueNode[];
}

/**
 * Maps offsets in a decoded string value to offsets in the source. Each segment is a run of
 * characters copied verbatim (no escapes, no stripped indentation) from source to value.
 */
export interface OffsetMap {
	readonly segments: readonly MapSegment[];
}

export interface MapSegment {
	readonly valueStart: number;
	readonly sourceStart: number;
	readonly length: number;
	/**
	 * For an escape (a segment of length 0 at its backslash): how long the escape is in the source,
	 * so a range that ends on the characters it stands for ends after the whole escape.
	 */
	readonly escapeLength?: number;
}

/** A map for a value copied verbatim from `sourceStart`. */
export function verbatimMap(sourceStart: number, length: number): OffsetMap {
	return { segments: [{ valueStart: 0, sourceStart, length }] };
}

/** The source offset of a value offset; offsets inside an escape map to the escape's start. */
export function sourceOffset(map: OffsetMap, valueOffset: number): number {
	const chosen = segmentAt(map, valueOffset);
	if (!chosen) {
		return 0;
	}
	const delta = Math.min(Math.max(0, valueOffset - chosen.valueStart), chosen.length);
	return chosen.sourceStart + delta;
}

/** The source span of `value.slice(start, end)`; one that ends on an escape's result ends after the escape. */
export function sourceSpan(node: StringNode, start: number, end: number): Span {
	const from = sourceOffset(node.map, start);
	if (end <= start) {
		return { start: from, end: from };
	}
	const last = segmentAt(node.map, end - 1);
	const to = last && last.length === 0 && last.escapeLength !== undefined
		? last.sourceStart + last.escapeLength
		: sourceOffset(node.map, end - 1) + 1;
	return { start: from, end: Math.max(from, to) };
}

/** The last segment that starts at or before `valueOffset`. */
function segmentAt(map: OffsetMap, valueOffset: number): MapSegment | undefined {
	const segments = map.segments;
	let chosen = segments[0];
	for (const segment of segments) {
		if (segment.valueStart > valueOffset) {
			break;
		}
		chosen = segment;
	}
	return chosen;
}
