import type { Comment, ParsedFile } from '../../model/file';
import type { Span } from '../../model/range';
import { LineIndex } from '../../text/line-index';
import { syntaxErrorNote } from '../tree-sitter-note';
import type { ParseInput } from '../parser';
import { buildDeclarations } from './declarations';
import type { SyntaxTree } from './syntax';

/** The located model of one Bicep file, from its copied syntax tree. */
export function buildFile(input: ParseInput, tree: SyntaxTree): ParsedFile {
	const { text } = input;
	const { root, resources } = buildDeclarations(text, tree.root);
	return {
		path: input.path,
		format: 'bicep',
		text,
		lines: new LineIndex(text),
		roots: [root],
		resources,
		comments: tree.comments.map(span => comment(text, span)),
		notes: tree.problem ? [syntaxErrorNote(text, tree.problem, 'Bicep')] : [],
	};
}

/** An empty model with one note, for when tree-sitter returns no tree (a cancelled parse). */
export function unreadableFile(input: ParseInput): ParsedFile {
	return {
		path: input.path,
		format: 'bicep',
		text: input.text,
		lines: new LineIndex(input.text),
		roots: [{ kind: 'object', span: { start: 0, end: input.text.length }, entries: [] }],
		resources: [],
		comments: [],
		notes: [{ span: { start: 0, end: 0 }, message: 'This file could not be read as Bicep, so it was not checked.' }],
	};
}

/** `// x` and `/* x *\/` without their markers; a `\r` the grammar counts in is dropped. */
function comment(text: string, span: Span): Comment {
	let end = span.end;
	while (end > span.start && text.charCodeAt(end - 1) === 0x0d) {
		end--;
	}
	const from = span.start + 2;
	const to = text.startsWith('/*', span.start) && end - span.start >= 4 && text.startsWith('*/', end - 2) ? end - 2 : end;
	return { span: { start: span.start, end }, text: text.slice(from, Math.max(from, to)) };
}
