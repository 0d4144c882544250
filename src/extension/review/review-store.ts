import * as vscode from 'vscode';
import {
	ATTESTATION_FILE, attestationFor, attestationKey, EMPTY_ATTESTATIONS, formatAttestations, isoDate, parseAttestations,
	reviewStatus, withAttestation, type Attestation, type AttestationFile, type ReviewStatus,
} from '../../engine/review/index';

/**
 * The attestations in each workspace folder's `.aupguard/reviews.json`, cached and kept current
 * by a file watcher (a `git pull` brings teammates' reviews). Reads go through VS Code's file
 * service, so this works in the web extension and in virtual workspaces alike.
 */
export class ReviewStore implements vscode.Disposable {
	private readonly files = new Map<string, AttestationFile>();
	private readonly loading = new Map<string, Promise<AttestationFile>>();
	/** Bumped per reload, so the last of overlapping reloads (the watcher fires in bursts) wins. */
	private readonly generations = new Map<string, number>();
	private readonly changed = new vscode.EventEmitter<void>();
	private readonly subscriptions: vscode.Disposable[] = [this.changed];
	readonly onDidChange = this.changed.event;

	constructor(private readonly onError: (context: string, error: unknown) => void) {
		const watcher = vscode.workspace.createFileSystemWatcher(`**/${ATTESTATION_FILE}`);
		this.subscriptions.push(watcher);
		const reload = (uri: vscode.Uri): void => {
			const folder = vscode.workspace.getWorkspaceFolder(uri);
			if (folder) {
				void this.reload(folder);
			}
		};
		this.subscriptions.push(watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
		this.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.changed.fire()));
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			void this.load(folder);
		}
	}

	/** From the cache, for the tree; a folder still loading reads as unreviewed until it fires. */
	cachedStatus(uri: vscode.Uri, hash: string): ReviewStatus {
		const location = locate(uri);
		const file = location && this.files.get(location.folder.uri.toString());
		if (location && !file) {
			void this.load(location.folder);
		}
		return reviewStatus(file && location ? attestationFor(file, location.key) : undefined, hash);
	}

	async status(uri: vscode.Uri, hash: string): Promise<ReviewStatus | undefined> {
		const location = locate(uri);
		if (!location) {
			return undefined;
		}
		const file = await this.load(location.folder);
		return reviewStatus(attestationFor(file, location.key), hash);
	}

	/**
	 * Records a review of `hash` for the file. The attestation file is read fresh and only this
	 * file's entry replaced, so reviews written meanwhile (another window, a pull) are kept.
	 */
	async attest(uri: vscode.Uri, hash: string, reviewer: string, now = new Date()): Promise<Attestation> {
		const location = locate(uri);
		if (!location) {
			throw new Error('only files inside a workspace folder can be marked reviewed: the review is stored in the folder');
		}
		const target = attestationUri(location.folder);
		const parsed = parseAttestations(await readText(target));
		if (!parsed.ok) {
			// Overwriting would lose every review in it; the user has to fix the file first.
			throw new Error(`${ATTESTATION_FILE} cannot be read (${parsed.error}); fix or remove it, then try again`);
		}
		const attestation: Attestation = { sha256: hash, reviewer, date: isoDate(now) };
		const updated = withAttestation(parsed.file, location.key, attestation);
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
		await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(formatAttestations(updated)));
		const key = location.folder.uri.toString();
		// What was just written is newer than any read still in flight.
		this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
		this.loading.delete(key);
		this.files.set(key, updated);
		this.changed.fire();
		return attestation;
	}

	dispose(): void {
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private load(folder: vscode.WorkspaceFolder): Promise<AttestationFile> {
		const key = folder.uri.toString();
		const cached = this.files.get(key);
		if (cached) {
			return Promise.resolve(cached);
		}
		return this.loading.get(key) ?? this.reload(folder);
	}

	private reload(folder: vscode.WorkspaceFolder): Promise<AttestationFile> {
		const key = folder.uri.toString();
		const generation = (this.generations.get(key) ?? 0) + 1;
		this.generations.set(key, generation);
		const loading = (async (): Promise<AttestationFile> => {
			let file = EMPTY_ATTESTATIONS;
			try {
				const parsed = parseAttestations(await readText(attestationUri(folder)));
				if (parsed.ok) {
					file = parsed.file;
				} else {
					this.onError(`Reading ${ATTESTATION_FILE} in ${folder.name}`, new Error(parsed.error));
				}
			} catch (error) {
				this.onError(`Reading ${ATTESTATION_FILE} in ${folder.name}`, error);
			}
			// A newer reload (the watcher fired again) has the last word.
			if (this.generations.get(key) === generation) {
				this.loading.delete(key);
				this.files.set(key, file);
				this.changed.fire();
			}
			return file;
		})();
		this.loading.set(key, loading);
		return loading;
	}
}

function attestationUri(folder: vscode.WorkspaceFolder): vscode.Uri {
	return vscode.Uri.joinPath(folder.uri, ...ATTESTATION_FILE.split('/'));
}

function locate(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; key: string } | undefined {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	const key = folder && attestationKey(folder.uri.path, uri.path);
	return folder && key ? { folder, key } : undefined;
}

/** The file's text, or undefined when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
	try {
		return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
	} catch (error) {
		if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
			return undefined;
		}
		throw error;
	}
}
