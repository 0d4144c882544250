/**
 * Reads the value written after a credential name: quoted, a YAML block scalar, an HCL heredoc, or
 * bare. Every scan stops at the end of its line (or block) and reports how far it read, so the
 * caller never reads the same text twice: that keeps a megabyte-long line linear.
 */

/** How far a bare value runs. */
export type BareMode =
	/** To the end of the line, less a trailing ` # comment`: YAML, .env, tfvars. */
	| 'line'
	/** To the first space or delimiter: CLI flags, `export X=...`, connection strings, query strings. */
	| 'token'
	/** To a closing quote of the string the name sits in: a header inside `-H "Authorization: ..."`. */
	| 'quoted-line';

export interface ValueRequest {
	readonly start: number;
	readonly mode: BareMode;
	/** The quote of a string the name itself sits inside, which also ends the value. */
	readonly enclosingQuote?: string;
	/** Indentation of the name's line, for YAML block scalars. */
	readonly indent: number;
	/** Whether the value may be a YAML block scalar or an HCL heredoc. */
	readonly allowBlock: boolean;
	/** JSON: a bare value's trailing comma is punctuation, not part of it. */
	readonly trimComma: boolean;
	/** Where earlier bare scans ended, shared across one text. */
	readonly memo?: ScanMemo;
}

/**
 * The last bare scan of each kind. A scan that starts inside an earlier one of the same kind ends
 * where it did, so nested names (`a: ${b: ${c: ...`) cost one pass over the line, not one each.
 */
export type ScanMemo = Map<string, { readonly from: number; readonly to: number }>;

export interface ValueSpan {
	readonly start: number;
	readonly end: number;
	readonly quoted: boolean;
	/** Everything up to here was read; scanning resumes after it. */
	readonly readTo: number;
}

export function readValue(text: string, request: ValueRequest): ValueSpan | undefined {
	const { start } = request;
	if (start >= text.length || isBreak(text.charCodeAt(start))) {
		return undefined;
	}
	const first = text[start];
	if (request.allowBlock && (first === '|' || first === '>')) {
		return readBlockScalar(text, start, request.indent);
	}
	if (request.allowBlock && text.startsWith('<<', start)) {
		return readHeredoc(text, start);
	}
	if (first === '\\' && (text[start + 1] === '"' || text[start + 1] === '\'')) {
		// A string inside a string: `\"password\":\"x\"` in a JSON document written in HCL or YAML.
		const end = escapedQuote(text, start + 2, text[start + 1]);
		return { start: start + 2, end, quoted: true, readTo: end };
	}
	if (first === '"' || first === '\'' || first === '`') {
		const end = closingQuote(text, start + 1, first);
		return { start: start + 1, end, quoted: true, readTo: end };
	}
	return readBare(text, request);
}

function readBare(text: string, request: ValueRequest): ValueSpan | undefined {
	const { start, trimComma } = request;
	let end = bareEnd(text, request);
	const readTo = end;
	while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || (trimComma && text[end - 1] === ','))) {
		end--;
	}
	return end > start ? { start, end, quoted: false, readTo } : undefined;
}

function bareEnd(text: string, request: ValueRequest): number {
	const { start, mode, enclosingQuote, memo } = request;
	const memoKey = `${mode}${enclosingQuote ?? ''}`;
	const earlier = memo?.get(memoKey);
	if (earlier && earlier.from <= start && start <= earlier.to) {
		return earlier.to;
	}
	let end = start;
	while (end < text.length && !isBreak(text.charCodeAt(end))) {
		const char = text[end];
		if (char === enclosingQuote) {
			break;
		}
		if (mode === 'token' && TOKEN_END.has(char)) {
			break;
		}
		if (mode !== 'token' && char === '#' && (text[end - 1] === ' ' || text[end - 1] === '\t') && end > start) {
			break;
		}
		end++;
	}
	memo?.set(memoKey, { from: start, to: end });
	return end;
}

/** `key: |` followed by lines indented deeper than the key. */
function readBlockScalar(text: string, start: number, indent: number): ValueSpan | undefined {
	const header = /[|>][-+0-9]{0,3}[ \t]*(?:#[^\r\n]*)?/y;
	header.lastIndex = start;
	const match = header.exec(text);
	const afterHeader = match ? start + match[0].length : start;
	if (!match || (afterHeader < text.length && !isBreak(text.charCodeAt(afterHeader)))) {
		return readBare(text, { start, mode: 'line', indent, allowBlock: false, trimComma: false });
	}
	let first = -1;
	let last = -1;
	let position = nextLine(text, afterHeader);
	while (position < text.length) {
		const end = lineEnd(text, position);
		let contentStart = position;
		while (contentStart < end && (text[contentStart] === ' ' || text[contentStart] === '\t')) {
			contentStart++;
		}
		if (contentStart < end) {
			if (contentStart - position <= indent) {
				break;
			}
			first = first < 0 ? contentStart : first;
			last = end;
		}
		position = nextLine(text, end);
	}
	return first < 0 ? undefined : { start: first, end: last, quoted: true, readTo: last };
}

/** `<<EOF` or `<<-EOF` through the line that holds only the marker; to the end when it never comes. */
function readHeredoc(text: string, start: number): ValueSpan | undefined {
	const header = /<<[-~]?["']?([A-Za-z_][A-Za-z0-9_]{0,40})["']?[ \t]*/y;
	header.lastIndex = start;
	const match = header.exec(text);
	if (!match) {
		return undefined;
	}
	const marker = match[1];
	const bodyStart = nextLine(text, start + match[0].length);
	let position = bodyStart;
	let last = bodyStart;
	while (position < text.length) {
		const end = lineEnd(text, position);
		if (text.slice(position, end).trim() === marker) {
			break;
		}
		last = end;
		position = nextLine(text, end);
	}
	return last > bodyStart ? { start: bodyStart, end: last, quoted: true, readTo: last } : undefined;
}

/** The offset of a closing quote (escapes honoured), or the end of the line when there is none. */
function closingQuote(text: string, from: number, quote: string): number {
	let index = from;
	while (index < text.length && !isBreak(text.charCodeAt(index))) {
		const char = text[index];
		if (char === '\\' && quote !== '\'') {
			index += 2;
			continue;
		}
		if (char === quote) {
			if (quote === '\'' && text[index + 1] === '\'') {
				index += 2;
				continue;
			}
			return index;
		}
		index++;
	}
	return Math.min(index, text.length);
}

/** The offset of the next `\\"` (or `\\'`) on the line, or the end of the line. */
function escapedQuote(text: string, from: number, quote: string): number {
	let index = from;
	while (index < text.length && !isBreak(text.charCodeAt(index))) {
		if (text[index] === '\\' && text[index + 1] === quote) {
			return index;
		}
		index++;
	}
	return index;
}

export function lineEnd(text: string, from: number): number {
	let index = from;
	while (index < text.length && !isBreak(text.charCodeAt(index))) {
		index++;
	}
	return index;
}

function nextLine(text: string, from: number): number {
	const end = lineEnd(text, from);
	if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) {
		return end + 2;
	}
	return end + 1;
}

export function isBreak(code: number): boolean {
	return code === 10 || code === 13;
}

const TOKEN_END = new Set([' ', '\t', ';', '&', ',', '"', '\'', '`', '<', '>', ')', '}', ']', '|', '\\']);
