import type { ArrayNode, Entry, ExpressionNode, ObjectNode, ValueNode } from '../../model/nodes';
import type { Span } from '../../model/range';
import { stringValue } from './strings';
import type { SyntaxNode } from './syntax';

/**
 * Past this depth values become opaque expressions: tree-sitter builds trees as deep as the input
 * nests (`[[[[...`, `1 + 1 + ...`), and no real template nests anywhere near this.
 */
export const MAX_DEPTH = 100;

/** Node types `valueAt` turns into something more precise than an expression. */
const LITERAL_TYPES = new Set(['string', 'number', 'boolean', 'null', 'object', 'array']);

/** What the builder hands back for resources nested in an object (`resource child '...' = {}`). */
export type NestedResource = (declaration: SyntaxNode, depth: number) => ValueNode | undefined;

export interface ValueContext {
	readonly text: string;
	/** Called for each `resource` declared inside an object; returns the child's body. */
	readonly nested: NestedResource;
}

/** The model value of an expression node: literals, strings, objects and arrays, anything else an expression. */
export function valueAt(context: ValueContext, node: SyntaxNode, depth: number): ValueNode {
	const { text } = context;
	const span = spanOf(node);
	if (depth > MAX_DEPTH) {
		return expression(context, node, false, depth);
	}
	switch (node.type) {
		case 'string':
			return stringValue(text, node);
		case 'number': {
			const value = Number(text.slice(node.start, node.end));
			return Number.isFinite(value) ? { kind: 'number', span, value } : expression(context, node, false, depth);
		}
		case 'boolean':
			return { kind: 'boolean', span, value: text.startsWith('true', node.start) };
		case 'null':
			return { kind: 'null', span };
		case 'object':
			return objectAt(context, node, depth);
		case 'array':
			return arrayAt(context, node, depth);
		case 'unary_expression':
			return negativeNumber(context, node, depth) ?? expression(context, node, true, depth);
		default:
			return expression(context, node, true, depth);
	}
}

function objectAt(context: ValueContext, node: SyntaxNode, depth: number): ObjectNode {
	const entries: Entry[] = [];
	for (const property of node.children) {
		if (property.type !== 'object_property') {
			continue;
		}
		const [first, value] = property.children;
		if (first?.type === 'resource_declaration') {
			// A child resource sits in its parent's body the way ARM nests it, under `resources`.
			const body = context.nested(first, depth + 1);
			if (body) {
				entries.push({ key: 'resources', keySpan: { start: first.start, end: first.start + 'resource'.length }, value: body, span: spanOf(first) });
			}
			continue;
		}
		if (first === undefined || value === undefined || first.type === 'decorators') {
			continue;
		}
		entries.push({ key: keyOf(context, first), keySpan: spanOf(first), value: valueAt(context, value, depth + 1), span: spanOf(property) });
	}
	return { kind: 'object', span: spanOf(node), entries };
}

/** `name`, `'name'`, or `name?` (a key that may be absent), as Bicep reads it. */
function keyOf(context: ValueContext, key: SyntaxNode): string {
	if (key.type === 'string') {
		return stringValue(context.text, key).value;
	}
	const written = context.text.slice(key.start, key.end);
	return key.type === 'compatible_identifier' ? written.replace(/\?$/, '') : written;
}

function arrayAt(context: ValueContext, node: SyntaxNode, depth: number): ArrayNode {
	const items = node.children.filter(child => child.type !== 'decorators' && child.type !== 'ERROR').map(child => valueAt(context, child, depth + 1));
	return { kind: 'array', span: spanOf(node), items };
}

/** `-(5)` is an operator; a plain `-5` is already a number in the grammar. */
function negativeNumber(context: ValueContext, node: SyntaxNode, depth: number): ValueNode | undefined {
	const operand = node.children.length === 1 ? node.children[0] : undefined;
	if (!operand || context.text.charAt(node.start) !== '-') {
		return undefined;
	}
	const value = valueAt(context, operand, depth + 1);
	return value.kind === 'number' ? { kind: 'number', span: spanOf(node), value: -value.value } : undefined;
}

/**
 * A value known only at deploy time: a reference, a call (`base64(...)`, `loadTextContent(...)`),
 * a condition or a loop. Its `parts` are the outermost literal values inside it, found with an
 * explicit stack rather than by recursion, so operator chains of any length cost no call stack.
 */
function expression(context: ValueContext, node: SyntaxNode, withParts: boolean, depth: number): ExpressionNode {
	const parts: ValueNode[] = [];
	if (withParts) {
		const pending: SyntaxNode[] = [...node.children].reverse();
		for (let next = pending.pop(); next; next = pending.pop()) {
			if (LITERAL_TYPES.has(next.type)) {
				parts.push(valueAt(context, next, depth + 1));
			} else if (next.type === 'resource_declaration') {
				const body = context.nested(next, depth + 1);
				if (body) {
					parts.push(body);
				}
			} else {
				for (let i = next.children.length - 1; i >= 0; i--) {
					pending.push(next.children[i]);
				}
			}
		}
	}
	return { kind: 'expression', span: spanOf(node), text: context.text.slice(node.start, node.end), parts };
}

export function spanOf(node: SyntaxNode): Span {
	return { start: node.start, end: node.end };
}
