import { Parser as TreeSitter, type Tree } from 'web-tree-sitter';
import type { ParsedFile } from '../../model/file';
import { LineIndex } from '../../text/line-index';
import type { ParseInput, Parser, ParserHost, PreparedSyntax } from '../parser';
import { buildFile } from './file';
import { flattenTree } from './flat-tree';
import { kindTable } from './node-kinds';
import { TreeStore } from './tree-store';
import { loadLanguage } from '../tree-sitter-runtime';

interface Loaded {
	readonly parser: TreeSitter;
	readonly kinds: Uint8Array;
}

/**
 * Terraform HCL (`.tf`, `.tfvars`) with web-tree-sitter, whose error recovery keeps what parsed
 * in a half-typed file. The grammar loads on the first parse. With `host.incremental` (the editor)
 * each file's tree is kept and reused for its next parse; without it (the CLI) every tree is freed
 * as soon as the model is built.
 */
export function createTerraformParser(host: ParserHost): Parser {
	let loading: Promise<Loaded> | undefined;
	const store = new TreeStore();

	const load = (): Promise<Loaded> => {
		if (!loading) {
			loading = loadLanguage(host, 'tree-sitter-terraform.wasm').then(language => {
				const parser = new TreeSitter();
				parser.setLanguage(language);
				return { parser, kinds: kindTable(language) };
			});
			// A failed load is retried on the next parse rather than remembered.
			loading.catch(() => { loading = undefined; });
		}
		return loading;
	};

	return {
		async parse(input: ParseInput): Promise<ParsedFile> {
			if (input.prepared?.format === 'terraform' && !host.incremental) {
				return buildFile(input, input.prepared.tree);
			}
			const { parser, kinds } = await load();
			return host.incremental ? parseKept(parser, kinds, store, input) : parseOnce(parser, kinds, input);
		},
		async prepare(input: ParseInput): Promise<PreparedSyntax | undefined> {
			const { parser, kinds } = await load();
			const tree = parser.parse(input.text);
			if (!tree) {
				return undefined;
			}
			try {
				return { format: 'terraform', tree: flattenTree(tree, kinds, input.text) };
			} finally {
				tree.delete();
			}
		},
		forget(path: string): void {
			store.forget(path);
		},
		dispose(): void {
			store.clear();
			const current = loading;
			loading = undefined;
			void current?.then(loaded => loaded.parser.delete(), () => undefined);
		},
	};
}

function parseOnce(parser: TreeSitter, kinds: Uint8Array, input: ParseInput): ParsedFile {
	const tree = parser.parse(input.text);
	if (!tree) {
		return unreadable(input);
	}
	try {
		return buildFile(input, flattenTree(tree, kinds, input.text));
	} finally {
		tree.delete();
	}
}

function parseKept(parser: TreeSitter, kinds: Uint8Array, store: TreeStore, input: ParseInput): ParsedFile {
	const same = store.unchanged(input.path, input.text);
	if (same) {
		return same;
	}
	let tree: Tree | null = null;
	try {
		tree = store.parse(parser, input.path, input.text);
		if (!tree) {
			store.forget(input.path);
			return unreadable(input);
		}
		const file = buildFile(input, flattenTree(tree, kinds, input.text));
		store.keep(input.path, tree, input.text, file);
		return file;
	} catch (error) {
		// The kept tree was edited for a text it no longer matches: drop both.
		store.forget(input.path);
		tree?.delete();
		throw error;
	}
}

/** Only when tree-sitter returns no tree at all, which it does when a parse is cancelled. */
function unreadable(input: ParseInput): ParsedFile {
	const span = { start: 0, end: 0 };
	return {
		path: input.path,
		format: 'terraform',
		text: input.text,
		lines: new LineIndex(input.text),
		roots: [{ kind: 'object', span: { start: 0, end: input.text.length }, entries: [] }],
		resources: [],
		comments: [],
		notes: [{ span, message: 'This file could not be read as Terraform, so it was not checked.' }],
	};
}
