import type { ParsedFile } from '../model/file';

/**
 * Line-level helpers for edits that must fit the user's layout: where a line starts and ends,
 * its indentation, and the line break and indentation step the file already uses.
 */

export function lineStartAt(text: string, offset: number): number {
	let start = Math.max(0, Math.min(offset, text.length));
	while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') {
		start--;
	}
	return start;
}

/** The offset just past the line's last character, before its line break. */
export function lineEndAt(text: string, offset: number): number {
	let end = Math.max(0, Math.min(offset, text.length));
	while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
		end++;
	}
	return end;
}

/** The start of the next line, or undefined when the offset is on the last line. */
export function nextLineStart(text: string, offset: number): number | undefined {
	const end = lineEndAt(text, offset);
	if (end >= text.length) {
		return undefined;
	}
	return text.startsWith('\r\n', end) ? end + 2 : end + 1;
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
	const start = lineStartAt(text, offset);
	let end = start;
	while (end < text.length && (text[end] === ' ' || text[end] === '\t')) {
		end++;
	}
	return text.slice(start, end);
}

/** True when only spaces and tabs come before `offset` on its line. */
export function startsItsLine(text: string, offset: number): boolean {
	return /^[ \t]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/** True when nothing but whitespace or a line comment follows `offset` on its line. */
export function restOfLineIsBlank(text: string, offset: number, commentMarkers: readonly string[]): boolean {
	const rest = text.slice(offset, lineEndAt(text, offset)).trim();
	return rest === '' || commentMarkers.some(marker => rest.startsWith(marker));
}

/** The file's line break: CRLF when its first line ends with one. */
export function lineBreakOf(text: string): string {
	const first = text.indexOf('\n');
	return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * One step of indentation as the file writes it: a tab when its lines are indented with tabs
 * (HCL allows that), otherwise the smallest indentation of any line, or two spaces.
 */
export function indentUnitOf(file: Pick<ParsedFile, 'text' | 'format'>): string {
	// Every fix of a scan asks about the same file, so the last answer is kept. Equal strings
	// compare fast when they are the same string, which is the usual case here.
	if (lastIndentUnit && lastIndentUnit.text === file.text && lastIndentUnit.format === file.format) {
		return lastIndentUnit.unit;
	}
	const unit = measureIndentUnit(file);
	lastIndentUnit = { text: file.text, format: file.format, unit };
	return unit;
}

let lastIndentUnit: { readonly text: string; readonly format: ParsedFile['format']; readonly unit: string } | undefined;

function measureIndentUnit(file: Pick<ParsedFile, 'text' | 'format'>): string {
	let smallest = Number.POSITIVE_INFINITY;
	// The first few hundred lines tell the file's habit; a huge file need not be read whole.
	const lines = file.text.slice(0, 20_000).split(/\r?\n|\r/);
	for (const line of lines) {
		if (line.startsWith('\t') && file.format === 'terraform') {
			return '\t';
		}
		const spaces = /^ +(?=\S)/.exec(line)?.[0].length ?? 0;
		if (spaces > 0 && spaces < smallest) {
			smallest = spaces;
		}
	}
	return ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 2);
}
