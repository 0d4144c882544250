import type { Finding, Rule, Severity } from '../../engine/index';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
	readonly id: string;
	readonly name: string;
	readonly shortDescription: { readonly text: string };
	readonly fullDescription: { readonly text: string };
	readonly help: { readonly text: string; readonly markdown: string };
	readonly defaultConfiguration: { readonly level: SarifLevel };
	readonly properties: { readonly aupSection: string; readonly category: string; readonly tags: readonly string[] };
}

export function sarifLevel(severity: Severity): SarifLevel {
	return severity === 'info' ? 'note' : severity;
}

/** A `reportingDescriptor` for a rule: what code-scanning UIs show next to each result. */
export function sarifRule(rule: Rule): SarifRule {
	// The rule docs page generator (src/engine/rules/docs.ts) is not there yet; its Markdown replaces this when it lands.
	const markdown = rule.docs.trim();
	return {
		id: rule.id,
		name: pascalCase(rule.title),
		shortDescription: { text: rule.title },
		fullDescription: { text: firstParagraph(markdown) },
		help: { text: markdown, markdown },
		defaultConfiguration: { level: sarifLevel(rule.severity) },
		properties: { aupSection: rule.aupSection, category: rule.category, tags: tags(rule.category) },
	};
}

/**
 * A descriptor for a finding whose rule the engine does not list (the suppression checker's own
 * reports, say), so every result can still point at a rule.
 */
export function sarifRuleFromFinding(finding: Finding): SarifRule {
	return {
		id: finding.ruleId,
		name: finding.ruleId,
		shortDescription: { text: finding.ruleId },
		fullDescription: { text: finding.message },
		help: { text: finding.message, markdown: finding.message },
		defaultConfiguration: { level: sarifLevel(finding.severity) },
		properties: { aupSection: finding.aupSection, category: finding.category, tags: tags(finding.category) },
	};
}

function tags(category: string): string[] {
	return ['security', 'aup', category];
}

/** SARIF's `name` is an identifier, not a sentence: 'Storage readable by anyone' -> 'StorageReadableByAnyone'. */
function pascalCase(title: string): string {
	return title
		.split(/[^A-Za-z0-9]+/)
		.filter(word => word.length > 0)
		.map(word => word[0].toUpperCase() + word.slice(1))
		.join('');
}

function firstParagraph(markdown: string): string {
	return markdown.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ').trim();
}
