import * as vscode from 'vscode';
import type { Engine } from '../../engine/index';
import type { DiagnosticsManager, PublishEvent } from '../diagnostics';
import { generatedHash } from '../review/generated';
import type { ScanLog } from '../scan-log';
import { CANDIDATE_GLOB } from './candidates';
import { WorkspaceFindings } from './findings-store';
import { IGNORE_FILE_NAME } from './ignore-file';
import { ReferencedScripts } from './referenced-scripts';
import type { ScriptReferences } from './script-references';
import { isOpen, scriptsReadBy, WorkspaceScanner, type ScanSummary } from './workspace-scanner';

/** Pause after a burst of file-system events (a checkout, a generator writing files) before rescanning. */
const FILE_EVENT_DELAY_MS = 300;
/** Settings and ignore-file changes rescan the workspace; typing in settings.json makes bursts. */
const RESCAN_DELAY_MS = 800;

/**
 * Keeps the workspace findings current: open documents from the editor's scans as they are
 * published, closed files from a workspace scan and, once one has run, from rescans of the files
 * that change on disk. Nothing is rescanned on a keystroke: edits reach the store through the
 * DiagnosticsManager's own debounced scans.
 */
export class WorkspaceController implements vscode.Disposable {
	readonly store = new WorkspaceFindings<vscode.Uri>();
	private readonly scanner: WorkspaceScanner;
	private readonly subscriptions: vscode.Disposable[] = [];
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	/** Per document, so a slow hash of older text cannot overwrite a newer result. */
	private readonly sequence = new Map<string, number>();
	private running?: vscode.CancellationTokenSource;
	/** After the first workspace scan, closed files are kept in the store and the Problems panel. */
	private scanned = false;

	constructor(
		engine: Engine,
		diagnostics: DiagnosticsManager,
		log: ScanLog,
		private readonly output: { info(message: string): void },
		private readonly scripts: ScriptReferences<vscode.Uri>,
	) {
		this.scanner = new WorkspaceScanner(engine, diagnostics, this.store, log, scripts);
		this.subscriptions.push(new ReferencedScripts(scripts, this.scanner, diagnostics, this.store, () => this.scanned));
		this.subscriptions.push(diagnostics.onDidPublish(event => void this.onPublish(event)));
		const files = vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB);
		const ignoreFiles = vscode.workspace.createFileSystemWatcher(`**/${IGNORE_FILE_NAME}`);
		this.subscriptions.push(files, ignoreFiles);
		this.subscriptions.push(files.onDidCreate(uri => this.fileChanged(uri)), files.onDidChange(uri => this.fileChanged(uri)));
		this.subscriptions.push(files.onDidDelete(uri => {
			this.cancelTimer(uri.toString());
			this.scanner.remove(uri);
		}));
		const ignoreChanged = (): void => {
			this.scanner.forgetIgnoreFiles();
			this.rescanLater();
		};
		this.subscriptions.push(ignoreFiles.onDidCreate(ignoreChanged), ignoreFiles.onDidChange(ignoreChanged), ignoreFiles.onDidDelete(ignoreChanged));
		this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('aupGuard')) {
				this.rescanLater();
			}
		}));
		this.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescanLater()));
	}

	/** Whether a workspace scan has run, so the store holds closed files too. */
	get hasScanned(): boolean {
		return this.scanned;
	}

	/** Scans the whole workspace, cancelling a scan still running; resolves when it ends. */
	async scan(location: vscode.ProgressLocation | { viewId: string }): Promise<ScanSummary> {
		this.running?.cancel();
		const source = new vscode.CancellationTokenSource();
		this.running = source;
		const started = Date.now();
		try {
			const summary = await vscode.window.withProgress(
				{ location, title: 'AUP Guard: Scanning the workspace', cancellable: location === vscode.ProgressLocation.Notification },
				(progress, token) => {
					token.onCancellationRequested(() => source.cancel());
					return this.scanner.scanAll(progress, () => source.token.isCancellationRequested);
				},
			);
			this.scanned = true;
			const outcome = summary.cancelled ? 'cancelled after' : 'scanned';
			this.output.info(`Workspace scan ${outcome} ${summary.scanned} of ${summary.files} files in ${Date.now() - started} ms; ${summary.findings} findings in the workspace.`);
			return summary;
		} finally {
			if (this.running === source) {
				this.running = undefined;
			}
			source.dispose();
		}
	}

	dispose(): void {
		this.running?.cancel();
		for (const timer of this.timers.values()) {
			clearTimeout(timer);
		}
		this.timers.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private async onPublish(event: PublishEvent): Promise<void> {
		const { uri } = event.document;
		const key = uri.toString();
		const sequence = (this.sequence.get(key) ?? 0) + 1;
		this.sequence.set(key, sequence);
		if (event.findings) {
			// At once, in event order: what the editor's text reads now.
			this.scripts.update(uri, scriptsReadBy(uri, event.referencedScripts));
			const hash = await generatedHash(uri, event.document.getText()).catch(() => undefined);
			if (this.sequence.get(key) === sequence) {
				this.store.set({ uri, findings: event.findings, origin: 'editor', generatedHash: hash });
			}
			return;
		}
		this.sequence.delete(key);
		if (event.closed && (this.scanned || this.scripts.has(uri))) {
			// The editor's text may have differed from the file: what is on disk counts now. A
			// script a Terraform file reads is followed from disk even before any workspace scan.
			await this.scanner.rescan(uri);
		} else {
			this.store.delete(uri);
			this.scripts.update(uri, []);
		}
	}

	private fileChanged(uri: vscode.Uri): void {
		if (!this.scanned || isOpen(uri)) {
			return;
		}
		const key = uri.toString();
		this.cancelTimer(key);
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void this.scanner.rescan(uri);
		}, FILE_EVENT_DELAY_MS));
	}

	private rescanLater(): void {
		if (!this.scanned) {
			return;
		}
		this.cancelTimer('*');
		this.timers.set('*', setTimeout(() => {
			this.timers.delete('*');
			void this.scan(vscode.ProgressLocation.Window);
		}, RESCAN_DELAY_MS));
	}

	private cancelTimer(key: string): void {
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
	}
}
