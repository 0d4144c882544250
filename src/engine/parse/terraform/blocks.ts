import type { Resource } from '../../model/file';
import type { Entry, ObjectNode, ValueNode } from '../../model/nodes';
import type { Span } from '../../model/range';
import { childrenOf } from './flat-tree';
import { Kind } from './node-kinds';
import { quotedString } from './strings';
import { MAX_DEPTH, spanOf, valueAt, type BuildContext } from './values';

export interface BuiltBody {
	readonly root: ObjectNode;
	readonly resources: readonly Resource[];
}

/**
 * The whole file as one object shaped like Terraform's JSON syntax: `resource "t" "n" { ... }`
 * is `resource` -> `t` -> `n` -> body, and a repeated block is a repeated entry with one key.
 */
export function buildRoot(context: BuildContext): BuiltBody {
	const resources: Resource[] = [];
	const entries: Entry[] = [];
	const { flat, text } = context;
	if (flat.count > 0) {
		// A file that is one object (`{ ... }`, as a .tfvars may be) reads as that object's entries.
		for (const child of childrenOf(flat, 0)) {
			if (flat.kinds[child] === Kind.Object) {
				const value = valueAt(context, child, 1);
				entries.push(...(value.kind === 'object' ? value.entries : []));
			}
		}
		addBodyEntries(context, 0, 0, entries, resources);
	}
	// A nested resource (see blockEntry) is found before the block around it.
	resources.sort((a, b) => a.span.start - b.span.start);
	return { root: { kind: 'object', span: { start: 0, end: text.length }, entries }, resources };
}

/**
 * Adds the attributes and blocks under `index` (a body, or the file). Error recovery wraps
 * whatever it could not place in ERROR nodes, which often still hold whole attributes and blocks:
 * they are read too, so a half-typed file yields everything that parsed.
 */
function addBodyEntries(context: BuildContext, index: number, depth: number, into: Entry[], resources: Resource[]): void {
	const { flat } = context;
	for (const child of childrenOf(flat, index)) {
		switch (flat.kinds[child]) {
			case Kind.Attribute: {
				const entry = attributeEntry(context, child, depth);
				if (entry) {
					into.push(entry);
				}
				break;
			}
			case Kind.Block:
				into.push(blockEntry(context, child, depth, resources));
				break;
			case Kind.Body:
			case Kind.Error:
				if (depth < MAX_DEPTH) {
					addBodyEntries(context, child, depth + 1, into, resources);
				}
				break;
			default:
				// Comments are collected separately; stray tokens carry nothing to scan.
				break;
		}
	}
}

function attributeEntry(context: BuildContext, index: number, depth: number): Entry | undefined {
	const { flat, text } = context;
	const children = childrenOf(flat, index);
	const name = children[0];
	// Recovery can put an ERROR between the name and the value; the value is the last expression.
	let valueIndex = children.length - 1;
	while (valueIndex >= 0 && flat.kinds[children[valueIndex]] !== Kind.Expression) {
		valueIndex--;
	}
	if (name === undefined || flat.kinds[name] !== Kind.Identifier || valueIndex < 1) {
		return undefined;
	}
	const value = children[valueIndex];
	const key = retypedKey(context, children[valueIndex - 1]) ?? spanOf(flat, name);
	return {
		key: text.slice(key.start, key.end),
		keySpan: key,
		value: valueAt(context, value, depth + 1),
		span: { start: key.start, end: flat.ends[index] },
	};
}

/**
 * `ami = ` left half-typed above `instance_type = "t3"` parses as `ami` with an ERROR holding
 * `instance_type =` and then the value. The value is instance_type's, not ami's: this returns
 * the name in such an ERROR.
 */
function retypedKey(context: BuildContext, index: number): Span | undefined {
	const { flat, text } = context;
	// Such an ERROR is one short line; recovery can also wrap the rest of the file in one.
	if (flat.kinds[index] !== Kind.Error || flat.ends[index] - flat.starts[index] > 200) {
		return undefined;
	}
	const match = /^([A-Za-z_][\w-]*)\s*=$/.exec(text.slice(flat.starts[index], flat.ends[index]));
	return match ? { start: flat.starts[index], end: flat.starts[index] + match[1].length } : undefined;
}

interface Label {
	readonly text: string;
	readonly span: Span;
}

function blockEntry(context: BuildContext, index: number, depth: number, resources: Resource[]): Entry {
	const { flat, text } = context;
	const children = childrenOf(flat, index);
	const type = children[0] !== undefined && flat.kinds[children[0]] === Kind.Identifier ? children[0] : undefined;
	const labels: Label[] = [];
	let inBody = false;
	let bodyStart = flat.ends[index];
	let bodyEnd = flat.ends[index];
	const entries: Entry[] = [];
	for (const child of type === undefined ? children : children.slice(1)) {
		const kind = flat.kinds[child];
		if (kind === Kind.StringLit && !inBody) {
			labels.push({ text: quotedString(flat, text, child).value, span: spanOf(flat, child) });
		} else if (kind === Kind.Identifier && !inBody) {
			labels.push({ text: text.slice(flat.starts[child], flat.ends[child]), span: spanOf(flat, child) });
		} else if (kind === Kind.BlockStart) {
			inBody = true;
			bodyStart = flat.starts[child];
		} else if (kind === Kind.BlockEnd && flat.ends[child] > flat.starts[child]) {
			bodyEnd = flat.ends[child];
		} else if ((kind === Kind.Body || kind === Kind.Error) && depth < MAX_DEPTH) {
			addBodyEntries(context, child, depth + 1, entries, resources);
		}
	}
	const body: ObjectNode = { kind: 'object', span: { start: Math.min(bodyStart, bodyEnd), end: bodyEnd }, entries };
	const blockSpan = spanOf(flat, index);
	const blockType = type === undefined ? '' : text.slice(flat.starts[type], flat.ends[type]);
	if (blockType === 'resource' && labels.length >= 2) {
		// Also inside another block: a resource whose closing brace is not typed yet swallows the next ones.
		resources.push({
			type: labels[0].text,
			name: labels[1].text,
			span: blockSpan,
			headerSpan: { start: labels[0].span.start, end: labels[1].span.end },
			body,
		});
	}
	let value: ValueNode = body;
	for (let i = labels.length - 1; i >= 0; i--) {
		const nested = { start: labels[i].span.start, end: blockSpan.end };
		value = { kind: 'object', span: nested, entries: [{ key: labels[i].text, keySpan: labels[i].span, value, span: nested }] };
	}
	return {
		key: blockType,
		keySpan: type === undefined ? { start: blockSpan.start, end: blockSpan.start } : spanOf(flat, type),
		value,
		span: blockSpan,
	};
}
