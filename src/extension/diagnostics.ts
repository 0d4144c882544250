import * as vscode from 'vscode';
import type { Engine, Finding, ReferencedScript } from '../engine/index';
import { documentLabel, enginePath, isCandidate, planScan, settingsFor, type ScanPlan } from './scan-plan';
import { scanOptionsFor } from './settings';
import type { ScanLog } from './scan-log';
import { DocumentScans } from './document-scans';
import { diagnosticRuleId, readByInformation, toDiagnostic } from './to-diagnostic';
import type { ScriptReferences } from './workspace/script-references';

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

/**
 * A document's findings changed: `findings` after a scan (suppressed ones included), undefined
 * when its diagnostics were withdrawn because it closed or no longer qualifies.
 */
export interface PublishEvent {
	readonly document: vscode.TextDocument;
	readonly findings: readonly Finding[] | undefined;
	readonly closed: boolean;
	/** After a scan: the scripts the document reads (Terraform's `file()`, `templatefile()`), if any. */
	readonly referencedScripts?: readonly ReferencedScript[];
}

/**
 * Keeps the 'aup-guard' diagnostic collection in step with open documents: scans on open and
 * save at once, on edits after a per-document pause, and withdraws diagnostics when a document
 * closes or stops qualifying (settings, include/exclude, content no longer IaC).
 */
export class DiagnosticsManager implements vscode.Disposable {
	private readonly collection = vscode.languages.createDiagnosticCollection('aup-guard');
	private readonly states = new DocumentScans();
	private readonly publishEmitter = new vscode.EventEmitter<PublishEvent>();
	private readonly subscriptions: vscode.Disposable[] = [this.collection, this.publishEmitter];
	/** Fires after each publish or withdrawal for an open document, so the workspace view stays current. */
	readonly onDidPublish = this.publishEmitter.event;
	private disposed = false;

	/**
	 * `scripts` says which files Terraform files read as scripts: those are scanned as scripts
	 * whatever their names. `moduleVariables` names what a Terraform file's neighbours declare, so
	 * the variables quick fixes declare do not clash with theirs.
	 */
	constructor(
		private readonly engine: Engine,
		private readonly log: ScanLog,
		private readonly scripts: ScriptReferences<vscode.Uri>,
		private readonly moduleVariables?: { namesFor(uri: vscode.Uri): Promise<ReadonlySet<string>> },
	) {
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
		on(vscode.workspace.onDidCloseTextDocument, document => {
			const known = this.states.has(document.uri.toString());
			this.close(document.uri);
			if (known) {
				this.publishEmitter.fire({ document, findings: undefined, closed: true });
			}
		});
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
		const referenced = this.scripts.has(document.uri);
		const plan = this.guard('planning a scan', () => planScan(document, (path, text) => this.engine.formatOf(path, text), referenced))
			?? { scan: false, reason: 'an internal error; see the AUP Guard output', logged: true };
		if (!plan.scan) {
			// Most documents (output channels, other languages) were never ours: nothing to withdraw.
			if (this.states.has(key)) {
				this.states.restart(key);
				this.withdraw(document.uri);
				this.publishEmitter.fire({ document, findings: undefined, closed: false });
			}
			if (plan.logged) {
				this.log.skipped(key, documentLabel(document.uri), plan.reason);
			}
			return plan;
		}
		const state = this.states.restart(key);
		const generation = state.generation;
		const version = document.version;
		const isStale = (): boolean => this.disposed || document.isClosed || document.version !== version
			|| this.states.get(key) !== state || state.generation !== generation;
		try {
			const moduleVariables = plan.format === 'terraform' ? await this.moduleVariables?.namesFor(document.uri) : undefined;
			if (isStale()) {
				return plan;
			}
			const result = await this.engine.scan(
				{ path: enginePath(document.uri), text: document.getText(), format: plan.format },
				{ ...scanOptionsFor(plan.settings, isStale), ...(moduleVariables ? { moduleVariables } : {}) },
			);
			if (result.cancelled || isStale()) {
				return plan;
			}
			this.log.result(key, documentLabel(document.uri), result);
			// Suppressed findings stay in the CLI's reports for audit; in the editor they are not problems.
			const related = this.readBy(document.uri);
			const entries = result.findings
				.filter(finding => !finding.suppressed)
				.map(finding => ({ diagnostic: toDiagnostic(finding, related), finding }));
			state.published = { version, entries };
			this.collection.set(document.uri, entries.map(entry => entry.diagnostic));
			this.publishEmitter.fire({ document, findings: result.findings, closed: false, referencedScripts: result.referencedScripts });
		} catch (error) {
			this.log.unexpected(`Scanning ${documentLabel(document.uri)}`, error);
		}
		return plan;
	}

	/**
	 * Diagnostics for a file that is not open, from a workspace scan of its content on disk. This
	 * manager owns the one collection, so an open document's own scan always wins: the call is
	 * ignored while the file is open, and closing it hands it back to the workspace scan.
	 */
	publishClosed(uri: vscode.Uri, findings: readonly Finding[] | undefined): void {
		if (this.disposed || this.states.has(uri.toString()) || isOpen(uri)) {
			return;
		}
		if (findings === undefined) {
			this.collection.delete(uri);
			return;
		}
		const related = this.readBy(uri);
		this.collection.set(uri, findings.filter(finding => !finding.suppressed).map(finding => toDiagnostic(finding, related)));
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
		this.states.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	/** Debounced scan after an edit; the running scan of the older text is dropped at once. */
	private schedule(document: vscode.TextDocument): void {
		// Output channels change on every log line; only documents that may hold IaC are worth a timer.
		if (!isCandidate(document) && !this.scripts.has(document.uri)) {
			return;
		}
		this.states.schedule(document.uri.toString(), settingsFor(document.uri).debounceMs, () => void this.validate(document));
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
		this.states.delete(key);
		this.collection.delete(uri);
		this.engine.forget(enginePath(uri));
		this.log.forget(key);
	}

	/** For a script Terraform files read: where they read it. */
	private readBy(uri: vscode.Uri): vscode.DiagnosticRelatedInformation[] | undefined {
		return this.scripts.has(uri) ? readByInformation(this.scripts.referrals(uri)) : undefined;
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

function isOpen(uri: vscode.Uri): boolean {
	const key = uri.toString();
	return vscode.workspace.textDocuments.some(document => document.uri.toString() === key);
}
