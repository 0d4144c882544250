import type { Language, Tree } from 'web-tree-sitter';
import type { Span } from '../../model/range';
import { walkTree } from '../tree-cursor';

/**
 * A Bicep syntax tree copied out of wasm in one cursor walk, named nodes only, so the model is
 * built in plain JS and the wasm tree is freed at once (every cursor step crosses into wasm).
 * Keywords and punctuation are left out: the builder reads what it needs of them from the text.
 */
export interface SyntaxNode {
	readonly type: string;
	/** UTF-16 offsets: web-tree-sitter parses JS strings as UTF-16, so its indices are code units. */
	readonly start: number;
	readonly end: number;
	readonly children: SyntaxNode[];
}

export interface SyntaxTree {
	readonly root: SyntaxNode;
	/** `//` and `/* *\/` comments in document order; `#disable-next-line` diagnostics are not comments. */
	readonly comments: readonly Span[];
	/** The earliest ERROR or MISSING node, if the parse had to recover from a syntax error. */
	readonly problem: Span | undefined;
}

/** Per node type id: its name when it is a named type, else undefined. Built once per language. */
export function typeTable(language: Language): (string | undefined)[] {
	const table: (string | undefined)[] = [];
	for (let id = 0; id < language.nodeTypeCount; id++) {
		table.push(language.nodeTypeIsNamed(id) ? language.nodeTypeForId(id) ?? undefined : undefined);
	}
	return table;
}

export function copyTree(tree: Tree, types: readonly (string | undefined)[]): SyntaxTree {
	// Read before the walk starts: a walk's cursor lives in the buffer other tree-sitter calls use.
	const hasError = tree.rootNode.hasError;
	const cursor = walkTree(tree);
	const comments: Span[] = [];
	let problem: Span | undefined;
	const root: SyntaxNode = { type: 'infrastructure', start: cursor.start(), end: cursor.end(), children: [] };
	// The named node that receives the current node; anonymous nodes pass their children up.
	let container = root;
	const containers: SyntaxNode[] = [];
	try {
		if (!cursor.firstChild()) {
			return { root, comments, problem };
		}
		for (;;) {
			const typeId = cursor.typeId();
			// ERROR's id (65535) lies outside the language's table.
			const type = typeId < types.length ? types[typeId] : 'ERROR';
			const start = cursor.start();
			const end = cursor.end();
			if (type === 'ERROR' || (hasError && cursor.isMissing())) {
				if (!problem || start < problem.start) {
					problem = { start, end };
				}
			}
			let node = container;
			if (type === 'comment') {
				comments.push({ start, end });
			} else if (type !== undefined && type !== 'diagnostic_comment') {
				node = { type, start, end, children: [] };
				container.children.push(node);
			}
			if (type !== 'comment' && cursor.firstChild()) {
				containers.push(container);
				container = node;
				continue;
			}
			let done = false;
			while (!cursor.nextSibling()) {
				const parent = containers.pop();
				if (!parent || !cursor.parent()) {
					done = true;
					break;
				}
				container = parent;
			}
			if (done) {
				break;
			}
		}
	} finally {
		cursor.close();
	}
	return { root, comments, problem };
}
