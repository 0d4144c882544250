import type { AupSection } from '../finding';
import { ANNOTATION_KEY, IGNORE_KEYWORD, SUPPRESSION_RULE_ID } from '../suppress/index';
import type { Rule } from './rule';

/**
 * Rule documentation generated from rule metadata, so the page the extension opens for a
 * diagnostic, `docs/rules.md` and the README's rule list say the same thing and cannot drift.
 * Pure string building: no `vscode`, no file system.
 */

/** The AUP's section headings, so a page names the section and not only its number. */
export const AUP_SECTION_TITLES: Readonly<Record<AupSection, string>> = {
	'1': 'Purpose',
	'2': 'Permitted Use',
	'3': 'Prohibited Activities',
	'4': 'User Responsibilities',
	'5': 'Resource Usage',
	'6': 'Enforcement',
	'7': 'Reporting Violations',
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
	terraform: 'Terraform',
	'terraform-json': 'Terraform JSON',
	cloudformation: 'CloudFormation',
	kubernetes: 'Kubernetes',
	compose: 'Docker Compose',
	dockerfile: 'Dockerfile',
	arm: 'ARM templates',
	bicep: 'Bicep',
	'cloud-init': 'cloud-init',
	shell: 'shell scripts',
};

export interface RuleDocsOptions {
	/** The rule's heading level: 1 for a page of its own, 2 inside the list of all rules. */
	readonly headingLevel?: number;
}

/** One rule's documentation as Markdown: heading, metadata, the rule's own text, and how to silence it. */
export function ruleDocsMarkdown(rule: Rule, options: RuleDocsOptions = {}): string {
	const level = Math.max(1, Math.min(options.headingLevel ?? 1, 5));
	const heading = '#'.repeat(level);
	const lines = [
		`<a id="${rule.docsAnchor}"></a>`,
		'',
		`${heading} ${rule.id}: ${rule.title}`,
		'',
		`- **Severity:** ${rule.severity}`,
		`- **AUP section:** ${rule.aupSection} (${AUP_SECTION_TITLES[rule.aupSection]})`,
		`- **Category:** ${rule.category}`,
		`- **Formats:** ${rule.formats.map(format => FORMAT_NAMES[format] ?? format).join(', ')}`,
	];
	if (rule.fixes && Object.keys(rule.fixes).length > 0) {
		lines.push('- **Quick fix:** offered where it is safe');
	}
	lines.push('', rule.docs.trim(), '');
	if (rule.id !== SUPPRESSION_RULE_ID) {
		lines.push(...silencing(rule, `${heading}#`));
	}
	return lines.join('\n');
}

/**
 * The short form of a rule's reason for a hover: its "Why it matters" paragraph without the label,
 * or the first paragraph of its docs when it has none.
 */
export function ruleWhyItMatters(rule: Rule): string {
	const paragraphs = rule.docs.trim().split(/\n\s*\n/);
	const why = paragraphs.find(paragraph => paragraph.startsWith(WHY_LABEL)) ?? paragraphs[0];
	return why.replace(WHY_LABEL, '').trim();
}

const WHY_LABEL = '**Why it matters.**';

/** Every rule's documentation, with an index, as one Markdown document (`docs/rules.md`). */
export function allRulesMarkdown(rules: readonly Rule[]): string {
	return [
		'# AUP Guard rules',
		'',
		'<!-- Generated from the rules\' metadata by scripts/generate-rule-docs.mjs; do not edit by hand. -->',
		'',
		'Each rule cites the section of the Autoscalr Acceptable Use Policy it protects. Errors mark what the policy prohibits outright; warnings mark configurations that invite what it prohibits.',
		'',
		rulesTableMarkdown(rules, ''),
		'',
		...rules.map(rule => ruleDocsMarkdown(rule, { headingLevel: 2 })),
	].join('\n');
}

/** The index of rules as a Markdown table; `docsPath` prefixes each anchor (the README links into docs/rules.md). */
export function rulesTableMarkdown(rules: readonly Rule[], docsPath: string): string {
	return [
		'| Rule | Title | Severity | AUP section | Category |',
		'| --- | --- | --- | --- | --- |',
		...rules.map(rule => `| [${rule.id}](${docsPath}#${rule.docsAnchor}) | ${escapeCell(rule.title)} | ${rule.severity} | ${rule.aupSection} | ${rule.category} |`),
	].join('\n');
}

function silencing(rule: Rule, heading: string): string[] {
	return [
		`${heading} Suppressing or turning it off`,
		'',
		`Suppress one finding with a comment on or above the line, giving the reason (required) and optionally an end date: \`# ${IGNORE_KEYWORD} ${rule.id}: <reason> until=YYYY-MM-DD\`. On a Kubernetes object, the annotation \`${ANNOTATION_KEY}: "${rule.id}: <reason>"\` covers the whole object. Suppressed findings stay listed, with their reason, in the CLI's JSON and SARIF output.`,
		'',
		`Change the rule's severity or turn it off in the settings: \`"aupGuard.rules": { "${rule.id}": "off" }\`.`,
		'',
	];
}

function escapeCell(text: string): string {
	return text.replace(/\|/g, '\\|');
}
