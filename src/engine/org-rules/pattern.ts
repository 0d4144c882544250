import { RE2JS } from 're2js';
import { MAX_PATTERN_LENGTH } from './constants';

/**
 * A pattern from a rules file, compiled once by RE2JS. RE2 matches in time linear in the input
 * whatever the pattern, so a rule such as `(a+)+$` cannot hang the editor or a CI job; the price
 * is no lookaround and no backreferences, which RE2 rejects when the file loads.
 */
export interface Pattern {
	readonly source: string;
	/** Whether the pattern matches anywhere in the text. */
	test(text: string): boolean;
	/** The first match, in UTF-16 offsets as JavaScript strings count them. */
	find(text: string): { readonly index: number; readonly length: number } | undefined;
}

/** The compiled pattern, or why RE2 rejects it. */
export function compilePattern(source: string): Pattern | { readonly error: string } {
	if (source.length > MAX_PATTERN_LENGTH) {
		return { error: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
	}
	let compiled: RE2JS;
	try {
		compiled = RE2JS.compile(source);
	} catch (error) {
		return { error: describe(error) };
	}
	return {
		source,
		test: text => compiled.test(text),
		find: text => {
			const match = compiled.matcher(text);
			return match.find() ? { index: match.start(), length: match.end() - match.start() } : undefined;
		},
	};
}

export function isPattern(value: Pattern | { readonly error: string }): value is Pattern {
	return 'test' in value;
}

function describe(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const hint = /\(\?[!=<]/.test(message) || /\\[1-9]/.test(message)
		? ' (RE2 has no lookaround or backreferences: use notRegex for "must not match")'
		: '';
	return `${message.replace(/^error parsing regexp: /, '')}${hint}`;
}
