// After the tests, leave the workbench in a state worth a screenshot: the flagged Terraform
// fixture open with its squiggles and the Problems panel listing the findings. The runner
// saves that picture to test-results/ so a failure in CI can be looked at, not guessed.
import * as vscode from 'vscode';
import { openFixture, waitForDiagnostics } from './helpers/index';

export async function showcase(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	const document = await openFixture('flagged/network.tf');
	await waitForDiagnostics(document.uri, diagnostics => diagnostics.length > 0, 10_000).catch(() => undefined);
	await vscode.commands.executeCommand('workbench.actions.view.problems');
}
