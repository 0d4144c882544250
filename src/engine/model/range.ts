/** A 0-based line/character position, as VS Code and LSP count them (UTF-16 code units). */
export interface Position {
	readonly line: number;
	readonly character: number;
}

/** A range between two positions; the end is exclusive. */
export interface Range {
	readonly start: Position;
	readonly end: Position;
}

/**
 * Offsets into the source text (UTF-16 code units), end exclusive. The model stores spans
 * because they are cheap to compute while parsing; ranges are derived once, for findings.
 */
export interface Span {
	readonly start: number;
	readonly end: number;
}

export function span(start: number, end: number): Span {
	return { start, end };
}

export function containsSpan(outer: Span, inner: Span): boolean {
	return outer.start <= inner.start && inner.end <= outer.end;
}
