import * as vscode from 'vscode';

export const REPORT_PREVIEW_SCHEME = 'aup-guard-report';

/**
 * Read-only documents that show a report exactly as it will be sent. Being virtual, they are
 * never dirty and never ask to be saved, so closing one leaves nothing behind.
 */
export class ReportPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
	private readonly texts = new Map<string, string>();
	private next = 0;
	private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_PREVIEW_SCHEME, this);

	provideTextDocumentContent(uri: vscode.Uri): string {
		return this.texts.get(uri.toString()) ?? '';
	}

	/** Opens a preview beside the active editor, leaving the focus where the questions are asked. */
	async show(markdown: string): Promise<vscode.Uri> {
		const uri = vscode.Uri.from({ scheme: REPORT_PREVIEW_SCHEME, path: `/report-${++this.next}.md` });
		this.texts.set(uri.toString(), markdown);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.languages.setTextDocumentLanguage(document, 'markdown');
		await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
		return uri;
	}

	/** Closes the preview's tabs and forgets its text. */
	async close(uri: vscode.Uri): Promise<void> {
		const tabs = vscode.window.tabGroups.all.flatMap(group => group.tabs)
			.filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
		if (tabs.length > 0) {
			await vscode.window.tabGroups.close(tabs);
		}
		this.texts.delete(uri.toString());
	}

	dispose(): void {
		this.registration.dispose();
		this.texts.clear();
	}
}
