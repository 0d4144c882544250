import * as vscode from 'vscode';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceFindings } from './findings-store';
import type { ReferenceChange, ScriptReferences } from './script-references';
import { openDocument, type WorkspaceScanner } from './workspace-scanner';

/** Pause after a burst of events on one script (an editor saving, a generator rewriting it). */
const FILE_EVENT_DELAY_MS = 300;

/**
 * Keeps the findings of the scripts Terraform files read (`file("${path.module}/bootstrap")`)
 * in step with the references: a script that gains its first reader is scanned (from disk
 * through `vscode.workspace.fs`, or in its editor when open), one that loses its last reader is
 * withdrawn, and one read from elsewhere gets its pointers back to the calls updated. Nothing
 * here runs on a keystroke in the script: each script read has a watcher of its own (its name
 * may match no glob), and a Terraform edit costs a comparison unless it changes what is read.
 */
export class ReferencedScripts implements vscode.Disposable {
	private readonly watchers = new Map<string, vscode.Disposable>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		private readonly references: ScriptReferences<vscode.Uri>,
		private readonly scanner: WorkspaceScanner,
		private readonly diagnostics: DiagnosticsManager,
		private readonly store: WorkspaceFindings<vscode.Uri>,
		/** After a workspace scan, a script no longer read may still count by its own name (`init.sh`). */
		private readonly workspaceScanned: () => boolean,
	) {
		const subscription = references.onDidChange(change => this.changed(change));
		this.subscriptions.push(new vscode.Disposable(() => subscription.dispose()));
	}

	dispose(): void {
		for (const timer of this.timers.values()) {
			clearTimeout(timer);
		}
		this.timers.clear();
		for (const watcher of this.watchers.values()) {
			watcher.dispose();
		}
		this.watchers.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private changed(change: ReferenceChange<vscode.Uri>): void {
		for (const uri of change.added) {
			this.watch(uri);
			this.refresh(uri);
		}
		for (const uri of change.removed) {
			this.unwatch(uri);
			this.release(uri);
		}
		for (const uri of change.moved) {
			this.republish(uri);
		}
	}

	/** Newly read: scanned as a script, wherever it is. */
	private refresh(uri: vscode.Uri): void {
		const document = openDocument(uri);
		if (document) {
			void this.diagnostics.validate(document);
		} else {
			void this.scanner.rescan(uri);
		}
	}

	/** Read no more: an open script is planned again as any document; a closed one counts only by its name now. */
	private release(uri: vscode.Uri): void {
		const document = openDocument(uri);
		if (document) {
			void this.diagnostics.validate(document);
		} else if (this.workspaceScanned()) {
			void this.scanner.rescan(uri);
		} else {
			this.scanner.remove(uri);
		}
	}

	/** Read from elsewhere: the same findings, pointing at the calls where they are now. */
	private republish(uri: vscode.Uri): void {
		const document = openDocument(uri);
		if (document) {
			void this.diagnostics.validate(document);
			return;
		}
		const entry = this.store.get(uri);
		if (entry?.origin === 'disk') {
			this.diagnostics.publishClosed(uri, entry.findings);
		}
	}

	private watch(uri: vscode.Uri): void {
		const key = uri.toString();
		if (this.watchers.has(key)) {
			return;
		}
		const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
		const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
		const changed = (): void => this.changedOnDisk(uri);
		this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)));
	}

	private unwatch(uri: vscode.Uri): void {
		const key = uri.toString();
		this.watchers.get(key)?.dispose();
		this.watchers.delete(key);
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
	}

	/** An open script is its editor's; a deleted one is forgotten by the rescan, which finds nothing. */
	private changedOnDisk(uri: vscode.Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			if (this.references.has(uri) && !openDocument(uri)) {
				void this.scanner.rescan(uri);
			}
		}, FILE_EVENT_DELAY_MS));
	}
}
