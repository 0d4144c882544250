import type { Engine, Finding } from '../engine/index';
import { mapLimit } from './pool';
import { readCandidate } from './read-file';
import type { FileReport, ScanReport } from './report';
import { compare, displayPath, type WalkedFile } from './walk';

/** What the CLI needs from the engine; tests can hand in a stand-in. */
export type FileScanner = Pick<Engine, 'formatOf' | 'scan' | 'forget'>;

export interface ScanFilesOptions {
	readonly cwd: string;
	readonly maxFileSize: number;
	/** Files read and scanned at once: a few keep the disk busy without holding a repository in memory. */
	readonly concurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;

interface Outcome {
	readonly report?: FileReport;
	readonly warning?: string;
}

/** Reads and scans the walked files; files the engine does not recognise drop out silently unless named explicitly. */
export async function scanFiles(engine: FileScanner, files: readonly WalkedFile[], options: ScanFilesOptions): Promise<ScanReport> {
	const ordered = files
		.map(file => ({ file, display: displayPath(options.cwd, file.path) }))
		.sort((a, b) => compare(a.display, b.display));
	const outcomes = await mapLimit(ordered, options.concurrency ?? DEFAULT_CONCURRENCY, ({ file, display }) => scanOne(engine, file, display, options));
	return {
		files: outcomes.flatMap(outcome => outcome.report ? [outcome.report] : []),
		warnings: outcomes.flatMap(outcome => outcome.warning ? [outcome.warning] : []),
	};
}

async function scanOne(engine: FileScanner, file: WalkedFile, display: string, options: ScanFilesOptions): Promise<Outcome> {
	const read = await readCandidate(file.path, options.maxFileSize);
	if (read.kind === 'unreadable') {
		// Only the name is known: enough to say a Terraform file went unchecked.
		return notScanned(engine.formatOf(display, ''), file, display, `cannot be read (${read.reason})`);
	}
	if (read.kind === 'too-large') {
		return notScanned(engine.formatOf(display, read.head), file, display, `larger than --max-file-size (${read.size} > ${options.maxFileSize} bytes)`);
	}
	const format = engine.formatOf(display, read.text);
	if (!format) {
		return file.explicit ? { warning: `${display}: not a recognised IaC format, skipped` } : {};
	}
	try {
		const result = await engine.scan({ path: display, text: read.text, format }, { maxFileSize: options.maxFileSize });
		return {
			report: {
				path: display,
				format,
				findings: result.findings,
				notes: result.notes,
				errors: result.errors,
				...(result.skipped ? { skipped: result.skipped } : {}),
				...(result.findings.length > 0 ? { lineTexts: startLines(read.text, result.findings) } : {}),
			},
		};
	} finally {
		// Parse trees are kept per path for editors; a CLI visits each file once.
		engine.forget(display);
	}
}

function notScanned(format: FileReport['format'] | undefined, file: WalkedFile, display: string, reason: string): Outcome {
	if (format) {
		return { report: { path: display, format, findings: [], notes: [], errors: [], skipped: reason } };
	}
	return file.explicit ? { warning: `${display}: ${reason}, skipped` } : {};
}

function startLines(text: string, findings: readonly Finding[]): Record<number, string> {
	const lines = text.split(/\r\n|\r|\n/);
	const result: Record<number, string> = {};
	for (const finding of findings) {
		const line = finding.range.start.line;
		result[line] = lines[line] ?? '';
	}
	return result;
}
