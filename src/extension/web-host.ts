import * as vscode from 'vscode';
import type { ParserHost } from '../engine/index';

/**
 * A parser host for the web extension host, where there is no file system: the WebAssembly
 * copied beside the web bundle (`dist/web/`) is read through VS Code's file service, which
 * reaches the extension's own location wherever it is served from.
 */
export function createWebHost(extensionUri: vscode.Uri): ParserHost {
	return {
		async loadWasm(fileName: string): Promise<Uint8Array> {
			const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', fileName);
			try {
				return await vscode.workspace.fs.readFile(uri);
			} catch (error) {
				// Some hosts serve extensions over http(s) without a file system provider for it.
				if (uri.scheme !== 'http' && uri.scheme !== 'https') {
					throw error;
				}
				const response = await fetch(uri.toString());
				if (!response.ok) {
					throw new Error(`Could not load ${fileName}: HTTP ${response.status}`);
				}
				return new Uint8Array(await response.arrayBuffer());
			}
		},
	};
}
