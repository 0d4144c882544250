import * as vscode from 'vscode';
import type { Rule } from '../engine/index';
import { COMMANDS } from './command-ids';
import type { DiagnosticsManager } from './diagnostics';
import { openRuleDocs } from './rule-docs-provider';
import { aupSectionLabel } from './rule-docs';
import type { ScanLog } from './scan-log';

export interface CommandDependencies {
	readonly diagnostics: DiagnosticsManager;
	readonly rules: readonly Rule[];
	readonly output: vscode.OutputChannel;
	readonly log: ScanLog;
}

/** Registers every command; the caller puts the result into the extension's subscriptions. */
export function registerCommands(deps: CommandDependencies): vscode.Disposable[] {
	const register = (id: string, run: (...args: unknown[]) => Promise<void> | void): vscode.Disposable =>
		vscode.commands.registerCommand(id, async (...args: unknown[]) => {
			try {
				await run(...args);
			} catch (error) {
				// A command is one user action, so one message is fine; the stack goes to the log.
				deps.log.unexpected(`Command ${id}`, error);
				void vscode.window.showErrorMessage(`AUP Guard: ${id} failed. See the AUP Guard output for details.`);
			}
		});
	return [
		register(COMMANDS.scanActiveFile, () => scanActiveFile(deps.diagnostics)),
		register(COMMANDS.showOutput, () => deps.output.show(true)),
		register(COMMANDS.showRuleDocs, ruleId => showRuleDocs(deps.rules, ruleId)),
	];
}

async function scanActiveFile(diagnostics: DiagnosticsManager): Promise<void> {
	const document = vscode.window.activeTextEditor?.document;
	if (!document) {
		void vscode.window.showInformationMessage('AUP Guard: open a file to scan it.');
		return;
	}
	const plan = await diagnostics.validate(document);
	if (!plan.scan) {
		void vscode.window.showInformationMessage(`AUP Guard did not scan this file: ${plan.reason}.`);
	}
}

/** With a rule id (from a link or another command) opens that page; without, asks which. */
async function showRuleDocs(rules: readonly Rule[], ruleId: unknown): Promise<void> {
	if (typeof ruleId === 'string' && ruleId) {
		await openRuleDocs(ruleId);
		return;
	}
	if (rules.length === 0) {
		void vscode.window.showInformationMessage('AUP Guard has no rules loaded.');
		return;
	}
	const picked = await vscode.window.showQuickPick(
		rules.map(rule => ({
			label: rule.id,
			description: rule.title,
			detail: `${rule.severity} · ${aupSectionLabel(rule.aupSection)} · ${rule.category}`,
		})),
		{ title: 'AUP Guard Rules', placeHolder: 'Rule to show the documentation of', matchOnDescription: true, matchOnDetail: true },
	);
	if (picked) {
		await openRuleDocs(picked.label);
	}
}
