import type { Finding, Severity } from '../finding';
import type { ParsedFile } from '../model/file';

export interface SuppressionOptions {
	readonly knownRuleIds: ReadonlySet<string>;
	/** YYYY-MM-DD */
	readonly today: string;
	readonly ruleSeverities?: Readonly<Record<string, Severity | 'off'>>;
}

// Placeholder until suppressions land (issue 2, in progress): returns findings as they are.
export function applySuppressions(_file: ParsedFile, findings: Finding[], _options: SuppressionOptions): Finding[] {
	return findings;
}
