import * as vscode from 'vscode';
import type { Finding } from '../../engine/index';
import { COMMANDS } from '../command-ids';

/** Commands of other features the actions call when this build of the extension contributes them. */
export const POLICY_VIEW_COMMAND = 'aupGuard.openPolicyView';
export const REPORT_COMMAND = 'aupGuard.reportViolation';

export interface FindingCommandOptions {
	/** Command ids in the extension's `contributes.commands`. */
	readonly contributed: ReadonlySet<string>;
	/** Whether the document's format has comments to hold a suppression (JSON has none). */
	readonly canComment: (document: vscode.TextDocument) => boolean;
}

/**
 * What a finding is passed to commands as: plain values, so it survives the trip through the
 * workbench, in the shape `aupGuard.reportViolation` and `aupGuard.suppressFinding` read.
 */
export interface FindingArgument {
	readonly uri: string;
	readonly ruleId: string;
	readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
	readonly message: string;
}

export function findingArgument(uri: vscode.Uri, finding: Finding): FindingArgument {
	const { start, end } = finding.range;
	return {
		uri: uri.toString(),
		ruleId: finding.ruleId,
		range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
		message: finding.message,
	};
}

/** Suppress, explain and report: offered for every finding, after its fixes. */
export function findingCommands(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, options: FindingCommandOptions): vscode.CodeAction[] {
	const argument = findingArgument(document.uri, finding);
	const actions: vscode.CodeAction[] = [];
	const add = (title: string, command: string, args: unknown[]): void => {
		const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
		action.command = { title, command, arguments: args };
		action.diagnostics = [diagnostic];
		actions.push(action);
	};
	if (options.canComment(document)) {
		add(`Suppress ${finding.ruleId} on this line…`, COMMANDS.suppressFinding, [argument]);
	}
	if (options.contributed.has(POLICY_VIEW_COMMAND)) {
		add(`Explain ${finding.ruleId} (AUP section ${finding.aupSection})`, POLICY_VIEW_COMMAND, [{ section: finding.aupSection }]);
	} else {
		add(`Explain ${finding.ruleId}`, COMMANDS.showRuleDocs, [finding.ruleId]);
	}
	if (options.contributed.has(REPORT_COMMAND)) {
		add(`Report ${finding.ruleId}…`, REPORT_COMMAND, [argument]);
	}
	return actions;
}
