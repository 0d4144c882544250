import { Edit, type Point } from 'web-tree-sitter';

/**
 * The single edit that turns `before` into `after`: what lies between their common prefix and
 * common suffix. An editor's keystroke or paste is exactly that, so the old tree can be reused
 * without the editor having to pass its change events through the engine.
 */
export function textEdit(before: string, after: string): Edit {
	const shorter = Math.min(before.length, after.length);
	let prefix = 0;
	while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
		prefix++;
	}
	// Never split a surrogate pair: the parser reads code points.
	if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) {
		prefix--;
	}
	let suffix = 0;
	const maxSuffix = shorter - prefix;
	while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
		suffix++;
	}
	if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) {
		suffix--;
	}
	const startPosition = pointAt(before, 0, { row: 0, column: 0 }, prefix);
	return new Edit({
		startIndex: prefix,
		oldEndIndex: before.length - suffix,
		newEndIndex: after.length - suffix,
		startPosition,
		oldEndPosition: pointAt(before, prefix, startPosition, before.length - suffix),
		newEndPosition: pointAt(after, prefix, startPosition, after.length - suffix),
	});
}

/**
 * The row and column of `to`, counting on from `from` at `point`. Like tree-sitter's own indices,
 * columns count UTF-16 code units, and only `\n` starts a row.
 */
function pointAt(text: string, from: number, point: Point, to: number): Point {
	let row = point.row;
	let lineStart = from - point.column;
	for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
		row++;
		lineStart = i + 1;
	}
	return { row, column: to - lineStart };
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
