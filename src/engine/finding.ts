import type { Range } from './model/range';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The AUP's numbered sections; it has no sub-numbers. */
export const AUP_SECTIONS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type AupSection = (typeof AUP_SECTIONS)[number];

export const CATEGORIES = [
	'mining', 'attack-tooling', 'malicious-code', 'credentials', 'access-control',
	'network-exposure', 'data-exposure', 'encryption', 'logging-monitoring', 'backup-recovery',
	'cost-scale', 'mfa', 'ai-review',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TextEdit {
	readonly range: Range;
	readonly newText: string;
}

export interface Fix {
	readonly title: string;
	readonly edits: readonly TextEdit[];
	readonly isPreferred?: boolean;
	/**
	 * True when the edits' `newText` is a VS Code snippet: `${1:default}` placeholders mark what the
	 * user must decide (a secret's name), and a literal `$`, `}` or backslash is escaped with a backslash.
	 * Where snippets cannot be used (the CLI, fix-on-save, an editor that is not active) the text
	 * goes in with each placeholder's default: see `snippetPlainText`.
	 */
	readonly isSnippet?: boolean;
}

export interface Suppression {
	readonly reason: string;
	/** ISO date (YYYY-MM-DD) after which the suppression stops applying. */
	readonly until?: string;
}

export interface Finding {
	readonly ruleId: string;
	readonly severity: Severity;
	readonly message: string;
	readonly range: Range;
	readonly aupSection: AupSection;
	readonly category: Category;
	readonly fixes: readonly Fix[];
	/** Present when a valid suppression covers the finding; it stays visible for audit. */
	readonly suppressed?: Suppression;
}

export function isSeverity(value: unknown): value is Severity {
	return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function severityRank(severity: Severity): number {
	return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
	return text.replace(/[$}\\]/g, match => `\\${match}`);
}

/**
 * A snippet's text as inserted without the snippet engine: placeholders become their defaults
 * (`${1:name}` -> `name`, `$1` and `${1}` -> nothing) and escapes are undone.
 */
export function snippetPlainText(snippet: string): string {
	let out = '';
	let depth = 0;
	for (let i = 0; i < snippet.length; i++) {
		const char = snippet[i];
		if (char === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
			out += snippet[++i];
		} else if (char === '$' && /^\d/.test(snippet.slice(i + 1))) {
			i += /^\d+/.exec(snippet.slice(i + 1))?.[0].length ?? 0;
		} else if (char === '$' && /^\{\d+[:}]/.test(snippet.slice(i + 1))) {
			// Skip `${N:` or `${N}`; the default's text follows and its closing brace is dropped below.
			const head = /^\{\d+/.exec(snippet.slice(i + 1))?.[0] ?? '';
			i += head.length + 1;
			if (snippet[i] === '}') {
				continue;
			}
			depth++;
		} else if (char === '}' && depth > 0) {
			depth--;
		} else {
			out += char;
		}
	}
	return out;
}
