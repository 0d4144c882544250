import { createScanner } from 'jsonc-parser';
import type { Comment } from '../../model/file';

/**
 * How many arrays and objects deep a file may nest. jsonc-parser recurses once per level and
 * overflows the stack somewhere past 10,000 levels, which would take the extension host down;
 * no real template nests anywhere near this (a CDKTF file stays under 20).
 */
export const MAX_DEPTH = 400;

// jsonc-parser's SyntaxKind is a `const enum`; its values are part of its published API.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

export interface Prescan {
	readonly comments: Comment[];
	/** The text to parse: the source, or a copy of it with too-deep values blanked out. */
	readonly text: string;
	/** Offsets where a too-deep value started; the parser sees a `0` there, the model a cut-off. */
	readonly cuts: ReadonlySet<number>;
	readonly firstCut: number | undefined;
	/** True when the file holds nothing but blanks and comments. */
	readonly empty: boolean;
}

/**
 * One flat pass of the tokenizer, before parsing: it collects the comments (the parse tree drops
 * them) and blanks out every value that opens deeper than `MAX_DEPTH`, keeping all offsets, so
 * the recursive parser never goes deeper than that.
 */
export function prescan(source: string): Prescan {
	// jsonc-parser rejects the byte order mark Windows tools write first; a space keeps the offsets.
	const text = source.startsWith('\uFEFF') ? ` ${source.slice(1)}` : source;
	const scanner = createScanner(text, false);
	const comments: Comment[] = [];
	const cutSpans: [number, number][] = [];
	let depth = 0;
	let cutStart = -1;
	let empty = true;
	for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
		const offset = scanner.getTokenOffset();
		switch (kind) {
			case LINE_COMMENT:
			case BLOCK_COMMENT:
				// jsonc-parser counts one character too many for a `/*` that ends the text unclosed.
				comments.push(comment(text, offset, Math.min(text.length, offset + scanner.getTokenLength()), kind === BLOCK_COMMENT));
				continue;
			case OPEN_BRACE:
			case OPEN_BRACKET:
				depth++;
				if (depth > MAX_DEPTH && cutStart < 0) {
					cutStart = offset;
				}
				break;
			case CLOSE_BRACE:
			case CLOSE_BRACKET:
				if (depth > 0) {
					depth--;
				}
				if (cutStart >= 0 && depth === MAX_DEPTH) {
					cutSpans.push([cutStart, offset + 1]);
					cutStart = -1;
				}
				break;
			default:
				break;
		}
		empty &&= kind === LINE_BREAK || kind === TRIVIA;
	}
	if (cutStart >= 0) {
		cutSpans.push([cutStart, text.length]);
	}
	return { comments, text: blankOut(text, cutSpans), cuts: new Set(cutSpans.map(([start]) => start)), firstCut: cutSpans[0]?.[0], empty };
}

/** `// x` and `/* x *\/` without their markers, as the suppression reader expects. */
function comment(text: string, start: number, end: number, block: boolean): Comment {
	let to = end;
	if (block && end - start >= 4 && text.startsWith('*/', end - 2)) {
		to -= 2;
	}
	return { span: { start, end }, text: text.slice(start + 2, to) };
}

/** Each span becomes `0` and spaces: a valid value of the same length, so nothing else moves. */
function blankOut(text: string, spans: readonly [number, number][]): string {
	if (spans.length === 0) {
		return text;
	}
	const parts: string[] = [];
	let at = 0;
	for (const [start, end] of spans) {
		parts.push(text.slice(at, start), '0', ' '.repeat(Math.max(0, end - start - 1)));
		at = end;
	}
	parts.push(text.slice(at));
	return parts.join('');
}
