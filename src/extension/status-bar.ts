import * as vscode from 'vscode';
import { settingsFor } from './scan-plan';
import { COMMANDS } from './command-ids';
import { FINDINGS_VIEW } from './tree/findings-tree';
import { activeFindings, type WorkspaceFindings } from './workspace/findings-store';

/**
 * `$(shield) 2 · 14`: the active file's findings and the workspace's, suppressed ones not
 * counted. Hidden until AUP Guard has checked at least one IaC file, and when the user turns it off.
 */
export class FindingsStatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('aupGuard.status', vscode.StatusBarAlignment.Left, 50);
	private readonly subscriptions: vscode.Disposable[] = [this.item];
	private visible = false;

	constructor(private readonly store: WorkspaceFindings<vscode.Uri>) {
		this.item.name = 'AUP Guard';
		this.item.command = `${FINDINGS_VIEW}.focus`;
		this.subscriptions.push(store.onDidChange(() => this.update()));
		this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
		this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('aupGuard.statusBar')) {
				this.update();
			}
		}));
		this.update();
	}

	/** What the item shows, or undefined while hidden; for integration tests. */
	get text(): string | undefined {
		return this.visible ? this.item.text : undefined;
	}

	update(): void {
		const enabled = settingsFor(undefined)['statusBar.enable'];
		const entries = this.store.all();
		if (!enabled || entries.length === 0) {
			this.visible = false;
			this.item.hide();
			return;
		}
		const total = entries.reduce((sum, entry) => sum + activeFindings(entry).length, 0);
		const activeUri = vscode.window.activeTextEditor?.document.uri;
		const active = activeUri && this.store.get(activeUri);
		const here = active ? activeFindings(active).length : undefined;
		this.item.text = here === undefined ? `$(shield) ${total}` : `$(shield) ${here} · ${total}`;
		const tooltip = new vscode.MarkdownString(undefined, true);
		// Only the AUP view's command may run from this tooltip's links.
		tooltip.isTrusted = { enabledCommands: [OPEN_POLICY_VIEW] };
		tooltip.appendMarkdown('**AUP Guard**\n\n');
		if (here !== undefined) {
			tooltip.appendMarkdown(`${count(here)} in this file  \n`);
		}
		tooltip.appendMarkdown(`${count(total)} in the ${entries.length} IaC ${entries.length === 1 ? 'file' : 'files'} checked so far\n\n`);
		tooltip.appendMarkdown('Suppressed findings are not counted. Click to open the Findings view; **AUP Guard: Scan Workspace** checks files that are not open.\n\n');
		tooltip.appendMarkdown(`[$(law) Your AUP responsibilities](command:${OPEN_POLICY_VIEW})`);
		this.item.tooltip = tooltip;
		this.visible = true;
		this.item.show();
	}

	dispose(): void {
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}
}

const OPEN_POLICY_VIEW = COMMANDS.openPolicyView;

function count(value: number): string {
	return `${value} ${value === 1 ? 'finding' : 'findings'}`;
}
