import type { ParsedFile } from '../../model/file';
import { verbatimMap, type ObjectNode, type StringNode } from '../../model/nodes';
import { LineIndex } from '../../text/line-index';
import type { ParseInput, Parser } from '../parser';
import { shellComments } from './comments';

/**
 * Startup scripts (`.sh`, `.bash`, shebang files) and Terraform templates of them (`.tpl`,
 * `.tftpl`): the whole text is one value under the key `script`, so every rule that reads
 * scripts reads it, with ranges that are offsets into the file itself. Nothing here can fail:
 * the text is kept as it is, and only the comments are looked for.
 */
export function createShellParser(): Parser {
	return { parse: parseShell };
}

function parseShell(input: ParseInput): ParsedFile {
	const text = input.text;
	// A byte order mark is not part of the script.
	const start = text.startsWith('\uFEFF') ? 1 : 0;
	const script: StringNode = {
		kind: 'string',
		span: { start, end: text.length },
		value: text.slice(start),
		map: verbatimMap(start, text.length - start),
		isLiteral: !isTemplate(input.path) || !hasInterpolation(text),
	};
	const root: ObjectNode = {
		kind: 'object',
		span: script.span,
		entries: [{ key: 'script', keySpan: { start, end: start }, value: script, span: script.span }],
	};
	return {
		path: input.path,
		format: 'shell',
		text,
		lines: new LineIndex(text),
		roots: [root],
		resources: [],
		comments: shellComments(text, start),
		notes: [],
	};
}

function isTemplate(path: string): boolean {
	return /\.(?:tpl|tftpl)$/i.test(path);
}

/** Terraform fills `${...}` and `%{...}` in a template when it renders it; `$${` is a literal `${`. */
function hasInterpolation(text: string): boolean {
	return /(?:^|[^$%])[$%]\{/.test(text);
}
