import * as vscode from 'vscode';
import { referencedScriptFormat, type Engine, type ReferencedScript } from '../../engine/index';
import type { DiagnosticsManager } from '../diagnostics';
import { generatedHash } from '../review/generated';
import { readText } from '../review/review-store';
import { documentLabel, enginePath, settingsFor } from '../scan-plan';
import { scanOptionsFor } from '../settings';
import type { ScanLog } from '../scan-log';
import { CANDIDATE_GLOB, isWorkspaceCandidate, joinGlobs, passesFilter } from './candidates';
import type { WorkspaceFindings } from './findings-store';
import { IGNORE_FILE_NAME, IGNORE_NOTHING, parseIgnoreFile, type IgnoreMatcher } from './ignore-file';
import { runLimited } from './run-limited';
import type { ScriptRead, ScriptReferences } from './script-references';

/** Enough to overlap file reads with scanning; the engine itself runs one rule at a time. */
const CONCURRENCY = 4;

export interface ScanSummary {
	readonly files: number;
	readonly scanned: number;
	readonly findings: number;
	readonly cancelled: boolean;
}

export interface ScanProgress {
	report(value: { message?: string; increment?: number }): void;
}

/**
 * Scans the files of every workspace folder that are not open in an editor (open ones are the
 * DiagnosticsManager's), honouring include/exclude and the folder's `.aupguardignore`, and
 * stores their findings and diagnostics. The scripts Terraform files read are scanned too,
 * whatever their names, and the Terraform files it scans tell `scripts` what they read.
 */
export class WorkspaceScanner {
	private readonly ignores = new Map<string, Promise<IgnoreMatcher>>();

	constructor(
		private readonly engine: Engine,
		private readonly diagnostics: DiagnosticsManager,
		private readonly store: WorkspaceFindings<vscode.Uri>,
		private readonly log: ScanLog,
		private readonly scripts: ScriptReferences<vscode.Uri>,
	) { }

	async scanAll(progress: ScanProgress, isCancelled: () => boolean): Promise<ScanSummary> {
		this.ignores.clear();
		const uris: vscode.Uri[] = [];
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			uris.push(...await this.candidates(folder));
		}
		let done = 0;
		const seen = new Set<string>();
		await runLimited(uris, CONCURRENCY, async uri => {
			seen.add(uri.toString());
			await this.scanFile(uri, isCancelled);
			done++;
			progress.report({ message: `${done} of ${uris.length} files`, increment: 100 / Math.max(1, uris.length) });
		}, isCancelled);
		// Then the scripts the Terraform files read that their names did not bring in (`bootstrap`).
		const scripts = this.scripts.scripts().filter(uri => !seen.has(uri.toString()) && !isOpen(uri));
		await runLimited(scripts, CONCURRENCY, async uri => {
			seen.add(uri.toString());
			await this.rescan(uri);
		}, isCancelled);
		const cancelled = isCancelled();
		if (!cancelled) {
			// Files deleted, excluded or ignored since the last scan: nothing on disk speaks for them now.
			const gone = this.store.all().filter(entry => entry.origin === 'disk' && !seen.has(entry.uri.toString()));
			this.store.retain(entry => !gone.includes(entry));
			gone.forEach(entry => {
				this.diagnostics.publishClosed(entry.uri, undefined);
				this.scripts.update(entry.uri, []);
			});
		}
		const findings = this.store.all().reduce((sum, entry) => sum + entry.findings.filter(finding => !finding.suppressed).length, 0);
		return { files: uris.length, scanned: done, findings, cancelled };
	}

	/**
	 * Rescans one closed file after it changed on disk or became a script a Terraform file reads,
	 * or forgets it when it no longer counts.
	 */
	async rescan(uri: vscode.Uri): Promise<void> {
		if (!await this.counts(uri)) {
			this.remove(uri);
			return;
		}
		await this.scanFile(uri, () => false);
	}

	/** Forgets a closed file, and what it read; an open document's entry is the editor's to keep. */
	remove(uri: vscode.Uri): void {
		if (!isOpen(uri)) {
			this.store.delete(uri);
			this.diagnostics.publishClosed(uri, undefined);
			this.scripts.update(uri, []);
		}
	}

	/** The ignore file changed: read it again on the next use. */
	forgetIgnoreFiles(): void {
		this.ignores.clear();
	}

	private async candidates(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
		const settings = settingsFor(folder.uri);
		if (!settings.enable) {
			return [];
		}
		const exclude = joinGlobs(settings.exclude);
		const found = await vscode.workspace.findFiles(
			new vscode.RelativePattern(folder, CANDIDATE_GLOB),
			exclude === undefined ? undefined : new vscode.RelativePattern(folder, exclude),
		);
		const ignore = await this.ignoreFor(folder);
		return found
			.filter(uri => isWorkspaceCandidate(relativePath(folder, uri), { include: settings.include, exclude: settings.exclude, ignore }))
			.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	/**
	 * Whether a closed file belongs in the store: a candidate by its name, or a script a Terraform
	 * file reads whatever its name; either way unless the settings or the ignore file leave it out.
	 * Outside every workspace folder only such a script counts, and only the settings can.
	 */
	private async counts(uri: vscode.Uri): Promise<boolean> {
		const script = this.scripts.has(uri);
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		if (!folder && !script) {
			return false;
		}
		const settings = settingsFor(uri);
		const filter = { include: settings.include, exclude: settings.exclude, ignore: folder ? await this.ignoreFor(folder) : IGNORE_NOTHING };
		const path = folder ? relativePath(folder, uri) : uri.path;
		return settings.enable && (script ? passesFilter(path, filter) : isWorkspaceCandidate(path, filter));
	}

	private ignoreFor(folder: vscode.WorkspaceFolder): Promise<IgnoreMatcher> {
		const key = folder.uri.toString();
		let matcher = this.ignores.get(key);
		if (!matcher) {
			matcher = readText(vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME)).then(parseIgnoreFile, error => {
				this.log.unexpected(`Reading ${IGNORE_FILE_NAME} in ${folder.name}`, error);
				return parseIgnoreFile(undefined);
			});
			this.ignores.set(key, matcher);
		}
		return matcher;
	}

	private async scanFile(uri: vscode.Uri, isCancelled: () => boolean): Promise<void> {
		if (isOpen(uri)) {
			return;
		}
		const key = uri.toString();
		const label = documentLabel(uri);
		try {
			const settings = settingsFor(uri);
			const stat = await vscode.workspace.fs.stat(uri);
			if (stat.size > settings.maxFileSize) {
				this.log.skipped(key, label, `larger than aupGuard.maxFileSize (${settings.maxFileSize} bytes)`);
				this.remove(uri);
				return;
			}
			const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
			const path = enginePath(uri);
			const format = this.engine.formatOf(path, text) ?? (this.scripts.has(uri) ? referencedScriptFormat(path, text) : undefined);
			if (!format) {
				this.remove(uri);
				return;
			}
			const result = await this.engine.scan({ path, text, format }, scanOptionsFor(settings, isCancelled));
			const hash = await generatedHash(uri, text);
			// The editor's scan owns an open document; a closed file's parse tree is not worth keeping.
			if (isOpen(uri)) {
				return;
			}
			this.engine.forget(path);
			if (result.cancelled) {
				return;
			}
			this.log.result(key, label, result);
			this.store.set({ uri, findings: result.findings, origin: 'disk', generatedHash: hash });
			this.diagnostics.publishClosed(uri, result.findings);
			this.scripts.update(uri, scriptsReadBy(uri, result.referencedScripts));
		} catch (error) {
			if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
				this.remove(uri);
				return;
			}
			this.log.unexpected(`Scanning ${label}`, error);
		}
	}
}

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
	const base = folder.uri.path.replace(/\/+$/, '');
	return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1) : uri.path;
}

/**
 * The scripts a file reads, as URIs beside it. A file with no folder of its own (an untitled
 * buffer) reads nothing that can be found.
 */
export function scriptsReadBy(uri: vscode.Uri, scripts: readonly ReferencedScript[] | undefined): ScriptRead<vscode.Uri>[] {
	if (!scripts || uri.scheme === 'untitled') {
		return [];
	}
	return scripts.map(script => ({ script: vscode.Uri.joinPath(uri, '..', script.relativePath), range: script.range }));
}

export function isOpen(uri: vscode.Uri): boolean {
	return openDocument(uri) !== undefined;
}

/** The document open for `uri`, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
	const key = uri.toString();
	return vscode.workspace.textDocuments.find(document => document.uri.toString() === key);
}
