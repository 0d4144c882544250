import type { CST } from 'yaml';
import { MappedText } from '../mapped-text';

/** A line of a block scalar's body, as offsets into the whole text. */
interface BodyLine {
	readonly start: number;
	/** Count of leading spaces (tabs are content in YAML). */
	readonly indent: number;
	/** Where the content ends, before `\r\n` or `\n`. */
	readonly end: number;
}

export interface BlockScalarText {
	readonly text: MappedText;
	/** Where the header (`|`, `>-`, `|2+`) ends, for the literal's span when its body is empty. */
	readonly headerEnd: number;
}

/**
 * Decodes a `|` or `>` block scalar with one map segment per line, indentation stripped, so a
 * finding can point at one command of a multi-line script. Follows the `yaml` package's
 * resolution (indentation detection, folding, chomping) so the value matches what it resolved.
 */
export function decodeBlockScalar(text: string, token: CST.BlockScalar): BlockScalarText {
	const header = readHeader(token);
	const bodyStart = token.offset + header.length;
	const out = new MappedText(text, bodyStart);
	const result = { text: out, headerEnd: token.offset + header.source.length };
	const lines = token.source ? splitLines(text, bodyStart, bodyStart + token.source.length) : [];
	let chompStart = lines.length;
	while (chompStart > 0 && isEmpty(lines[chompStart - 1])) {
		chompStart--;
	}
	if (chompStart === 0) {
		out.put(header.chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '');
		return result;
	}
	let trimIndent = token.indent + header.indent;
	let contentStart = 0;
	for (let i = 0; i < chompStart; i++) {
		const line = lines[i];
		if (isEmpty(line)) {
			if (header.indent === 0 && line.indent > trimIndent) {
				trimIndent = line.indent;
			}
			continue;
		}
		if (header.indent === 0) {
			trimIndent = line.indent;
		}
		contentStart = i;
		break;
	}
	// Empty lines at the end that are indented more than the text still belong to it.
	for (let i = lines.length - 1; i >= chompStart; i--) {
		if (lines[i].indent > trimIndent) {
			chompStart = i + 1;
		}
	}
	for (let i = 0; i < contentStart; i++) {
		copyExtraIndent(out, lines[i], trimIndent);
		out.put('\n');
	}
	if (header.mode === '|') {
		literalLines(out, lines, contentStart, chompStart, trimIndent);
	} else {
		foldedLines(text, out, lines, contentStart, chompStart, trimIndent);
	}
	if (header.chomp === '+') {
		for (let i = chompStart; i < lines.length; i++) {
			out.put('\n');
			copyExtraIndent(out, lines[i], trimIndent);
		}
		if (!out.value.endsWith('\n')) {
			out.put('\n');
		}
	} else if (header.chomp !== '-') {
		out.put('\n');
	}
	return result;
}

function literalLines(out: MappedText, lines: readonly BodyLine[], from: number, to: number, trimIndent: number): void {
	for (let i = from; i < to; i++) {
		if (i > from) {
			out.put('\n');
		}
		copyLine(out, lines[i], trimIndent);
	}
}

/** `>`: lines join with a space, except around more-indented lines and where lines are empty. */
function foldedLines(text: string, out: MappedText, lines: readonly BodyLine[], from: number, to: number, trimIndent: number): void {
	let sep = '';
	let previousMoreIndented = false;
	for (let i = from; i < to; i++) {
		const line = lines[i];
		const contentStart = line.start + line.indent;
		if (line.indent > trimIndent || (contentStart < line.end && text.charCodeAt(contentStart) === 9 /* tab */)) {
			if (sep === ' ') {
				sep = '\n';
			} else if (!previousMoreIndented && sep === '\n') {
				sep = '\n\n';
			}
			out.put(sep);
			copyLine(out, line, trimIndent);
			sep = '\n';
			previousMoreIndented = true;
		} else if (contentStart === line.end) {
			if (sep === '\n') {
				out.put('\n');
			} else {
				sep = '\n';
			}
		} else {
			out.put(sep);
			out.copy(contentStart, line.end);
			sep = ' ';
			previousMoreIndented = false;
		}
	}
}

/** A content line without the block's indentation; an under-indented line (an error) keeps none. */
function copyLine(out: MappedText, line: BodyLine, trimIndent: number): void {
	const contentStart = line.start + line.indent;
	if (contentStart < line.end && line.indent < trimIndent) {
		out.copy(contentStart, line.end);
		return;
	}
	out.copy(line.start + Math.min(trimIndent, line.indent), line.end);
}

/** The spaces of an empty line beyond the block's indentation, which the value keeps. */
function copyExtraIndent(out: MappedText, line: BodyLine, trimIndent: number): void {
	out.copy(line.start + Math.min(trimIndent, line.indent), line.start + line.indent);
}

function isEmpty(line: BodyLine): boolean {
	return line.start + line.indent === line.end;
}

function splitLines(text: string, start: number, end: number): BodyLine[] {
	const lines: BodyLine[] = [];
	let lineStart = start;
	for (;;) {
		let newline = text.indexOf('\n', lineStart);
		if (newline === -1 || newline >= end) {
			newline = end;
		}
		let indent = 0;
		while (lineStart + indent < newline && text.charCodeAt(lineStart + indent) === 32) {
			indent++;
		}
		const contentEnd = newline > lineStart + indent && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
		lines.push({ start: lineStart, indent, end: contentEnd });
		if (newline >= end) {
			return lines;
		}
		lineStart = newline + 1;
	}
}

interface Header {
	readonly mode: '|' | '>';
	readonly indent: number;
	readonly chomp: '' | '-' | '+';
	/** The header's own characters. */
	readonly source: string;
	/** Everything before the body: indicator, comment and line break. */
	readonly length: number;
}

function readHeader(token: CST.BlockScalar): Header {
	const source = token.props[0]?.type === 'block-scalar-header' ? token.props[0].source : '|';
	let indent = 0;
	let chomp: Header['chomp'] = '';
	for (const ch of source.slice(1)) {
		if (!chomp && (ch === '-' || ch === '+')) {
			chomp = ch;
		} else if (!indent && Number(ch)) {
			indent = Number(ch);
		}
	}
	let length = 0;
	for (const prop of token.props) {
		length += 'source' in prop && typeof prop.source === 'string' ? prop.source.length : 0;
	}
	return { mode: source[0] === '>' ? '>' : '|', indent, chomp, source, length };
}
