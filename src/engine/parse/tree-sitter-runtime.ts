import { Language, Parser as TreeSitter } from 'web-tree-sitter';
import type { ParserHost } from './parser';
import { useModuleExports } from './tree-cursor';

/*
 * web-tree-sitter keeps one wasm module per process: initialising it twice would replace the
 * module under languages and parsers already made. So initialisation, like each grammar, happens
 * once per process for every tree-sitter parser (Terraform, Bicep), from bytes the host hands
 * over; nothing is fetched or located by path, which keeps this code the same in Node and in the
 * browser.
 */

let initialising: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

export function initTreeSitter(host: ParserHost): Promise<void> {
	initialising ??= host.loadWasm('web-tree-sitter.wasm')
		.then(async wasmBinary => {
			// Emscripten turns this object into the module: walks call its cursor exports directly.
			const moduleObject = { wasmBinary };
			await TreeSitter.init(moduleObject);
			useModuleExports(moduleObject);
		})
		.catch((error: unknown) => {
			// A host that failed once (a file not yet copied, a fetch that timed out) may succeed later.
			initialising = undefined;
			throw error;
		});
	return initialising;
}

/** A grammar, loaded on first use and shared by every parser in the process. */
export function loadLanguage(host: ParserHost, wasmFile: string): Promise<Language> {
	let loading = languages.get(wasmFile);
	if (!loading) {
		loading = initTreeSitter(host)
			.then(() => host.loadWasm(wasmFile))
			.then(bytes => Language.load(bytes));
		loading.catch(() => languages.delete(wasmFile));
		languages.set(wasmFile, loading);
	}
	return loading;
}
