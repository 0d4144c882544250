import * as vscode from 'vscode';
import type { ReportKind } from '../../engine/report/index';
import type { Delivery, FindingArgument, ReportAnswers } from './answers';
import type { ReportSettings } from './settings';

/**
 * Each question of the report command: the supplied answer when there is one, else the UI.
 * `undefined` means the user cancelled (Escape, or a `null` answer).
 */
export const ask = {
	async kind(answers: ReportAnswers, settings: ReportSettings): Promise<ReportKind | undefined> {
		if (answers.kind !== undefined) {
			return answers.kind ?? undefined;
		}
		const picked = await vscode.window.showQuickPick([
			{ label: 'Suspected Acceptable Use Policy violation', detail: `Goes to ${settings.abuseAddress}: mining, attacks, abuse of the platform.`, report: 'violation' as const },
			{ label: 'Security vulnerability in the Autoscalr platform', detail: `Goes to ${settings.securityAddress}: a weakness in the service itself.`, report: 'security' as const },
		], { title: 'Report a Violation or Security Issue (1/3)', placeHolder: 'What are you reporting?', ignoreFocusOut: true });
		return picked?.report;
	},

	async description(answers: ReportAnswers, finding: FindingArgument | undefined): Promise<string | undefined> {
		if (answers.description !== undefined) {
			const text = answers.description?.trim();
			return text ? text : undefined;
		}
		const text = await vscode.window.showInputBox({
			title: 'Report a Violation or Security Issue (2/3)',
			prompt: finding ? `What happened? The report already names ${finding.ruleId} and where it was found.` : 'What happened, where, and when? Secrets you paste are removed before anything leaves the editor.',
			placeHolder: 'A short description',
			ignoreFocusOut: true,
			validateInput: value => value.trim().length === 0 ? 'A description is required.' : undefined,
		});
		return text?.trim() || undefined;
	},

	async includeExcerpt(answers: ReportAnswers, label: string): Promise<boolean | undefined> {
		if (answers.includeExcerpt !== undefined) {
			return answers.includeExcerpt ?? undefined;
		}
		const picked = await vscode.window.showQuickPick([
			{ label: `Include ${label}`, detail: 'Secrets are replaced with markers first; you see the result before sending.', include: true },
			{ label: 'Do not include any code', include: false },
		], { title: 'Report a Violation or Security Issue (3/3)', placeHolder: `Include ${label}?`, ignoreFocusOut: true });
		return picked?.include;
	},

	async delivery(answers: ReportAnswers, to: string): Promise<Delivery | undefined> {
		if (answers.delivery !== undefined) {
			return answers.delivery === 'cancel' || answers.delivery === null ? undefined : answers.delivery;
		}
		const picked = await vscode.window.showQuickPick([
			{ label: 'Open in Mail Client', detail: `A new email to ${to}, with the subject and text shown in the preview.`, delivery: 'mail' as const },
			{ label: 'Copy to Clipboard', delivery: 'clipboard' as const },
			{ label: 'Save as Markdown File…', delivery: 'save' as const },
			{ label: 'Cancel', detail: 'Nothing is sent, copied or saved.', delivery: undefined },
		], { title: 'Send the Report Shown in the Preview', placeHolder: 'How do you want to send it?', ignoreFocusOut: true });
		return picked?.delivery;
	},

	async savePath(answers: ReportAnswers, title: string, fileName = 'aup-guard-report.md'): Promise<vscode.Uri | undefined> {
		if (answers.savePath !== undefined) {
			return answers.savePath ? vscode.Uri.file(answers.savePath) : undefined;
		}
		const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
		return vscode.window.showSaveDialog({
			title,
			saveLabel: 'Save',
			filters: { Markdown: ['md'] },
			...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
		});
	},
};
