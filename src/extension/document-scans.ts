import type { PublishedFindings } from './diagnostics';

/** One open document's scans: its pending edit timer, and what was last published for it. */
export interface DocumentScan {
	timer?: ReturnType<typeof setTimeout>;
	/** Bumped by every new scan or withdrawal, so an older scan in flight knows to stop. */
	generation: number;
	published?: PublishedFindings;
}

/**
 * The scans of every document the diagnostics manager has seen, by URI: each new scan of a
 * document cancels the one pending (its timer) and the one running (its generation).
 */
export class DocumentScans {
	private readonly scans = new Map<string, DocumentScan>();

	has(key: string): boolean {
		return this.scans.has(key);
	}

	get(key: string): DocumentScan | undefined {
		return this.scans.get(key);
	}

	/** Cancels the document's pending and running scans and returns its state. */
	restart(key: string): DocumentScan {
		let scan = this.scans.get(key);
		if (!scan) {
			scan = { generation: 0 };
			this.scans.set(key, scan);
		}
		clearTimeout(scan.timer);
		scan.timer = undefined;
		scan.generation++;
		return scan;
	}

	/** Restarts the document's scans and runs `run` after `delay` ms, unless restarted again first. */
	schedule(key: string, delay: number, run: () => void): void {
		const scan = this.restart(key);
		scan.timer = setTimeout(() => {
			scan.timer = undefined;
			run();
		}, delay);
	}

	/** Forgets the document, cancelling its pending scan. */
	delete(key: string): void {
		clearTimeout(this.scans.get(key)?.timer);
		this.scans.delete(key);
	}

	clear(): void {
		for (const scan of this.scans.values()) {
			clearTimeout(scan.timer);
		}
		this.scans.clear();
	}
}
