import type { ValueNode } from '../model/nodes';
import type { Span } from '../model/range';
import type { FixDraft } from '../rules/rule';

/** One edit of a fix: the span it replaces (empty to insert) and the new text. */
export type EditDraft = FixDraft['edits'][number];

/** Replaces a value (or any span) with new text, e.g. `false` with `true`. */
export function replaceValue(target: ValueNode | Span, newText: string): EditDraft {
	const span = 'kind' in target ? target.span : target;
	return { span: { start: span.start, end: span.end }, newText };
}

/**
 * True when edits of one fix touch the same text, so a client could not apply them together.
 * As in `combineFixes`, an insertion at the edge of a replacement is a conflict (before or after
 * it?); within one fix, so are two insertions at one offset, whose order would be a guess.
 */
export function editsOverlap(edits: readonly EditDraft[]): boolean {
	return edits.some((edit, index) => edits.slice(index + 1).some(other => touch(edit.span, other.span)));
}

function touch(a: Span, b: Span): boolean {
	const aInserts = a.start === a.end;
	const bInserts = b.start === b.end;
	if (aInserts && bInserts) {
		return a.start === b.start;
	}
	if (aInserts || bInserts) {
		const point = aInserts ? a.start : b.start;
		const other = aInserts ? b : a;
		return other.start <= point && point <= other.end;
	}
	return a.start < b.end && b.start < a.end;
}

/**
 * A fix from its edits, or null when one is missing or they overlap (a fix that cannot be
 * applied is no fix). Some helpers give several edits for one change (an attribute and the
 * realigned lines above it), so an item may be a list.
 */
export function fixDraft(title: string, edits: readonly (EditDraft | readonly EditDraft[] | null)[], isPreferred = false): FixDraft | null {
	if (edits.some(edit => edit === null)) {
		return null;
	}
	const complete = (edits as readonly (EditDraft | readonly EditDraft[])[]).flat();
	return complete.length === 0 || editsOverlap(complete) ? null : { title, edits: complete, isPreferred };
}
