// After the tests, leave the workbench in a state worth a screenshot: the flagged Terraform
// fixture open with its squiggles and the Problems panel listing the findings. The runner
// saves that picture to test-results/ so a failure in CI can be looked at, not guessed.
import * as vscode from 'vscode';
import { fixtureUri, waitForDiagnostics } from './helpers';

export async function showcase(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	const uri = fixtureUri('flagged/network.tf');
	const document = await vscode.workspace.openTextDocument(uri);
	await vscode.window.showTextDocument(document, { preview: false });
	await waitForDiagnostics(uri, diagnostics => diagnostics.length > 0, 10_000).catch(() => undefined);
	await vscode.commands.executeCommand('workbench.actions.view.problems');
}
