import type { Entry } from '../model/nodes';
import type { EditDraft } from './edits';
import { indentAt, lineStartAt, nextLineStart, startsItsLine } from './text';

/**
 * `terraform fmt` lines up the `=` of a run of one-line attributes one column past the run's
 * longest name; a blank or comment line, a block, or a value spread over lines ends the run. A
 * fix that adds or renames an attribute in a run keeps it that way, so `terraform fmt -check` in
 * the user's CI still passes after the fix: the new line is padded to the run's column, and when
 * the column moves, the run's other lines move with it, each by an edit of the spaces before its
 * `=` (so another edit of the same fix may still change a value on that line).
 */

/** Edits that add `key = <render>` as a new line at `at`, below the attributes before it. */
export function insertAlignedAttribute(text: string, attributes: readonly Entry[], indent: string, key: string, render: (paddedKey: string) => string, at: number, eol: string): EditDraft[] {
	const run = runEndingAt(text, attributes, indent, at);
	const joined = joinRun(text, run, indent, key);
	return [...joined.edits, { span: { start: at, end: at }, newText: `${indent}${render(joined.key)}${eol}` }];
}

/** Edits that replace the attribute `entry` (of `attributes`) with `key = valueText`. */
export function replaceAlignedAttribute(text: string, attributes: readonly Entry[], entry: Entry, key: string, valueText: string): EditDraft[] {
	const indent = indentAt(text, entry.keySpan.start);
	const index = attributes.indexOf(entry);
	const run = index >= 0 && isOneLineAttribute(text, entry, indent) ? runAround(text, attributes, index, indent) : [];
	const joined = joinRun(text, run, indent, key, entry);
	return [...joined.edits, { span: entry.span, newText: `${joined.key} = ${valueText}` }];
}

/** The run's new layout once `key` joins it (in place of `replaced`, if given): `key` padded, and the edits that move the rest. */
function joinRun(text: string, run: readonly Entry[], indent: string, key: string, replaced?: Entry): { key: string; edits: EditDraft[] } {
	const others = run.filter(entry => entry !== replaced);
	const reference = replaced ?? others.at(-1);
	if (!reference || others.length === 0) {
		return { key, edits: [] };
	}
	if (!run.every(entry => equalsColumn(text, entry) === indent.length + Math.max(...run.map(keyWidth)) + 1)) {
		// Not laid out by terraform fmt: line up with the neighbour when the name fits, move nothing.
		const width = equalsColumn(text, reference) - indent.length - 1;
		return { key: key.length <= width ? key.padEnd(width) : key, edits: [] };
	}
	const width = Math.max(key.length, ...others.map(keyWidth));
	const edits = others
		.filter(entry => equalsColumn(text, entry) !== indent.length + width + 1)
		.map(entry => ({ span: { start: entry.keySpan.end, end: equalsOffset(text, entry) }, newText: ' '.repeat(width - keyWidth(entry) + 1) }));
	return { key: key.padEnd(width), edits };
}

/** The run a new line at `at` would join: the one that holds the last attribute, when that one is on the line above. */
function runEndingAt(text: string, attributes: readonly Entry[], indent: string, at: number): readonly Entry[] {
	const last = attributes.length - 1;
	return last >= 0 && isOneLineAttribute(text, attributes[last], indent) && nextLineStart(text, attributes[last].span.end) === at
		? runAround(text, attributes, last, indent)
		: [];
}

/** The run that holds `attributes[index]`, itself a one-line attribute at `indent`. */
function runAround(text: string, attributes: readonly Entry[], index: number, indent: string): Entry[] {
	let first = index;
	while (first > 0 && isOneLineAttribute(text, attributes[first - 1], indent)
		&& nextLineStart(text, attributes[first - 1].span.end) === lineStartAt(text, attributes[first].keySpan.start)) {
		first--;
	}
	let last = index;
	while (last + 1 < attributes.length && isOneLineAttribute(text, attributes[last + 1], indent)
		&& nextLineStart(text, attributes[last].span.end) === lineStartAt(text, attributes[last + 1].keySpan.start)) {
		last++;
	}
	return attributes.slice(first, last + 1);
}

function isOneLineAttribute(text: string, entry: Entry, indent: string): boolean {
	return /^ *=/.test(text.slice(entry.keySpan.end, entry.value.span.start))
		&& startsItsLine(text, entry.keySpan.start)
		&& indentAt(text, entry.keySpan.start) === indent
		&& !/[\r\n]/.test(text.slice(entry.span.start, entry.span.end));
}

function keyWidth(entry: Entry): number {
	return entry.keySpan.end - entry.keySpan.start;
}

function equalsOffset(text: string, entry: Entry): number {
	return entry.keySpan.end + text.slice(entry.keySpan.end, entry.value.span.start).indexOf('=');
}

function equalsColumn(text: string, entry: Entry): number {
	return equalsOffset(text, entry) - lineStartAt(text, entry.keySpan.start);
}
