import type { ArrayNode, Entry, ExpressionNode, ObjectNode, ValueNode } from '../../model/nodes';
import { childOfKind, childrenOf, type FlatTree } from './flat-tree';
import { Kind } from './node-kinds';
import { heredocString, quotedString } from './strings';

/**
 * Past this depth values become opaque expressions. Tree-sitter happily builds trees 100,000
 * levels deep (`1 + 1 + ...`, `[[[[...`), and no real configuration nests anywhere near this.
 */
export const MAX_DEPTH = 100;

const QUOTE = 0x22;

/** What the builders share while turning one flat tree into the model. */
export interface BuildContext {
	readonly flat: FlatTree;
	readonly text: string;
}

/**
 * The model value of a syntax node that holds one: literals, strings and templates, tuples and
 * objects, and anything else as an expression that keeps the literal values written inside it.
 */
export function valueAt(context: BuildContext, index: number, depth: number): ValueNode {
	const { flat, text } = context;
	// Wrappers are unwrapped in a loop: `((((x))))` nests as deep as the parentheses go.
	let node = index;
	while (isWrapper(flat.kinds[node])) {
		// `expression` is also what `a.b[0]` parses to, so only a lone child is unwrapped.
		const children = childrenOf(flat, node);
		if (children.length === 0 && (flat.kinds[node] === Kind.LiteralValue || flat.kinds[node] === Kind.Expression)) {
			return literalFromText(context, node);
		}
		if (children.length !== 1 || !isValueKind(flat.kinds[children[0]])) {
			return expression(context, node, depth <= MAX_DEPTH, depth);
		}
		node = children[0];
	}
	if (depth > MAX_DEPTH) {
		return expression(context, node, false, depth);
	}
	switch (flat.kinds[node]) {
		case Kind.NumericLit:
			return { kind: 'number', span: spanOf(flat, node), value: Number(text.slice(flat.starts[node], flat.ends[node])) };
		case Kind.BoolLit:
			return { kind: 'boolean', span: spanOf(flat, node), value: text.startsWith('true', flat.starts[node]) };
		case Kind.NullLit:
			return { kind: 'null', span: spanOf(flat, node) };
		case Kind.StringLit:
		case Kind.QuotedTemplate:
			return quotedString(flat, text, node);
		case Kind.HeredocTemplate:
			return heredocString(flat, text, node);
		case Kind.Tuple:
			return tupleAt(context, node, depth);
		case Kind.Object:
			return objectAt(context, node, depth);
		case Kind.Operation:
			return negativeNumber(context, node, depth) ?? expression(context, node, true, depth);
		default:
			return expression(context, node, true, depth);
	}
}

function isWrapper(kind: number): boolean {
	return kind === Kind.Expression || kind === Kind.LiteralValue || kind === Kind.CollectionValue || kind === Kind.TemplateExpr;
}

/** Node kinds that `valueAt` turns into something more precise than an expression. */
function isValueKind(kind: number): boolean {
	return kind === Kind.Expression || kind === Kind.LiteralValue || kind === Kind.CollectionValue
		|| kind === Kind.TemplateExpr || kind === Kind.NumericLit || kind === Kind.BoolLit || kind === Kind.NullLit
		|| kind === Kind.StringLit || kind === Kind.QuotedTemplate || kind === Kind.HeredocTemplate
		|| kind === Kind.Tuple || kind === Kind.Object || kind === Kind.Operation;
}

/** Where literal values start inside an expression; their subtrees are not searched further. */
function isLiteralKind(kind: number): boolean {
	return kind === Kind.LiteralValue || kind === Kind.CollectionValue || kind === Kind.TemplateExpr
		|| kind === Kind.StringLit || kind === Kind.QuotedTemplate || kind === Kind.HeredocTemplate
		|| kind === Kind.Tuple || kind === Kind.Object;
}

/**
 * A value known only at deploy time. Its `parts` are the outermost literal values inside it, found
 * by a flat scan of its subtree rather than by recursion, so `1 + 1 + ...` chains of any length
 * cost no stack.
 */
function expression(context: BuildContext, index: number, withParts: boolean, depth: number): ExpressionNode {
	const { flat, text } = context;
	const parts: ValueNode[] = [];
	if (withParts) {
		const end = flat.after[index];
		for (let child = index + 1; child < end;) {
			if (isLiteralKind(flat.kinds[child])) {
				parts.push(valueAt(context, child, depth + 1));
				child = flat.after[child];
			} else {
				child++;
			}
		}
	}
	return { kind: 'expression', span: spanOf(flat, index), text: text.slice(flat.starts[index], flat.ends[index]), parts };
}

/**
 * A literal or a plain name the tree walk did not enter (see flattenTree): in an error-free tree
 * the text tells a string, number, bool or null from a reference.
 */
function literalFromText(context: BuildContext, index: number): ValueNode {
	const { flat, text } = context;
	const start = flat.starts[index];
	if (text.charCodeAt(start) === QUOTE) {
		return quotedString(flat, text, index);
	}
	const word = text.slice(start, flat.ends[index]);
	if (word === 'true' || word === 'false') {
		return { kind: 'boolean', span: spanOf(flat, index), value: word === 'true' };
	}
	if (word === 'null') {
		return { kind: 'null', span: spanOf(flat, index) };
	}
	const value = Number(word);
	return word !== '' && !Number.isNaN(value) ? { kind: 'number', span: spanOf(flat, index), value } : expression(context, index, false, MAX_DEPTH);
}

/** `-1` is an operator in HCL, but rules compare ports and sizes: `from_port = -1` means all ports. */
function negativeNumber(context: BuildContext, index: number, depth: number): ValueNode | undefined {
	const { flat, text } = context;
	const unary = childOfKind(flat, index, Kind.UnaryOperation);
	if (unary < 0 || text.charAt(flat.starts[unary]) !== '-') {
		return undefined;
	}
	const operands = childrenOf(flat, unary);
	if (operands.length !== 1 || flat.kinds[operands[0]] !== Kind.LiteralValue) {
		return undefined;
	}
	const operand = valueAt(context, operands[0], depth + 1);
	return operand.kind === 'number' ? { kind: 'number', span: spanOf(flat, index), value: -operand.value } : undefined;
}

function tupleAt(context: BuildContext, index: number, depth: number): ArrayNode {
	const { flat } = context;
	const items: ValueNode[] = [];
	for (const child of childrenOf(flat, index)) {
		if (flat.kinds[child] === Kind.Expression) {
			items.push(valueAt(context, child, depth + 1));
		}
	}
	return { kind: 'array', span: spanOf(flat, index), items };
}

function objectAt(context: BuildContext, index: number, depth: number): ObjectNode {
	const { flat } = context;
	const entries: Entry[] = [];
	for (const element of childrenOf(flat, index)) {
		if (flat.kinds[element] !== Kind.ObjectElem) {
			continue;
		}
		const [key, value] = childrenOf(flat, element).filter(child => flat.kinds[child] === Kind.Expression);
		if (key === undefined || value === undefined) {
			continue;
		}
		entries.push({
			key: objectKey(context, key, depth),
			keySpan: spanOf(flat, key),
			value: valueAt(context, value, depth + 1),
			span: spanOf(flat, element),
		});
	}
	return { kind: 'object', span: spanOf(flat, index), entries };
}

/** An object key: a bare name or a string as Terraform reads it; any other expression as written. */
function objectKey(context: BuildContext, index: number, depth: number): string {
	const { flat, text } = context;
	if (flat.after[index] === index + 1 && text.charCodeAt(flat.starts[index]) === QUOTE) {
		// Not walked into (see flattenTree): a quoted key is read from its text.
		return quotedString(flat, text, index).value;
	}
	const key = valueAt(context, index, depth + 1);
	return key.kind === 'string' ? key.value : text.slice(flat.starts[index], flat.ends[index]);
}

export function spanOf(flat: FlatTree, index: number): { start: number; end: number } {
	return { start: flat.starts[index], end: flat.ends[index] };
}
