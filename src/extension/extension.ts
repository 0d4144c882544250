import * as vscode from 'vscode';
import { createNodeHost } from '../platform/node-host';
import { activateWith, type AupGuardApi } from './activate';
import { gitUserName } from './review/git-user';

/** The desktop (Node) entry: WebAssembly is read from the `dist/` folder beside this bundle. */
export function activate(context: vscode.ExtensionContext): AupGuardApi {
	return activateWith(context, createNodeHost(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath), { reviewerName: gitUserName });
}

/** Nothing to do: everything created is in `context.subscriptions`, which VS Code disposes. */
export function deactivate(): void { }
