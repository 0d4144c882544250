import type { ParsedFile } from '../model/file';

/** What parsers need from their host: the extension, the web extension or the CLI. */
export interface ParserHost {
	/**
	 * Reads a WebAssembly file shipped next to the bundle (`web-tree-sitter.wasm`,
	 * `tree-sitter-terraform.wasm`). Node reads the file; the browser fetches the extension's URL.
	 */
	loadWasm(fileName: string): Promise<Uint8Array>;
	/**
	 * Set by the editor: parsers may keep per-file state (a syntax tree) between parses of the same
	 * path, so a one-character edit reparses only what changed. It costs memory until `forget(path)`
	 * or `dispose()`. Leave it unset where each file is parsed once (the CLI): nothing is then kept.
	 */
	readonly incremental?: boolean;
}

export interface ParseInput {
	readonly path: string;
	readonly text: string;
}

/** Parsers never throw on bad input: what they cannot read becomes a `ParseNote`. */
export interface Parser {
	parse(input: ParseInput): Promise<ParsedFile> | ParsedFile;
	/** Frees what the parser keeps for the file (an incremental parse tree), when it is closed. */
	forget?(path: string): void;
	dispose?(): void;
}
