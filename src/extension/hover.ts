import * as vscode from 'vscode';
import { findRule, type Finding, type Rule } from '../engine/index';
import { findSection, itemForCategory } from '../engine/policy/aup-summary';
import { ruleWhyItMatters } from '../engine/rules/docs';
import { COMMANDS } from './command-ids';
import type { DiagnosticsManager } from './diagnostics';

/**
 * Hovering a flagged range explains each finding there: the rule, the message, why it matters,
 * the AUP section in our words, the fixes on offer and a link to the rule's page. Suppressed
 * findings are never published, so they never show here.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
	constructor(private readonly diagnostics: DiagnosticsManager, private readonly rules: readonly Rule[]) {}

	provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const published = this.diagnostics.published(document.uri);
		// Ranges computed for older text would point at the wrong characters.
		if (!published || published.version !== document.version) {
			return undefined;
		}
		const entries = published.entries.filter(entry => entry.diagnostic.range.contains(position));
		if (entries.length === 0) {
			return undefined;
		}
		const range = entries.map(entry => entry.diagnostic.range).reduce((a, b) => a.intersection(b) ?? a);
		return new vscode.Hover(entries.map(entry => findingMarkdown(entry.finding, findRule(entry.finding.ruleId, this.rules))), range);
	}
}

export function findingMarkdown(finding: Finding, rule: Rule | undefined): vscode.MarkdownString {
	// Only the rule docs command may run from this hover: the text around it comes from rules, not from the user.
	const markdown = new vscode.MarkdownString(undefined, true);
	markdown.isTrusted = { enabledCommands: [COMMANDS.showRuleDocs] };
	markdown.appendMarkdown(`**${finding.ruleId}: ${escape(rule?.title ?? 'AUP Guard finding')}** · ${finding.severity}\n\n`);
	// Escaped by hand: appendText turns spaces into &nbsp;, and the message would not wrap.
	markdown.appendMarkdown(`${escape(finding.message)}\n\n`);
	if (rule) {
		markdown.appendMarkdown(`**Why it matters.** ${ruleWhyItMatters(rule)}\n\n`);
	}
	const section = findSection(finding.aupSection);
	const item = itemForCategory(finding.category);
	if (section) {
		const detail = item && item.section === finding.aupSection ? ` ${escape(item.title)}: ${escape(item.summary)}` : '';
		markdown.appendMarkdown(`**AUP section ${section.number}, ${escape(section.title)}.** ${escape(section.summary)}${detail}\n\n`);
	}
	if (finding.fixes.length > 0) {
		markdown.appendMarkdown(`**Quick fix${finding.fixes.length > 1 ? 'es' : ''}:** ${finding.fixes.map(fix => escape(fix.title)).join('; ')}\n\n`);
	}
	const link = `command:${COMMANDS.showRuleDocs}?${encodeURIComponent(JSON.stringify([finding.ruleId]))}`;
	markdown.appendMarkdown(`$(book) [Rule documentation](${link} "Open the documentation of ${finding.ruleId}")`);
	return markdown;
}

/** Markdown's special characters in text from rule metadata and fix titles. */
function escape(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+!|<>]/g, match => `\\${match}`);
}
