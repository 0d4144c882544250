// The fixture workspace, documents and settings, driven the way a user drives them.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'autoscalr.aup-guard';

/** Enough for a cold parser load on a slow 2-core CI machine; a hang still fails fast. */
export const DEFAULT_WAIT_MS = 15_000;

/** The fixture workspace: the runner opens a temp copy of test/fixtures/workspace. */
export function workspaceRoot(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) {
		throw new Error('no workspace folder is open; the runner must open test/fixtures/workspace');
	}
	return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
	return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Activates the extension under test (if its activation events have not already). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	if (!extension) {
		throw new Error(`extension ${EXTENSION_ID} is not loaded; is extensionDevelopmentPath the repository?`);
	}
	await extension.activate();
	return extension;
}

/**
 * Opens a fixture the way a user does (`vscode.open`, as a click in the Explorer would), not
 * with `workspace.openTextDocument`: a document opened through the API stays loaded for
 * minutes after its editor closes, so closing it would not reach the extension.
 */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
	const uri = fixtureUri(relativePath);
	const opened = whenOpen(uri);
	await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
	return opened;
}

/** Closes every editor and resolves once VS Code has unloaded the given documents. */
export async function closeAllEditors(documents: readonly vscode.TextDocument[], timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
	const closed = documents.map(document => whenClosed(document, timeoutMs));
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	await Promise.all(closed);
}

/** Resolves with the document for `uri` once the extension host knows it is open. */
export function whenOpen(uri: vscode.Uri, timeoutMs = DEFAULT_WAIT_MS): Promise<vscode.TextDocument> {
	return waitForEvent(vscode.workspace.onDidOpenTextDocument, () => findDocument(uri), `${vscode.workspace.asRelativePath(uri)} to open`, timeoutMs);
}

/** Resolves once the document is unloaded (onDidCloseTextDocument). */
export function whenClosed(document: vscode.TextDocument, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
	return waitForEvent(vscode.workspace.onDidCloseTextDocument, () => document.isClosed || undefined,
		`${vscode.workspace.asRelativePath(document.uri)} to close`, timeoutMs).then(() => undefined);
}

function findDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
	return vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
}

/** Resolves with `probe()` once it is defined: checked now and after each `event`. */
function waitForEvent<E, T>(event: vscode.Event<E>, probe: () => T | undefined, waitingFor: string, timeoutMs: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = event(() => check());
		const timer = setTimeout(() => {
			subscription.dispose();
			reject(new Error(`timed out after ${timeoutMs} ms waiting for ${waitingFor}`));
		}, timeoutMs);
		function check(): void {
			const value = probe();
			if (value !== undefined) {
				clearTimeout(timer);
				subscription.dispose();
				resolve(value);
			}
		}
		// after the subscription, so an event between the check and the subscription is not lost
		queueMicrotask(check);
	});
}

/** Sets a setting in the workspace and returns a function that puts the old value back. */
export async function setSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
	const configuration = vscode.workspace.getConfiguration(section);
	const previous = configuration.inspect(key)?.workspaceValue;
	await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
	return async () => {
		await vscode.workspace.getConfiguration(section).update(key, previous, vscode.ConfigurationTarget.Workspace);
	};
}
