import * as vscode from 'vscode';
import type { Finding } from '../../engine/index';
import type { DiagnosticsManager, FindingEntry } from '../diagnostics';
import { DIAGNOSTIC_SOURCE, diagnosticRuleId } from '../to-diagnostic';
import { fixAllEdit, fixEdit, hasPreferredFix } from './edits';
import { findingCommands, type FindingCommandOptions } from './finding-commands';

/** `source.fixAll.aupGuard`, for `"editor.codeActionsOnSave": { "source.fixAll.aupGuard": "explicit" }`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('aupGuard');

/**
 * Quick fixes from the engine's findings, "fix all" for a rule, fix-on-save, and the actions
 * every finding has (suppress, explain, report). Fixes are offered only for the document version
 * the findings were computed for: edits made against older text would land in the wrong place.
 * After an edit VS Code asks again once the new diagnostics arrive.
 */
export class AupCodeActionProvider implements vscode.CodeActionProvider {
	static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

	constructor(private readonly diagnostics: DiagnosticsManager, private readonly options: FindingCommandOptions) {}

	async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
		const only = context.only;
		// The lightbulb asks without `only`; save and the source action menu ask for fix-all by kind.
		const wantsFixAll = only !== undefined && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only));
		let published = this.diagnostics.published(document.uri);
		if (wantsFixAll && published?.version !== document.version) {
			// On save the last edit may not be scanned yet (the pause in typing): scan it now, or the save would fix nothing.
			await this.diagnostics.validate(document);
			published = this.diagnostics.published(document.uri);
		}
		if (!published || published.version !== document.version) {
			return [];
		}
		const actions: vscode.CodeAction[] = wantsFixAll ? this.fixAll(document, published.entries) : [];
		if (only && !only.contains(vscode.CodeActionKind.QuickFix)) {
			return actions;
		}
		const fixAllOffered = new Set<string>();
		for (const diagnostic of context.diagnostics) {
			if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
				continue;
			}
			const finding = this.diagnostics.findingFor(document.uri, diagnostic);
			if (!finding) {
				continue;
			}
			actions.push(...finding.fixes.map(fix => {
				const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
				action.edit = fixEdit(document, fix);
				action.diagnostics = [diagnostic];
				action.isPreferred = fix.isPreferred === true;
				return action;
			}));
			const ruleId = diagnosticRuleId(diagnostic);
			if (ruleId && !fixAllOffered.has(ruleId)) {
				fixAllOffered.add(ruleId);
				const action = this.fixAllOfRule(document, ruleId, published.entries);
				if (action) {
					actions.push(action);
				}
			}
			actions.push(...findingCommands(document, finding, diagnostic, this.options));
		}
		return actions;
	}

	/** "Fix all AUP-XXX-000 problems in this file", when two or more of them have a preferred fix. */
	private fixAllOfRule(document: vscode.TextDocument, ruleId: string, entries: readonly FindingEntry[]): vscode.CodeAction | undefined {
		const fixable = entries.filter(entry => entry.finding.ruleId === ruleId && hasPreferredFix(entry.finding));
		if (fixable.length < 2) {
			return undefined;
		}
		const action = new vscode.CodeAction(`Fix all ${ruleId} problems in this file`, vscode.CodeActionKind.QuickFix);
		action.edit = fixAllEdit(document, fixable.map(entry => entry.finding)).edit;
		action.diagnostics = fixable.map(entry => entry.diagnostic);
		return action;
	}

	private fixAll(document: vscode.TextDocument, entries: readonly FindingEntry[]): vscode.CodeAction[] {
		const findings: Finding[] = entries.map(entry => entry.finding).filter(hasPreferredFix);
		if (findings.length === 0) {
			return [];
		}
		const action = new vscode.CodeAction('Fix all AUP Guard problems that have a preferred fix', FIX_ALL_KIND);
		action.edit = fixAllEdit(document, findings).edit;
		return [action];
	}
}
