import { parseTree, type Node } from 'jsonc-parser';
import { sourceOffset, sourceSpan, type Entry, type StringNode, type ValueNode } from '../../model/nodes';

/**
 * Structured values that a configuration writes as JSON text or through an encoder: IAM policy
 * documents and ECS container definitions as Terraform heredocs, `jsonencode({...})` calls or
 * CloudFormation objects. Whatever the spelling, rules get one located value tree, with spans
 * that point into the file (through the string's offset map for JSON inside a string).
 */
export function structuredValue(node: ValueNode | undefined): ValueNode | undefined {
	switch (node?.kind) {
		case 'object':
		case 'array':
			return node;
		case 'string':
			return embeddedJson(node);
		case 'expression':
			// `jsonencode({...})`: the literal object inside the call.
			return node.parts.find(part => part.kind === 'object' || part.kind === 'array');
		default:
			return undefined;
	}
}

/** Only strings that look like JSON are kept: a WeakMap entry outlives its short-lived key (see model/memo.ts). */
const cache = new WeakMap<StringNode, ValueNode | null>();

/** The JSON a string holds, or undefined when it does not start like a JSON object or array. */
export function embeddedJson(node: StringNode): ValueNode | undefined {
	const trimmed = node.value.trimStart();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
		return undefined;
	}
	let value = cache.get(node);
	if (value === undefined) {
		const tree = parseTree(node.value, [], { allowTrailingComma: true });
		value = tree ? convert(node, tree, 0) : null;
		cache.set(node, value);
	}
	return value ?? undefined;
}

/** JSON nested deeper than this is left out: policies and container definitions are shallow. */
const MAX_DEPTH = 64;

function convert(outer: StringNode, json: Node, depth: number): ValueNode {
	const span = sourceSpan(outer, json.offset, json.offset + json.length);
	switch (json.type) {
		case 'object': {
			const entries: Entry[] = [];
			for (const property of depth < MAX_DEPTH ? json.children ?? [] : []) {
				const [key, value] = property.children ?? [];
				if (key?.type === 'string' && value) {
					entries.push({
						key: String(key.value),
						keySpan: sourceSpan(outer, key.offset, key.offset + key.length),
						value: convert(outer, value, depth + 1),
						span: sourceSpan(outer, property.offset, property.offset + property.length),
					});
				}
			}
			return { kind: 'object', span, entries };
		}
		case 'array':
			return { kind: 'array', span, items: depth < MAX_DEPTH ? (json.children ?? []).map(child => convert(outer, child, depth + 1)) : [] };
		case 'string': {
			const value = String(json.value);
			// Escapes make the value shorter than the text; its map is then exact at its start only.
			const start = sourceOffset(outer.map, json.offset + 1);
			return {
				kind: 'string',
				span,
				value,
				map: { segments: [{ valueStart: 0, sourceStart: start, length: value.length }] },
				isLiteral: outer.isLiteral || !value.includes('${'),
			};
		}
		case 'number':
			return { kind: 'number', span, value: Number(json.value) };
		case 'boolean':
			return { kind: 'boolean', span, value: json.value === true };
		default:
			return { kind: 'null', span };
	}
}
