import * as vscode from 'vscode';
import type { Engine, Finding } from '../engine/index';
import { documentLabel, enginePath, isCandidate, planScan, settingsFor, type ScanPlan } from './scan-plan';
import type { ScanLog } from './scan-log';
import { diagnosticRuleId, toDiagnostic } from './to-diagnostic';

/** A published diagnostic and the finding it shows, so code actions can reach the finding's fixes. */
export interface FindingEntry {
	readonly diagnostic: vscode.Diagnostic;
	readonly finding: Finding;
}

/** What was last published for a document; fixes apply only to `version`. */
export interface PublishedFindings {
	readonly version: number;
	readonly entries: readonly FindingEntry[];
}

interface DocumentState {
	timer?: ReturnType<typeof setTimeout>;
	/** Bumped by every new scan or withdrawal, so an older scan in flight knows to stop. */
	generation: number;
	published?: PublishedFindings;
}

/**
 * Keeps the 'aup-guard' diagnostic collection in step with open documents: scans on open and
 * save at once, on edits after a per-document pause, and withdraws diagnostics when a document
 * closes or stops qualifying (settings, include/exclude, content no longer IaC).
 */
export class DiagnosticsManager implements vscode.Disposable {
	private readonly collection = vscode.languages.createDiagnosticCollection('aup-guard');
	private readonly states = new Map<string, DocumentState>();
	private readonly subscriptions: vscode.Disposable[] = [this.collection];
	private disposed = false;

	constructor(private readonly engine: Engine, private readonly log: ScanLog) {
		const on = <T>(event: vscode.Event<T>, handler: (value: T) => void): void => {
			this.subscriptions.push(event(value => this.guard('event handler', () => handler(value))));
		};
		on(vscode.workspace.onDidOpenTextDocument, document => void this.validate(document));
		on(vscode.workspace.onDidSaveTextDocument, document => void this.validate(document));
		on(vscode.workspace.onDidChangeTextDocument, event => {
			// Events without content changes only report dirty state or a re-detected language.
			if (event.contentChanges.length > 0) {
				this.schedule(event.document);
			}
		});
		on(vscode.workspace.onDidCloseTextDocument, document => this.close(document.uri));
		on(vscode.workspace.onDidChangeConfiguration, event => {
			if (event.affectsConfiguration('aupGuard')) {
				this.validateAll();
			}
		});
		// Include and exclude are relative to workspace folders, so a folder change can change the answer.
		on(vscode.workspace.onDidChangeWorkspaceFolders, () => this.validateAll());
	}

	/** Scans every open document now, for activation and settings changes. */
	validateAll(): void {
		for (const document of vscode.workspace.textDocuments) {
			void this.validate(document);
		}
	}

	/**
	 * Scans a document now, replacing any pending or running scan of it, and returns why it was
	 * not scanned, if it was not. Never rejects: failures go to the output channel.
	 */
	async validate(document: vscode.TextDocument): Promise<ScanPlan> {
		const key = document.uri.toString();
		const plan = this.guard('planning a scan', () => planScan(document, (path, text) => this.engine.formatOf(path, text)))
			?? { scan: false, reason: 'an internal error; see the AUP Guard output', logged: true };
		if (!plan.scan) {
			// Most documents (output channels, other languages) were never ours: nothing to withdraw.
			if (this.states.has(key)) {
				this.restart(key);
				this.withdraw(document.uri);
			}
			if (plan.logged) {
				this.log.skipped(key, documentLabel(document.uri), plan.reason);
			}
			return plan;
		}
		const state = this.restart(key);
		const generation = state.generation;
		const version = document.version;
		const isStale = (): boolean => this.disposed || document.isClosed || document.version !== version
			|| this.states.get(key) !== state || state.generation !== generation;
		try {
			const result = await this.engine.scan(
				{ path: enginePath(document.uri), text: document.getText(), format: plan.format },
				{ ruleSeverities: plan.settings.rules, maxFileSize: plan.settings.maxFileSize, isCancelled: isStale },
			);
			if (result.cancelled || isStale()) {
				return plan;
			}
			this.log.result(key, documentLabel(document.uri), result);
			// Suppressed findings stay in the CLI's reports for audit; in the editor they are not problems.
			const entries = result.findings
				.filter(finding => !finding.suppressed)
				.map(finding => ({ diagnostic: toDiagnostic(finding), finding }));
			state.published = { version, entries };
			this.collection.set(document.uri, entries.map(entry => entry.diagnostic));
		} catch (error) {
			this.log.unexpected(`Scanning ${documentLabel(document.uri)}`, error);
		}
		return plan;
	}

	/** What was last published for a document, with the version it was computed for. */
	published(uri: vscode.Uri): PublishedFindings | undefined {
		return this.states.get(uri.toString())?.published;
	}

	/**
	 * The finding behind a diagnostic. VS Code hands code action providers copies, not the
	 * objects we published, so the match is on rule id, range and message.
	 */
	findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined {
		const ruleId = diagnosticRuleId(diagnostic);
		return this.published(uri)?.entries.find(entry => diagnosticRuleId(entry.diagnostic) === ruleId
			&& entry.diagnostic.range.isEqual(diagnostic.range)
			&& entry.diagnostic.message === diagnostic.message)?.finding;
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		for (const state of this.states.values()) {
			clearTimeout(state.timer);
		}
		this.states.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	/** Debounced scan after an edit; the running scan of the older text is dropped at once. */
	private schedule(document: vscode.TextDocument): void {
		// Output channels change on every log line; only documents that may hold IaC are worth a timer.
		if (!isCandidate(document)) {
			return;
		}
		const key = document.uri.toString();
		const state = this.restart(key);
		const delay = settingsFor(document.uri).debounceMs;
		state.timer = setTimeout(() => {
			state.timer = undefined;
			void this.validate(document);
		}, delay);
	}

	/** Cancels the document's pending and running scans and returns its state. */
	private restart(key: string): DocumentState {
		let state = this.states.get(key);
		if (!state) {
			state = { generation: 0 };
			this.states.set(key, state);
		}
		clearTimeout(state.timer);
		state.timer = undefined;
		state.generation++;
		return state;
	}

	/** Removes a document's diagnostics and the engine's state for it, but keeps its log history. */
	private withdraw(uri: vscode.Uri): void {
		const state = this.states.get(uri.toString());
		if (state) {
			state.published = undefined;
		}
		this.collection.delete(uri);
		this.engine.forget(enginePath(uri));
	}

	private close(uri: vscode.Uri): void {
		const key = uri.toString();
		const state = this.states.get(key);
		clearTimeout(state?.timer);
		this.states.delete(key);
		this.collection.delete(uri);
		this.engine.forget(enginePath(uri));
		this.log.forget(key);
	}

	/** Contains a throw from our own code: logged with its stack, never surfaced to VS Code. */
	private guard<T>(context: string, work: () => T): T | undefined {
		try {
			return work();
		} catch (error) {
			this.log.unexpected(context, error);
			return undefined;
		}
	}
}
