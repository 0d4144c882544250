import type { AupSection, Rule } from '../engine/index';
import { AUP_SECTION_TITLES, ruleDocsMarkdown } from '../engine/rules/docs';

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

export function aupSectionLabel(section: AupSection): string {
	return `AUP §${section} (${AUP_SECTION_TITLES[section]})`;
}

/**
 * The message as the Problems panel shows it: it names the AUP section, once. Many rule messages
 * cite it already ("prohibited by AUP section 3"); the others get a short suffix.
 */
export function withAupSection(message: string, section: AupSection): string {
	const cited = new RegExp(`\\bAUP(?:\\s+section|\\s*§)\\s*${section}\\b`, 'i');
	return cited.test(message) ? message : `${message} (AUP §${section})`;
}

/**
 * A rule's page: the engine's generated docs, so it says what the README and docs/rules.md say.
 * The page opens as Markdown source when a diagnostic's code is clicked, where the leading HTML
 * anchor (there for the all-rules document) is only noise.
 */
export function rulePage(rule: Rule): string {
	return ruleDocsMarkdown(rule).replace(/^<a id="[^"]*"><\/a>\n+/, '');
}

export function unknownRuleMarkdown(ruleId: string): string {
	return `# ${ruleId || 'Unknown rule'}\n\nThis version of AUP Guard has no rule with this id.\n`;
}
