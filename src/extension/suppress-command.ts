import * as vscode from 'vscode';
import type { Engine, Finding, Format } from '../engine/index';
import { commentMarker, placeSuppression, reasonProblem, untilProblem, type SuppressionRequest } from '../engine/fixes/suppression-comment';
import type { DiagnosticsManager } from './diagnostics';
import { documentFormat } from './document-filter';
import { enginePath, settingsFor } from './scan-plan';
import { scanOptionsFor } from './settings';

export interface SuppressDependencies {
	readonly engine: Engine;
	readonly diagnostics: DiagnosticsManager;
}

/**
 * `aupGuard.suppressFinding(finding, answers?)`: asks why the finding is acceptable and until
 * when, then inserts the directive comment above it. `finding` is `{ uri, ruleId, range }` as the
 * code action passes it; `answers` (`{ reason, until? }`) skips the questions, for tests and
 * scripts. Resolves with true when the comment was inserted; cancelling changes nothing.
 */
export async function suppressFinding(deps: SuppressDependencies, findingArg: unknown, answersArg?: unknown): Promise<boolean> {
	const target = parseTarget(findingArg);
	if (!target) {
		throw new Error('aupGuard.suppressFinding: the finding argument has an unknown shape');
	}
	const document = await vscode.workspace.openTextDocument(target.uri);
	const format = formatOf(deps.engine, document);
	if (!format || !commentMarker(format, document.getText())) {
		void vscode.window.showInformationMessage('AUP Guard: this file has no comment syntax (JSON), so a finding cannot be suppressed in it. Turn the rule off for the workspace with the aupGuard.rules setting instead.');
		return false;
	}
	const finding = await currentFinding(deps.diagnostics, document, target);
	if (!finding) {
		void vscode.window.showInformationMessage(`AUP Guard: ${target.ruleId} is no longer reported there.`);
		return false;
	}
	const today = new Date().toISOString().slice(0, 10);
	const request = answersArg === undefined ? await ask(finding.ruleId, today) : fromAnswers(finding.ruleId, answersArg, today);
	if (!request) {
		return false;
	}
	const version = document.version;
	const path = `${enginePath(document.uri)}.aup-guard-suppress`;
	const settings = settingsFor(document.uri);
	const scan = (text: string) => deps.engine.scan({ path, text, format }, scanOptionsFor(settings));
	let edit;
	try {
		edit = await placeSuppression(document.getText(), format, finding, request, scan);
	} finally {
		deps.engine.forget(path);
	}
	if (document.version !== version) {
		void vscode.window.showInformationMessage('AUP Guard: the file changed while the suppression was prepared; try again.');
		return false;
	}
	if (!edit) {
		void vscode.window.showInformationMessage(`AUP Guard could not find a line where a comment suppresses ${finding.ruleId}; write the directive by hand (see the rule's documentation).`);
		return false;
	}
	const workspaceEdit = new vscode.WorkspaceEdit();
	workspaceEdit.insert(document.uri, new vscode.Position(edit.range.start.line, 0), edit.newText);
	return vscode.workspace.applyEdit(workspaceEdit);
}

interface Target {
	readonly uri: vscode.Uri;
	readonly ruleId: string;
	readonly line: number;
	readonly character: number;
}

function parseTarget(value: unknown): Target | undefined {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}
	const { uri, ruleId, range } = value as { uri?: unknown; ruleId?: unknown; range?: { start?: { line?: unknown; character?: unknown } } };
	const start = range?.start;
	const parsed = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
	if (!parsed || typeof ruleId !== 'string' || typeof start?.line !== 'number' || typeof start.character !== 'number') {
		return undefined;
	}
	return { uri: parsed, ruleId, line: start.line, character: start.character };
}

/** The finding as last published for the document's current text, rescanning when that is stale. */
async function currentFinding(diagnostics: DiagnosticsManager, document: vscode.TextDocument, target: Target): Promise<Finding | undefined> {
	if (diagnostics.published(document.uri)?.version !== document.version) {
		await diagnostics.validate(document);
	}
	const published = diagnostics.published(document.uri);
	if (published?.version !== document.version) {
		return undefined;
	}
	return published.entries.map(entry => entry.finding).find(finding => finding.ruleId === target.ruleId
		&& finding.range.start.line === target.line && finding.range.start.character === target.character);
}

function formatOf(engine: Engine, document: vscode.TextDocument): Format | undefined {
	return documentFormat(document.languageId, enginePath(document.uri), document.getText(), (path, text) => engine.formatOf(path, text));
}

/** Two steps: the reason (required), then an optional expiry date. Escape at either step cancels. */
async function ask(ruleId: string, today: string): Promise<SuppressionRequest | undefined> {
	const reason = await vscode.window.showInputBox({
		title: `Suppress ${ruleId} (1/2)`,
		prompt: 'Why is this finding acceptable here? The reason is written in the file for reviewers.',
		placeHolder: 'for example: bastion reached through the VPN only',
		ignoreFocusOut: true,
		validateInput: value => reasonProblem(ruleId, value),
	});
	if (reason === undefined) {
		return undefined;
	}
	const until = await vscode.window.showInputBox({
		title: `Suppress ${ruleId} (2/2)`,
		prompt: 'Until when? A date (YYYY-MM-DD) after which the finding is reported again, or empty for no end date.',
		placeHolder: 'YYYY-MM-DD, or empty',
		ignoreFocusOut: true,
		validateInput: value => untilProblem(value, today),
	});
	if (until === undefined) {
		return undefined;
	}
	return until.trim() ? { ruleId, reason: reason.trim(), until: until.trim() } : { ruleId, reason: reason.trim() };
}

function fromAnswers(ruleId: string, value: unknown, today: string): SuppressionRequest {
	const { reason, until } = (typeof value === 'object' && value !== null ? value : {}) as { reason?: unknown; until?: unknown };
	if (typeof reason !== 'string' || (until !== undefined && typeof until !== 'string')) {
		throw new Error('aupGuard.suppressFinding: answers must be { reason: string, until?: string }');
	}
	const problem = reasonProblem(ruleId, reason) ?? untilProblem(until ?? '', today);
	if (problem) {
		throw new Error(`aupGuard.suppressFinding: ${problem}`);
	}
	return until ? { ruleId, reason: reason.trim(), until } : { ruleId, reason: reason.trim() };
}
