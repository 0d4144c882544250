import type { MapSegment, StringNode } from '../../model/nodes';
import type { Span } from '../../model/range';

/**
 * An instruction's arguments as Docker reads them: the physical lines joined where they end in
 * the escape character, with comment and blank lines inside the continuation left out. Every
 * character is copied from the source, so `segments` maps each one back to its line.
 */
export interface Logical {
	readonly value: string;
	readonly segments: readonly MapSegment[];
}

/** Joins the continued lines of `text.slice(start, end)`. */
export function logicalText(text: string, start: number, end: number, escape: string): Logical {
	const segments: MapSegment[] = [];
	const parts: string[] = [];
	let length = 0;
	let position = start;
	let first = true;
	while (position < end) {
		const lineEnd = endOfLine(text, position, end);
		const line = text.slice(position, lineEnd);
		// Docker drops comment lines and empty lines met inside a continuation.
		const skipped = !first && (line.trim() === '' || line.trimStart().startsWith('#'));
		let contentEnd = lineEnd;
		let continues = false;
		if (!skipped) {
			const trimmed = line.trimEnd();
			continues = lineEnd < end && trimmed.endsWith(escape);
			contentEnd = continues ? position + trimmed.length - escape.length : lineEnd;
			if (contentEnd > position) {
				segments.push({ valueStart: length, sourceStart: position, length: contentEnd - position });
				parts.push(text.slice(position, contentEnd));
				length += contentEnd - position;
			}
		}
		if (!skipped && !continues) {
			break;
		}
		first = false;
		position = nextLineStart(text, lineEnd);
	}
	return { value: parts.join(''), segments };
}

/** The part of a logical text from `from` to `to` (value offsets), still mapped to the source. */
export function sliceLogical(logical: Logical, from: number, to: number): Logical {
	const segments: MapSegment[] = [];
	for (const segment of logical.segments) {
		const start = Math.max(from, segment.valueStart);
		const end = Math.min(to, segment.valueStart + segment.length);
		if (end > start) {
			segments.push({ valueStart: start - from, sourceStart: segment.sourceStart + start - segment.valueStart, length: end - start });
		}
	}
	return { value: logical.value.slice(from, to), segments };
}

/** Without leading and trailing white space. */
export function trimLogical(logical: Logical): Logical {
	const start = logical.value.length - logical.value.trimStart().length;
	return sliceLogical(logical, start, start + logical.value.trim().length);
}

/** The source offset of a value offset; past the end it is the end of the last character. */
export function sourceAt(logical: Logical, offset: number): number {
	let chosen = logical.segments[0];
	for (const segment of logical.segments) {
		if (segment.valueStart > offset) {
			break;
		}
		chosen = segment;
	}
	return chosen ? chosen.sourceStart + Math.min(Math.max(0, offset - chosen.valueStart), chosen.length) : 0;
}

/** The source span the logical text covers, from its first to its last character. */
export function spanOfLogical(logical: Logical, fallback: number): Span {
	const first = logical.segments[0];
	const last = logical.segments[logical.segments.length - 1];
	return first && last ? { start: first.sourceStart, end: last.sourceStart + last.length } : { start: fallback, end: fallback };
}

/** A string value holding the logical text, literal unless it expands build variables. */
export function logicalString(logical: Logical, fallback: number): StringNode {
	const span = spanOfLogical(logical, fallback);
	return {
		kind: 'string',
		span,
		value: logical.value,
		map: { segments: logical.segments.length > 0 ? logical.segments : [{ valueStart: 0, sourceStart: span.start, length: 0 }] },
		isLiteral: true,
	};
}

/** The words of a logical text split at white space (flags, image names: no quoting there). */
export function wordsOf(logical: Logical): Logical[] {
	const words: Logical[] = [];
	for (const match of logical.value.matchAll(/\S+/g)) {
		words.push(sliceLogical(logical, match.index, match.index + match[0].length));
	}
	return words;
}

function endOfLine(text: string, from: number, limit: number): number {
	let position = from;
	while (position < limit && text[position] !== '\n' && text[position] !== '\r') {
		position++;
	}
	return position;
}

function nextLineStart(text: string, lineEnd: number): number {
	if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') {
		return lineEnd + 2;
	}
	return lineEnd + 1;
}
