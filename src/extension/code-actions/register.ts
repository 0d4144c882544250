import * as vscode from 'vscode';
import type { Engine, Rule } from '../../engine/index';
import { commentMarker } from '../../engine/fixes/suppression-comment';
import { COMMANDS } from '../command-ids';
import type { DiagnosticsManager } from '../diagnostics';
import { documentFormat, SCANNED_SCHEMES } from '../document-filter';
import { FindingHoverProvider } from '../hover';
import type { ScanLog } from '../scan-log';
import { enginePath } from '../scan-plan';
import { suppressFinding } from '../suppress-command';
import { AupCodeActionProvider } from './provider';

export interface EditorFeatureDependencies {
	readonly engine: Engine;
	readonly diagnostics: DiagnosticsManager;
	readonly rules: readonly Rule[];
	readonly log: ScanLog;
	/** `contributes.commands` of this build, so actions call only commands that exist. */
	readonly contributedCommands: ReadonlySet<string>;
}

/** Code actions, hovers and the suppress command; the caller puts the result into subscriptions. */
export function registerEditorFeatures(deps: EditorFeatureDependencies): vscode.Disposable[] {
	// The documents the diagnostics manager scans; which of them hold findings it decides.
	const selector = [...SCANNED_SCHEMES].map(scheme => ({ scheme }));
	const canComment = (document: vscode.TextDocument): boolean => {
		const format = documentFormat(document.languageId, enginePath(document.uri), document.getText(), (path, text) => deps.engine.formatOf(path, text));
		return format !== undefined && commentMarker(format, document.getText()) !== undefined;
	};
	return [
		vscode.languages.registerCodeActionsProvider(selector, new AupCodeActionProvider(deps.diagnostics, { contributed: deps.contributedCommands, canComment }), {
			providedCodeActionKinds: AupCodeActionProvider.providedCodeActionKinds,
		}),
		vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(deps.diagnostics, deps.rules)),
		vscode.commands.registerCommand(COMMANDS.suppressFinding, async (finding?: unknown, answers?: unknown): Promise<boolean> => {
			try {
				return await suppressFinding({ engine: deps.engine, diagnostics: deps.diagnostics }, finding, answers);
			} catch (error) {
				deps.log.unexpected(`Command ${COMMANDS.suppressFinding}`, error);
				void vscode.window.showErrorMessage('AUP Guard could not insert the suppression. See the AUP Guard output for details.');
				return false;
			}
		}),
	];
}

/** The command ids in the extension's manifest. */
export function contributedCommands(packageJSON: unknown): Set<string> {
	const commands = (packageJSON as { contributes?: { commands?: unknown } } | undefined)?.contributes?.commands;
	return new Set(Array.isArray(commands)
		? commands.map(entry => (entry as { command?: unknown }).command).filter((id): id is string => typeof id === 'string')
		: []);
}
