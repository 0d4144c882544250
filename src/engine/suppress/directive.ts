import type { Span } from '../model/range';

/** The rule that reports bad directives; it can never be suppressed, or a bad directive could hide itself. */
export const SUPPRESSION_RULE_ID = 'AUP-SUP-001';

/** The comment keywords, matched case-insensitively at the start of a comment (or of a line in a block comment). */
export const IGNORE_KEYWORD = 'aup-guard-ignore';
export const IGNORE_FILE_KEYWORD = 'aup-guard-ignore-file';

/** The Kubernetes annotation that suppresses findings anywhere in the annotated object. */
export const ANNOTATION_KEY = 'aup-guard.autoscalr.com/ignore';

/** Where a directive was written, which decides the examples its messages give. */
export type DirectiveStyle = 'comment' | 'annotation';

/** One suppression directive, read from a comment or an annotation, valid or not. */
export interface Directive {
	readonly style: DirectiveStyle;
	/** The directive's own text in the source: where AUP-SUP-001 points. */
	readonly span: Span;
	/** Upper-cased ids as written; checked against the known rules only when validated. */
	readonly ruleIds: readonly string[];
	/** The reason with whitespace collapsed, shown on every finding it suppresses. */
	readonly reason: string;
	/** YYYY-MM-DD: the last day the directive applies. */
	readonly until?: string;
	/** Problems seen from the text and its place alone; the date and the rule list are checked later. */
	readonly problems: readonly string[];
	/** Findings that start inside this span are covered; undefined when the directive covers nothing. */
	readonly scope: Span | undefined;
}

/** A correct directive to show in a message, reusing the ids the user wrote when there are any. */
export function exampleDirective(style: DirectiveStyle, ruleIds: readonly string[]): string {
	const ids = ruleIds.length > 0 ? ruleIds.join(', ') : 'AUP-NET-001';
	const body = `${ids}: why this is acceptable`;
	return style === 'comment' ? `'${IGNORE_KEYWORD} ${body}'` : `'${body}'`;
}
