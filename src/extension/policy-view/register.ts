import * as vscode from 'vscode';
import type { Rule } from '../../engine/index';
import type { DiagnosticsManager } from '../diagnostics';
import { REPORT_COMMAND } from '../report/register';
import { readReportSettings } from '../report/settings';
import { openDocumentsSource, workspaceSource, type WorkspaceFindingsState } from './findings-source';
import { POLICY_VIEW_TYPE, PolicyView } from './panel';

export const POLICY_VIEW_COMMAND = 'aupGuard.openPolicyView';

export interface PolicyViewRegistration {
	readonly extensionUri: vscode.Uri;
	readonly diagnostics: DiagnosticsManager;
	readonly rules: readonly Rule[];
	readonly output: vscode.LogOutputChannel;
	/** The workspace scan's findings: the view shows the whole workspace's standing once it has run. */
	readonly workspace: WorkspaceFindingsState;
}

/**
 * `aupGuard.openPolicyView` takes an optional target (an item id such as `backups`, a section
 * number such as `4`, or `{ section }` / `{ item }`) to scroll to and highlight, and returns a
 * probe of the panel (see PolicyViewProbe). The serializer brings the panel back after a restart.
 */
export function registerPolicyView(deps: PolicyViewRegistration): vscode.Disposable[] {
	const view = new PolicyView({
		extensionUri: deps.extensionUri,
		source: workspaceSource(deps.workspace, openDocumentsSource(deps.diagnostics)),
		rules: deps.rules,
		log: deps.output,
		policyUrl: () => readReportSettings(key => vscode.workspace.getConfiguration('aupGuard').get(key)).policyUrl,
		report: () => vscode.commands.executeCommand(REPORT_COMMAND),
	});
	return [
		view,
		vscode.commands.registerCommand(POLICY_VIEW_COMMAND, (target?: unknown) => {
			try {
				return view.show(target);
			} catch (error) {
				deps.output.error(`Command ${POLICY_VIEW_COMMAND}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
				void vscode.window.showErrorMessage('AUP Guard could not open the Acceptable Use Policy view. See the AUP Guard output for details.');
				return undefined;
			}
		}),
		vscode.window.registerWebviewPanelSerializer(POLICY_VIEW_TYPE, {
			deserializeWebviewPanel: async (panel, state: unknown) => view.restore(panel, state),
		}),
	];
}
