// The bare parse the engine is compared against: the same libraries the engine's parsers use,
// called directly with nothing built on top (no model, no rules). Shell scripts have no library
// parser (the engine reads them itself), so their bare parse costs nothing and counts against
// the engine in the ratio.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Loads the libraries (and the Terraform grammar) once; returns a parse function per file name. */
export async function createBareParser() {
	const { Parser, Language } = require('web-tree-sitter');
	const { parseAllDocuments } = require('yaml');
	const { parseTree } = require('jsonc-parser');
	const { DockerfileParser } = require('dockerfile-ast');
	await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')) });
	const language = await Language.load(readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')));
	const tsParser = new Parser();
	tsParser.setLanguage(language);
	const parseTerraform = text => {
		const tree = tsParser.parse(text);
		tree?.delete();
	};
	const parse = (path, text) => {
		if (path.endsWith('.tf')) {
			parseTerraform(text);
		} else if (path.endsWith('.yaml') || path.endsWith('.yml')) {
			parseAllDocuments(text);
		} else if (path.endsWith('.json')) {
			parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
		} else if (/(^|\/)Dockerfile$/.test(path)) {
			DockerfileParser.parse(text);
		}
	};
	return { parse, tsParser, dispose: () => tsParser.delete() };
}
