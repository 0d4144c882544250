import type { Node as JsonNode } from 'jsonc-parser';
import type { Entry, ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { span, type Span } from '../../model/range';
import { MAX_DEPTH } from './prescan';

/** What differs between the JSON formats: how a string is read, and what a key does to its value. */
export interface JsonDialect {
	/** The located string for the literal at `[start, end)` (quotes included). */
	readonly string: (text: string, start: number, end: number) => StringNode;
	/** A chance to reinterpret a value by its key (CloudFormation's `Fn::Sub` makes a template). */
	readonly entryValue?: (key: string, value: ValueNode) => ValueNode;
}

export interface ConvertInput {
	/** The source: strings are decoded from it, so their maps point at what the user wrote. */
	readonly text: string;
	/** Offsets where a too-deep value was blanked out before parsing. */
	readonly cuts: ReadonlySet<number>;
	readonly dialect: JsonDialect;
}

/** The located model of jsonc-parser's tree; spans are jsonc-parser's offsets (UTF-16 code units). */
export function convertJson(input: ConvertInput, node: JsonNode): ValueNode {
	return convert(input, node, 0);
}

function convert(input: ConvertInput, node: JsonNode, depth: number): ValueNode {
	const at = span(node.offset, node.offset + node.length);
	if (input.cuts.has(node.offset) || depth > MAX_DEPTH) {
		return { kind: 'expression', span: span(node.offset, node.offset), text: '…', parts: [] };
	}
	switch (node.type) {
		case 'object':
			return object(input, node, at, depth);
		case 'array':
			return { kind: 'array', span: at, items: (node.children ?? []).map(child => convert(input, child, depth + 1)) };
		case 'string':
			return input.dialect.string(input.text, at.start, at.end);
		case 'number':
			return typeof node.value === 'number' ? { kind: 'number', span: at, value: node.value } : nullAt(at);
		case 'boolean':
			return { kind: 'boolean', span: at, value: node.value === true };
		default:
			// `null`, and a property node where a value was expected (not produced by the parser).
			return nullAt(at);
	}
}

function object(input: ConvertInput, node: JsonNode, at: Span, depth: number): ObjectNode {
	const entries: Entry[] = [];
	for (const property of node.children ?? []) {
		const [keyNode, valueNode] = property.children ?? [];
		if (property.type !== 'property' || keyNode?.type !== 'string') {
			continue;
		}
		const keySpan = span(keyNode.offset, keyNode.offset + keyNode.length);
		const key = input.dialect.string(input.text, keySpan.start, keySpan.end).value;
		// A half-typed `"key":` has no value yet: it reads as null where the value would go.
		const missingAt = property.colonOffset !== undefined ? property.colonOffset + 1 : keySpan.end;
		let value = valueNode ? convert(input, valueNode, depth + 1) : nullAt(span(missingAt, missingAt));
		value = input.dialect.entryValue?.(key, value) ?? value;
		entries.push({ key, keySpan, value, span: span(keySpan.start, Math.max(keySpan.end, value.span.end)) });
	}
	return { kind: 'object', span: at, entries };
}

function nullAt(at: Span): ValueNode {
	return { kind: 'null', span: at };
}
