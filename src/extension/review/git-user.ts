import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';

// Node only: imported by the desktop entry (extension.ts), never by the web bundle.

/**
 * `git config user.name` in the folder, the name a reviewer already signs commits with, or
 * undefined when git is missing, the folder is not local, or no name is set.
 */
export function gitUserName(folder: vscode.Uri): Promise<string | undefined> {
	if (folder.scheme !== 'file') {
		return Promise.resolve(undefined);
	}
	return new Promise(resolve => {
		execFile('git', ['config', 'user.name'], { cwd: folder.fsPath, timeout: 5000, windowsHide: true }, (error, stdout) => {
			const name = error ? '' : stdout.trim();
			resolve(name || undefined);
		});
	});
}
