import type { Finding } from '../../engine/index';

// No `vscode` import: the store is keyed by the URI's string form and carries the URI along,
// so the tree, the status bar and tests share one plain model.

/** Where an entry's findings came from: the open editor's text or the file on disk. */
export type FindingsOrigin = 'editor' | 'disk';

export interface FileFindings<U> {
	readonly uri: U;
	/** Every finding, suppressed ones included (the tree lists those apart, for audit). */
	readonly findings: readonly Finding[];
	readonly origin: FindingsOrigin;
	/** Set when the file carries a generated-file marker: the hash of the scanned text. */
	readonly generatedHash?: string;
}

export interface Disposable {
	dispose(): void;
}

type Listener<U> = (changed: readonly U[]) => void;

/**
 * The findings of every IaC file AUP Guard knows about, clean files included (with no findings),
 * so "no IaC here" and "nothing wrong here" can be told apart. Open documents' entries come from
 * the editor's scans; closed files' from the workspace scan.
 */
export class WorkspaceFindings<U extends { toString(): string }> {
	private readonly entries = new Map<string, FileFindings<U>>();
	private readonly listeners = new Set<Listener<U>>();

	set(entry: FileFindings<U>): void {
		this.entries.set(entry.uri.toString(), entry);
		this.fire([entry.uri]);
	}

	delete(uri: U): void {
		if (this.entries.delete(uri.toString())) {
			this.fire([uri]);
		}
	}

	/** Drops every entry `keep` rejects, with one change event. */
	retain(keep: (entry: FileFindings<U>) => boolean): void {
		const removed: U[] = [];
		for (const [key, entry] of this.entries) {
			if (!keep(entry)) {
				this.entries.delete(key);
				removed.push(entry.uri);
			}
		}
		if (removed.length > 0) {
			this.fire(removed);
		}
	}

	get(uri: U): FileFindings<U> | undefined {
		return this.entries.get(uri.toString());
	}

	all(): FileFindings<U>[] {
		return [...this.entries.values()];
	}

	get size(): number {
		return this.entries.size;
	}

	onDidChange(listener: Listener<U>): Disposable {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	private fire(changed: readonly U[]): void {
		for (const listener of [...this.listeners]) {
			listener(changed);
		}
	}
}

/** Findings that count as problems: the ones not covered by a valid suppression. */
export function activeFindings(entry: FileFindings<unknown> | undefined): readonly Finding[] {
	return entry ? entry.findings.filter(finding => !finding.suppressed) : [];
}
