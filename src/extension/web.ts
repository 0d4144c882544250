import * as vscode from 'vscode';
import { activateWith, type AupGuardApi } from './activate';
import { createWebHost } from './web-host';

/** The web extension host entry (vscode.dev, github.dev): no Node API may be reached from here. */
export function activate(context: vscode.ExtensionContext): AupGuardApi {
	return activateWith(context, createWebHost(context.extensionUri));
}

export function deactivate(): void { }
