import { MappedText } from '../mapped-text';

/*
 * Decoders for plain, single-quoted and double-quoted scalars that keep where each character
 * came from. They follow the `yaml` package's own decoding step by step (line folding, trimming,
 * escapes), so the value they build is the one `yaml` resolved; the caller checks that and falls
 * back to a coarse map if a corner case of broken input ever makes them differ.
 */

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;

/** A plain scalar written at `text.slice(start, end)`. */
export function decodePlain(text: string, start: number, end: number): MappedText {
	const out = new MappedText(text, start);
	unfold(text, start, end, out, (from, to) => out.copy(from, to));
	return out;
}

/** A single-quoted scalar at `text.slice(start, end)`, quotes included. */
export function decodeSingleQuoted(text: string, start: number, end: number): MappedText {
	const out = new MappedText(text, start + 1);
	unfold(text, start + 1, Math.max(start + 1, end - 1), out, (from, to) => {
		// `''` stands for one quote: copy the first, skip the second.
		let at = text.indexOf('\'\'', from);
		while (at !== -1 && at + 1 < to) {
			out.copy(from, at + 1);
			from = at + 2;
			at = text.indexOf('\'\'', from);
		}
		out.copy(from, to);
	});
	return out;
}

/**
 * Folds lines the way YAML does for flow scalars: a single line break becomes a space, each
 * empty line a line break, and the white space around breaks goes.
 */
function unfold(text: string, start: number, end: number, out: MappedText, copyLine: (from: number, to: number) => void): void {
	let newline = findNewline(text, start, end);
	if (newline === -1) {
		copyLine(start, end);
		return;
	}
	copyLine(start, trimEnd(text, start, lineContentEnd(text, start, newline)));
	let sep = ' ';
	let pos = newline + 1;
	newline = findNewline(text, pos, end);
	while (newline !== -1) {
		const from = trimStart(text, pos, newline);
		const to = trimEnd(text, from, lineContentEnd(text, from, newline));
		if (from === to) {
			if (sep === '\n') {
				out.put('\n');
			} else {
				sep = '\n';
			}
		} else {
			out.put(sep);
			copyLine(from, to);
			sep = ' ';
		}
		pos = newline + 1;
		newline = findNewline(text, pos, end);
	}
	out.put(sep);
	copyLine(trimStart(text, pos, end), end);
}

/** A double-quoted scalar at `text.slice(start, end)`, quotes included. */
export function decodeDoubleQuoted(text: string, start: number, end: number): MappedText {
	const out = new MappedText(text, start + 1);
	const stop = end - 1;
	const at = (index: number): number => (index < end ? text.charCodeAt(index) : -1);
	let run = start + 1;
	let i = start + 1;
	while (i < stop) {
		const ch = text.charCodeAt(i);
		if (ch === CR && at(i + 1) === LF) {
			out.copy(run, i);
			run = i += 1;
		} else if (ch === LF) {
			out.copy(run, i);
			let fold = '';
			let j = i;
			for (let next = at(j + 1); next === SPACE || next === TAB || next === LF || next === CR; next = at(j + 1)) {
				if (next === CR && at(j + 2) !== LF) {
					break;
				}
				if (next === LF) {
					fold += '\n';
				}
				j++;
			}
			out.put(fold || ' ');
			run = i = j + 1;
		} else if (ch === BACKSLASH) {
			out.copy(run, i);
			run = i = decodeEscape(text, i, end, out);
		} else if (ch === SPACE || ch === TAB) {
			let j = i;
			while (at(j + 1) === SPACE || at(j + 1) === TAB) {
				j++;
			}
			// White space before a line break is dropped; elsewhere it stays in the run.
			if (at(j + 1) === LF || (at(j + 1) === CR && at(j + 2) === LF)) {
				out.copy(run, i);
				run = j + 1;
			}
			i = j + 1;
		} else {
			i++;
		}
	}
	out.copy(run, i);
	return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
	'0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
	N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

const HEX_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Decodes the escape whose backslash is at `slash`; returns where the text after it starts. */
function decodeEscape(text: string, slash: number, end: number, out: MappedText): number {
	const next = text[slash + 1];
	const simple = ESCAPES[next];
	if (simple !== undefined) {
		out.put(simple, slash, slash + 2);
		return slash + 2;
	}
	if (next === '\n' || (next === '\r' && text[slash + 2] === '\n')) {
		// An escaped line break joins the lines; the next line's indentation goes too.
		let j = next === '\n' ? slash + 2 : slash + 3;
		while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) {
			j++;
		}
		return j;
	}
	const hexLength = HEX_LENGTHS[next];
	if (hexLength !== undefined) {
		const digits = text.slice(slash + 2, Math.min(slash + 2 + hexLength, end));
		const code = digits.length === hexLength && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
		out.put(code <= 0x10ffff ? String.fromCodePoint(code) : text.slice(slash, Math.min(slash + 2 + hexLength, end)), slash, Math.min(slash + 2 + hexLength, end));
		return slash + 2 + hexLength;
	}
	// Not an escape YAML knows: `yaml` keeps both characters as written.
	out.copy(slash, Math.min(slash + 2, end));
	return slash + 2;
}

function findNewline(text: string, from: number, end: number): number {
	const index = text.indexOf('\n', from);
	return index === -1 || index >= end ? -1 : index;
}

/** The end of a line's content: before its `\r\n` or `\n`. */
function lineContentEnd(text: string, lineStart: number, newline: number): number {
	return newline > lineStart && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
}

function trimStart(text: string, from: number, to: number): number {
	while (from < to && isBlank(text.charCodeAt(from))) {
		from++;
	}
	return from;
}

function trimEnd(text: string, from: number, to: number): number {
	while (to > from && isBlank(text.charCodeAt(to - 1))) {
		to--;
	}
	return to;
}

function isBlank(code: number): boolean {
	return code === SPACE || code === TAB;
}
