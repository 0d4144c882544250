import * as vscode from 'vscode';
import type { Finding } from '../../engine/index';
import type { FileFinding } from '../../engine/policy/standing';
import type { DiagnosticsManager } from '../diagnostics';
import { activeFindings, type WorkspaceFindings } from '../workspace/findings-store';
import type { FindingsScope } from './model';

/** The findings the view's standing is computed from, and how to get back from a label to a file. */
export interface FindingsSnapshot {
	readonly findings: readonly FileFinding[];
	readonly scope: FindingsScope;
	/** The document a finding's `file` label names. */
	uriOf(file: string): vscode.Uri | undefined;
}

/** Where findings come from: the open documents, or every file the workspace scan found. */
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
		snapshot: () => snapshotOf('open-documents', vscode.workspace.textDocuments.flatMap(document => {
			const published = diagnostics.published(document.uri);
			return published ? [{ uri: document.uri, findings: published.entries.map(entry => entry.finding) }] : [];
		})),
	};
}

/** What the workspace source needs from the workspace scan. */
export interface WorkspaceFindingsState {
	readonly store: WorkspaceFindings<vscode.Uri>;
	/** Whether a workspace scan has run: only then does the store hold the closed files too. */
	hasScanned(): boolean;
}

/**
 * Every IaC file of the workspace once a workspace scan has run (open documents' entries in the
 * store follow the editor's text), and the open documents until then: the view then says how to
 * include the rest.
 */
export function workspaceSource(workspace: WorkspaceFindingsState, openDocuments: FindingsSource): FindingsSource {
	return {
		onDidChange: listener => {
			const fromStore = workspace.store.onDidChange(() => listener(undefined));
			const fromEditors = openDocuments.onDidChange(listener);
			return new vscode.Disposable(() => {
				fromStore.dispose();
				fromEditors.dispose();
			});
		},
		snapshot: () => workspace.hasScanned()
			? snapshotOf('workspace', workspace.store.all().map(entry => ({ uri: entry.uri, findings: activeFindings(entry) })))
			: openDocuments.snapshot(),
	};
}

/** The checked files' unsuppressed findings, each labelled as the view shows its file. */
function snapshotOf(kind: FindingsScope['kind'], files: readonly { readonly uri: vscode.Uri; readonly findings: readonly Finding[] }[]): FindingsSnapshot {
	const findings: FileFinding[] = [];
	const uris = new Map<string, vscode.Uri>();
	for (const { uri, findings: found } of files) {
		const file = fileLabel(uri);
		uris.set(file, uri);
		found.forEach(finding => findings.push({ file, finding }));
	}
	return { findings, scope: { kind, filesChecked: files.length }, uriOf: file => uris.get(file) };
}

/** Workspace-relative, with the folder's name only when several folders are open, as the Explorer shows it. */
function fileLabel(uri: vscode.Uri): string {
	if (uri.scheme === 'untitled') {
		return uri.path;
	}
	return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
