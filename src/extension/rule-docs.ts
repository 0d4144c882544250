import type { AupSection, Rule } from '../engine/index';

// No `vscode` import here: the docs address and the Markdown are plain strings, unit-tested.

/** The scheme of the read-only rule documents this extension serves offline. */
export const RULE_DOCS_SCHEME = 'aup-guard';

const DOCS_PATH = /^\/rules\/(AUP-[A-Z]{3}-\d{3})\.md$/;

/** `/rules/AUP-XXX-001.md`: the `.md` ending makes VS Code open it as Markdown. */
export function ruleDocsPath(ruleId: string): string {
	return `/rules/${ruleId}.md`;
}

export function ruleIdFromDocsPath(path: string): string | undefined {
	return DOCS_PATH.exec(path)?.[1];
}

/** Headings of the AUP's sections, so a rule page names the section and not only its number. */
const AUP_SECTION_TITLES: Readonly<Record<AupSection, string>> = {
	'1': 'Purpose',
	'2': 'Permitted Use',
	'3': 'Prohibited Activities',
	'4': 'User Responsibilities',
	'5': 'Resource Usage',
	'6': 'Enforcement',
	'7': 'Reporting Violations',
};

export function aupSectionLabel(section: AupSection): string {
	return `AUP §${section} (${AUP_SECTION_TITLES[section]})`;
}

/**
 * A rule's page, built from its metadata. Used until the engine's generated rule docs
 * (`src/engine/rules/docs.ts`) exist; then those replace it, so the page matches the README.
 */
export function ruleMarkdown(rule: Rule): string {
	return [
		`# ${rule.id}: ${rule.title}`,
		'',
		`- Severity: ${rule.severity}`,
		`- ${aupSectionLabel(rule.aupSection)}`,
		`- Category: ${rule.category}`,
		`- Formats: ${rule.formats.join(', ')}`,
		'',
		rule.docs.trim(),
		'',
		'## Changing its severity',
		'',
		'Set `aupGuard.rules` in your settings, for example:',
		'',
		'```json',
		`"aupGuard.rules": { "${rule.id}": "off" }`,
		'```',
		'',
	].join('\n');
}

export function unknownRuleMarkdown(ruleId: string): string {
	return `# ${ruleId || 'Unknown rule'}\n\nThis version of AUP Guard has no rule with this id.\n`;
}
