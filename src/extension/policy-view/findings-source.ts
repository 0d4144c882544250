import * as vscode from 'vscode';
import type { FileFinding } from '../../engine/policy/standing';
import type { DiagnosticsManager } from '../diagnostics';
import type { FindingsScope } from './model';

/** The findings the view's standing is computed from, and how to get back from a label to a file. */
export interface FindingsSnapshot {
	readonly findings: readonly FileFinding[];
	readonly scope: FindingsScope;
	/** The document a finding's `file` label names. */
	uriOf(file: string): vscode.Uri | undefined;
}

/** Where findings come from: the open documents today; a workspace scan can provide the same shape. */
export interface FindingsSource {
	snapshot(): FindingsSnapshot;
	/** Fires when the findings may have changed; the view debounces. */
	readonly onDidChange: vscode.Event<unknown>;
}

/**
 * The published (unsuppressed) findings of every open document the extension scanned. A file
 * counts as checked once a scan of it has been published, even when it found nothing.
 */
export function openDocumentsSource(diagnostics: DiagnosticsManager): FindingsSource {
	return {
		onDidChange: vscode.languages.onDidChangeDiagnostics,
		snapshot: () => {
			const findings: FileFinding[] = [];
			const uris = new Map<string, vscode.Uri>();
			let filesChecked = 0;
			for (const document of vscode.workspace.textDocuments) {
				const published = diagnostics.published(document.uri);
				if (!published) {
					continue;
				}
				filesChecked++;
				const file = fileLabel(document.uri);
				uris.set(file, document.uri);
				for (const entry of published.entries) {
					findings.push({ file, finding: entry.finding });
				}
			}
			return { findings, scope: { kind: 'open-documents', filesChecked }, uriOf: file => uris.get(file) };
		},
	};
}

/** Workspace-relative, with the folder's name only when several folders are open, as the Explorer shows it. */
function fileLabel(uri: vscode.Uri): string {
	if (uri.scheme === 'untitled') {
		return uri.path;
	}
	return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
