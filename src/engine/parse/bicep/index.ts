import { Parser as TreeSitter } from 'web-tree-sitter';
import type { ParsedFile } from '../../model/file';
import type { ParseInput, Parser, ParserHost } from '../parser';
import { loadLanguage } from '../tree-sitter-runtime';
import { buildFile, unreadableFile } from './file';
import { copyTree, typeTable } from './syntax';

interface Loaded {
	readonly parser: TreeSitter;
	readonly types: readonly (string | undefined)[];
}

/**
 * Bicep (`.bicep`) with web-tree-sitter, whose error recovery keeps what parsed in a half-typed
 * file. The grammar loads on the first parse, through the runtime the Terraform parser shares.
 * Bicep files are small, so each tree is copied out and freed at once rather than kept for
 * incremental reparsing.
 */
export function createBicepParser(host: ParserHost): Parser {
	let loading: Promise<Loaded> | undefined;

	const load = (): Promise<Loaded> => {
		if (!loading) {
			loading = loadLanguage(host, 'tree-sitter-bicep.wasm').then(language => {
				const parser = new TreeSitter();
				parser.setLanguage(language);
				return { parser, types: typeTable(language) };
			});
			// A failed load is retried on the next parse rather than remembered.
			loading.catch(() => { loading = undefined; });
		}
		return loading;
	};

	return {
		async parse(input: ParseInput): Promise<ParsedFile> {
			const { parser, types } = await load();
			const tree = parser.parse(input.text);
			if (!tree) {
				return unreadableFile(input);
			}
			try {
				return buildFile(input, copyTree(tree, types));
			} finally {
				tree.delete();
			}
		},
		dispose(): void {
			const current = loading;
			loading = undefined;
			void current?.then(loaded => loaded.parser.delete(), () => undefined);
		},
	};
}
