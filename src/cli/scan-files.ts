import * as path from 'node:path';
import { referencedScriptFormat, type Engine, type Finding, type ReferencedScript } from '../engine/index';
import type { ScannerSetup } from './org-rules';
import { mapLimit } from './pool';
import { readCandidate } from './read-file';
import type { FileReport, ScanReport } from './report';
import { compare, displayPath, type WalkedFile } from './walk';
import { scanInWorkers } from './worker-pool';

/** What the CLI needs from the engine; tests can hand in a stand-in. */
export type FileScanner = Pick<Engine, 'formatOf' | 'scan' | 'forget'>;

export interface ScanFilesOptions {
	readonly cwd: string;
	readonly maxFileSize: number;
	/** Files read and scanned at once: a few keep the disk busy without holding a repository in memory. */
	readonly concurrency?: number;
	/** Worker threads that scan at once (`--jobs`); 1 or unset scans on this thread. */
	readonly jobs?: number;
	/** How worker threads build their scanner: the organisation rules and rule options `engine` applies. */
	readonly scanner?: ScannerSetup;
}

const DEFAULT_CONCURRENCY = 4;
/**
 * Files per thread below which starting one costs more than it saves: a thread loads the bundle,
 * compiles the grammar and warms up its own JIT (a few hundred milliseconds of CPU), which is
 * about what fifty typical files take to scan.
 */
const MIN_FILES_PER_WORKER = 50;

/** One file to scan and the path it is reported under. Plain data, so it can be sent to a worker thread. */
export interface ScanTarget {
	readonly file: WalkedFile;
	readonly display: string;
	/** Read by a scanned Terraform file: scanned as a startup script when its name and content say nothing. */
	readonly referenced?: boolean;
}

/** What scanning one file gave: a report, a warning, or nothing (a file that is not IaC). Plain data, as above. */
export interface Outcome {
	readonly report?: FileReport;
	readonly warning?: string;
	/** The scripts the file reads (Terraform's `file()`, `templatefile()`), absolute. */
	readonly references?: readonly string[];
}

export interface ScanFilesResult extends ScanReport {
	/** The scripts the scanned files read, absolute, each once: candidates for `scanReferencedScripts`. */
	readonly references: readonly string[];
}

/** Reads and scans the walked files; files the engine does not recognise drop out silently unless named explicitly. */
export async function scanFiles(engine: FileScanner, files: readonly WalkedFile[], options: ScanFilesOptions): Promise<ScanFilesResult> {
	const ordered = files
		.map(file => ({ file, display: displayPath(options.cwd, file.path) }))
		.sort((a, b) => compare(a.display, b.display));
	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	const jobs = Math.min(options.jobs ?? 1, Math.floor(ordered.length / MIN_FILES_PER_WORKER));
	const outcomes = jobs > 1
		? await scanInWorkers(ordered, { jobs, cwd: options.cwd, maxFileSize: options.maxFileSize, concurrency, scanner: options.scanner ?? {} }, target => scanOne(engine, target, options))
		: await mapLimit(ordered, concurrency, target => scanOne(engine, target, options));
	return {
		files: outcomes.flatMap(outcome => outcome.report ? [outcome.report] : []),
		warnings: outcomes.flatMap(outcome => outcome.warning ? [outcome.warning] : []),
		references: [...new Set(outcomes.flatMap(outcome => outcome.references ?? []))],
	};
}

/** Reads and scans one file; also what each worker thread runs. */
export async function scanOne(engine: FileScanner, { file, display, referenced }: ScanTarget, options: Pick<ScanFilesOptions, 'maxFileSize'>): Promise<Outcome> {
	const formatOf = referenced ? referencedScriptFormat : (name: string, text: string) => engine.formatOf(name, text);
	const read = readCandidate(file.path, options.maxFileSize);
	if (read.kind === 'unreadable') {
		// Only the name is known: enough to say a Terraform file went unchecked.
		return notScanned(formatOf(display, ''), file, display, `cannot be read (${read.reason})`);
	}
	if (read.kind === 'too-large') {
		return notScanned(formatOf(display, read.head), file, display, `larger than --max-file-size (${read.size} > ${options.maxFileSize} bytes)`);
	}
	const format = formatOf(display, read.text);
	if (!format) {
		return file.explicit ? { warning: `${display}: not a recognised IaC format, skipped` } : {};
	}
	try {
		// The CLI prints findings and never applies a fix, so none is built.
		const result = await engine.scan({ path: display, text: read.text, format }, { maxFileSize: options.maxFileSize, fixes: false });
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
			...(result.referencedScripts ? { references: absolute(file.path, result.referencedScripts) } : {}),
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

/** The engine resolves against the path it was given (the display path); the walk's path is absolute. */
function absolute(file: string, scripts: readonly ReferencedScript[]): string[] {
	return scripts.map(script => path.resolve(path.dirname(file), script.relativePath));
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
