import type { ParsedFile } from '../model/file';
import type { FlatTree } from './terraform/flat-tree';

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
	/** What `Parser.prepare` worked out from this same text, maybe on another thread. */
	readonly prepared?: PreparedSyntax;
}

/**
 * The part of a parse that needs the text alone, as plain data (numbers and typed arrays) that
 * can be handed to another thread: so the CLI can parse on one thread while it runs rules on
 * another. Today only Terraform's has any: its syntax tree, which is most of a Terraform parse.
 */
export interface PreparedSyntax {
	readonly format: 'terraform';
	readonly tree: FlatTree;
}

/** Parsers never throw on bad input: what they cannot read becomes a `ParseNote`. */
export interface Parser {
	parse(input: ParseInput): Promise<ParsedFile> | ParsedFile;
	/** The part of `parse` that can run elsewhere, for parsers that have one; never throws on bad input. */
	prepare?(input: ParseInput): Promise<PreparedSyntax | undefined>;
	/** Frees what the parser keeps for the file (an incremental parse tree), when it is closed. */
	forget?(path: string): void;
	dispose?(): void;
}
