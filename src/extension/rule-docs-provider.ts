import * as vscode from 'vscode';
import { findRule, type Rule } from '../engine/index';
import { RULE_DOCS_SCHEME, ruleIdFromDocsPath, rulePage, unknownRuleMarkdown } from './rule-docs';
import { ruleDocsUri } from './to-diagnostic';

/**
 * Serves `aup-guard:/rules/<id>.md`, the target of every diagnostic's code, generated from the
 * rules' metadata: the docs open offline, in vscode.dev too, and match the running version.
 */
export function registerRuleDocs(rules: readonly Rule[]): vscode.Disposable {
	return vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, {
		provideTextDocumentContent(uri: vscode.Uri): string {
			const ruleId = ruleIdFromDocsPath(uri.path);
			const rule = ruleId ? findRule(ruleId, rules) : undefined;
			return rule ? rulePage(rule) : unknownRuleMarkdown(ruleId ?? '');
		},
	});
}

/** Opens a rule's page rendered; falls back to the Markdown source where no preview exists. */
export async function openRuleDocs(ruleId: string): Promise<void> {
	const uri = ruleDocsUri(ruleId);
	try {
		await vscode.commands.executeCommand('markdown.showPreview', uri);
	} catch {
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
	}
}
