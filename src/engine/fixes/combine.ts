import type { Fix, TextEdit } from '../finding';
import type { Position } from '../model/range';
import { LineIndex } from '../text/line-index';

/**
 * Several fixes as one list of edits that never overlap, for "fix all" and fix-on-save. A fix is
 * kept whole or not at all: half of a fix (a `var.x` reference without its declaration) would
 * leave the file worse than before. Fixes are taken in the order given, so the caller decides
 * which wins a conflict; a dropped fix's finding stays and can be fixed on its own.
 *
 * Two rules keep common fixes combinable: an edit identical to one already kept is not applied
 * twice, and insertions at the same point (two variable blocks appended at the end of the file)
 * are kept in fix order rather than treated as a conflict.
 */
export interface CombinedFixes {
	/** Sorted by position; no two overlap. */
	readonly edits: readonly TextEdit[];
	/** How many of the given fixes the edits apply. */
	readonly applied: number;
	readonly dropped: number;
}

export function combineFixes(fixes: readonly Fix[]): CombinedFixes {
	const kept: TextEdit[] = [];
	let applied = 0;
	for (const fix of fixes) {
		const fresh = fix.edits.filter(edit => !kept.some(other => sameEdit(edit, other)));
		if (!isConsistent(fresh) || fresh.some(edit => kept.some(other => overlaps(edit, other)))) {
			continue;
		}
		kept.push(...fresh);
		applied++;
	}
	return { edits: sortEdits(kept), applied, dropped: fixes.length - applied };
}

/** Whether two edits would touch the same text; insertions at one point may share it. */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
	if (isInsertion(a) && isInsertion(b)) {
		return false;
	}
	// An insertion touching the edge of a replacement is ambiguous (before or after it?): a conflict.
	if (isInsertion(a) || isInsertion(b)) {
		const point = isInsertion(a) ? a.range.start : b.range.start;
		const other = isInsertion(a) ? b : a;
		return compare(other.range.start, point) <= 0 && compare(point, other.range.end) <= 0;
	}
	return compare(a.range.start, b.range.end) < 0 && compare(b.range.start, a.range.end) < 0;
}

/** By start, then end; stable, so insertions at one point keep the order they were kept in. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
	return [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
}

/**
 * The text after non-overlapping edits (as `combineFixes` returns them): the CLI's and the tests'
 * way to apply fixes. Applied from the last to the first, so earlier positions stay valid.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const lines = new LineIndex(text);
	const located = sortEdits(edits).map(edit => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }));
	let result = text;
	for (let i = located.length - 1; i >= 0; i--) {
		const edit = located[i];
		result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
	}
	return result;
}

/** A fix whose own edits overlap is malformed: it cannot be applied as it stands. */
function isConsistent(edits: readonly TextEdit[]): boolean {
	return edits.every((edit, index) => edits.slice(index + 1).every(other => !overlaps(edit, other)));
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
	return a.newText === b.newText && compare(a.range.start, b.range.start) === 0 && compare(a.range.end, b.range.end) === 0;
}

function isInsertion(edit: TextEdit): boolean {
	return compare(edit.range.start, edit.range.end) === 0;
}

function compare(a: Position, b: Position): number {
	return a.line - b.line || a.character - b.character;
}
