import type { Rule } from '../../engine/index';

/** The `rules --format json` contract (issue 2). */
export interface JsonRule {
	readonly id: string;
	readonly title: string;
	readonly severity: Rule['severity'];
	readonly aupSection: Rule['aupSection'];
	readonly category: Rule['category'];
	readonly formats: Rule['formats'];
}

export function formatRulesJson(rules: readonly Rule[]): string {
	const list: JsonRule[] = rules.map(rule => ({
		id: rule.id,
		title: rule.title,
		severity: rule.severity,
		aupSection: rule.aupSection,
		category: rule.category,
		formats: [...rule.formats],
	}));
	return `${JSON.stringify(list, null, 2)}\n`;
}

/** An aligned table; the title comes last so a long one does not push the other columns about. */
export function formatRulesText(rules: readonly Rule[]): string {
	const rows = [
		['ID', 'SEVERITY', 'SECTION', 'CATEGORY', 'FORMATS', 'TITLE'],
		...rules.map(rule => [rule.id, rule.severity, rule.aupSection, rule.category, rule.formats.join(','), rule.title]),
	];
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
	const lines = rows.map(row => row.map((cell, column) => column === row.length - 1 ? cell : cell.padEnd(widths[column])).join('  '));
	return `${lines.join('\n')}\n`;
}
