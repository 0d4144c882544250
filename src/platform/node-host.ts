import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ParserHost } from '../engine/parse/parser';

/**
 * Where each WebAssembly file lives when running from sources (tests, `out/`) rather than
 * from a bundle, which has them copied beside it.
 */
const PACKAGE_PATHS: Readonly<Record<string, string>> = {
	'web-tree-sitter.wasm': 'web-tree-sitter/web-tree-sitter.wasm',
	'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
	'tree-sitter-bicep.wasm': 'tree-sitter-bicep/tree-sitter-bicep.wasm',
};

/** A parser host for Node: the wasm next to the running bundle, else from node_modules. */
export function createNodeHost(bundleDir: string = __dirname): ParserHost {
	return {
		async loadWasm(fileName: string): Promise<Uint8Array> {
			try {
				return await readFile(path.join(bundleDir, fileName));
			} catch (error) {
				const packagePath = PACKAGE_PATHS[fileName];
				if (!packagePath) {
					throw error;
				}
				return readFile(require.resolve(packagePath));
			}
		},
	};
}
