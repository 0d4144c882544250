import type { Tree } from 'web-tree-sitter';
import type { Span } from '../../model/range';
import { walkTree } from '../tree-cursor';
import { ANONYMOUS, Descend, descendRule, Kind } from './node-kinds';

/**
 * A syntax tree copied out of wasm in one cursor walk: the named nodes in document order, each
 * with its kind, its span and where its subtree ends. Every cursor step crosses into wasm, so
 * the tree is read exactly once and then freed; the model is built from these arrays in plain JS.
 * Anonymous nodes (punctuation, keywords) are left out: the builder reads what it needs of them
 * from the source text.
 */
export interface FlatTree {
	readonly count: number;
	readonly kinds: Uint8Array;
	/** UTF-16 offsets: web-tree-sitter parses JS strings as UTF-16, so its indices are code units. */
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	/** The index just past the node's last descendant; the next sibling, if there is one. */
	readonly after: Int32Array;
	/** Indices of comment nodes, in document order. */
	readonly comments: readonly number[];
	/** The earliest ERROR or MISSING node, if the parse had to recover from a syntax error. */
	readonly problem: Span | undefined;
}

export function flattenTree(tree: Tree, kindOf: Uint8Array, text: string): FlatTree {
	const root = tree.rootNode;
	const hasError = root.hasError;
	// An upper bound: it counts anonymous nodes too, which are not kept.
	const capacity = Math.max(1, root.descendantCount);
	const kinds = new Uint8Array(capacity);
	const starts = new Int32Array(capacity);
	const ends = new Int32Array(capacity);
	const after = new Int32Array(capacity);
	const comments: number[] = [];
	const open: number[] = [];
	let problem: Span | undefined;
	const noteProblem = (start: number, end: number): void => {
		if (!problem || start < problem.start) {
			problem = { start, end };
		}
	};

	const descendRules = DESCEND_RULES;
	const cursor = walkTree(tree);
	let count = 0;
	try {
		for (;;) {
			const typeId = cursor.typeId();
			// ERROR's id (65535) lies outside the language's table.
			const kind = typeId < kindOf.length ? kindOf[typeId] : Kind.Error;
			if (kind !== ANONYMOUS) {
				const index = count++;
				const start = cursor.start();
				const end = cursor.end();
				kinds[index] = kind;
				starts[index] = start;
				ends[index] = end;
				if (kind === Kind.Comment) {
					comments.push(index);
				} else if (kind === Kind.Error || (hasError && start === end && cursor.isMissing())) {
					noteProblem(start, end);
				}
				// An object's key is read as text: `name`, `"name"` or `(var.name)`.
				const parent = open.length > 0 ? open[open.length - 1] : -1;
				const isKey = parent >= 0 && index === parent + 1 && kinds[parent] === Kind.ObjectElem;
				const rule = isKey ? Descend.IfErrorsOrComment : descendRules[kind];
				const plain = kind === Kind.Expression && !hasError && isDottedName(text, start, end);
				if (!plain && shouldDescend(rule, hasError, text, start, end) && cursor.firstChild()) {
					open.push(index);
					continue;
				}
				after[index] = count;
			} else if (hasError && cursor.isMissing()) {
				noteProblem(cursor.start(), cursor.start());
			}
			let done = false;
			while (!cursor.nextSibling()) {
				if (!cursor.parent()) {
					done = true;
					break;
				}
				const parent = open.pop();
				if (parent !== undefined) {
					after[parent] = count;
				}
			}
			if (done) {
				break;
			}
		}
	} finally {
		cursor.close();
	}
	return { count, kinds, starts, ends, after, comments, problem };
}

const DESCEND_RULES: readonly Descend[] = Array.from({ length: 256 }, (_, kind) => descendRule(kind));

function shouldDescend(rule: Descend, hasError: boolean, text: string, start: number, end: number): boolean {
	switch (rule) {
		case Descend.Always:
			return true;
		case Descend.Never:
			return false;
		case Descend.IfErrors:
			return hasError;
		default:
			return hasError || mayHoldComment(text, start, end);
	}
}

/**
 * `var.vpc_id`, `aws_subnet.private.id`, `each.value`, `true`, `null`: an expression that is only a
 * name and attribute steps holds no literal the model needs, so the walk does not enter it.
 */
function isDottedName(text: string, start: number, end: number): boolean {
	const first = text.charCodeAt(start);
	if (!(isLetter(first) || first === 0x5f /* _ */)) {
		return false;
	}
	for (let i = start + 1; i < end; i++) {
		const code = text.charCodeAt(i);
		if (!(isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d /* - */ || code === 0x2e /* . */ || code === 0x2a /* * */)) {
			return false;
		}
	}
	return true;
}

function isLetter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Whether `#`, `//` or `/*` could start inside the range: then the walk enters it to find the comment. */
function mayHoldComment(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x23 /* # */ || code === 0x2f /* / */) {
			return true;
		}
	}
	return false;
}

/** The index of the first child of `index` that has `kind`, or -1. */
export function childOfKind(flat: FlatTree, index: number, kind: Kind): number {
	for (let child = index + 1; child < flat.after[index]; child = flat.after[child]) {
		if (flat.kinds[child] === kind) {
			return child;
		}
	}
	return -1;
}

/** The direct children of `index`, comments left out (they can sit anywhere, even inside expressions). */
export function childrenOf(flat: FlatTree, index: number): number[] {
	const children: number[] = [];
	for (let child = index + 1; child < flat.after[index]; child = flat.after[child]) {
		if (flat.kinds[child] !== Kind.Comment) {
			children.push(child);
		}
	}
	return children;
}
