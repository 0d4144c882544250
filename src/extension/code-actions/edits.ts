import * as vscode from 'vscode';
import { snippetPlainText, type Finding, type Fix, type TextEdit } from '../../engine/index';
import { combineFixes } from '../../engine/fixes/combine';

/**
 * A fix as a WorkspaceEdit. Snippet fixes keep their placeholders only in the active editor,
 * where VS Code can put the cursor in them; anywhere else they go in with the defaults.
 */
export function fixEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
	const edit = new vscode.WorkspaceEdit();
	const snippets = fix.isSnippet === true && vscode.window.activeTextEditor?.document === document;
	if (snippets) {
		edit.set(document.uri, fix.edits.map(one => new vscode.SnippetTextEdit(toRange(one), new vscode.SnippetString(one.newText))));
	} else {
		edit.set(document.uri, plainEdits(fix).map(one => new vscode.TextEdit(toRange(one), one.newText)));
	}
	return edit;
}

/**
 * Each finding's preferred fix, combined without overlaps (a fix that collides is left out and
 * its finding stays). Snippets are left out: they need a decision, and fix-all makes none.
 */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly Finding[]): { edit: vscode.WorkspaceEdit; applied: number } {
	const fixes = findings
		.map(finding => finding.fixes.find(fix => fix.isPreferred))
		.filter((fix): fix is Fix => fix !== undefined && !fix.isSnippet);
	const combined = combineFixes(fixes);
	const edit = new vscode.WorkspaceEdit();
	edit.set(document.uri, combined.edits.map(one => new vscode.TextEdit(toRange(one), one.newText)));
	return { edit, applied: combined.applied };
}

/** Findings whose preferred fix fix-all would apply. */
export function hasPreferredFix(finding: Finding): boolean {
	return finding.fixes.some(fix => fix.isPreferred && !fix.isSnippet);
}

function plainEdits(fix: Fix): readonly TextEdit[] {
	return fix.isSnippet ? fix.edits.map(one => ({ ...one, newText: snippetPlainText(one.newText) })) : fix.edits;
}

function toRange(edit: TextEdit): vscode.Range {
	const { start, end } = edit.range;
	return new vscode.Range(start.line, start.character, end.line, end.character);
}
