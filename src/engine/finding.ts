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
