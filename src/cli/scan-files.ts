import type { ScannerSetup } from './org-rules';
import { mapLimit } from './pool';
import type { ScanReport, ScriptReader } from './report';
import { scanOne, type FileScanner } from './scan-one';
import { compare, displayPath } from './paths';
import type { WalkedFile } from './walk';
import { scanInThreads } from './worker-pool';

export interface ScanFilesOptions {
	readonly cwd: string;
	readonly maxFileSize: number;
	/** Files read and scanned at once: a few keep the disk busy without holding a repository in memory. */
	readonly concurrency?: number;
	/** Threads that scan at once (`--jobs`): this one and `jobs - 1` workers; 1 or unset scans on this thread alone. */
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

export interface ScanFilesResult extends ScanReport {
	/** The scripts the scanned files read, absolute, each once: candidates for `scanReferencedScripts`. */
	readonly references: readonly string[];
	/** By the display path of each script the scanned files read: where they read it. */
	readonly readers: ReadonlyMap<string, readonly ScriptReader[]>;
}

/** Reads and scans the walked files; files the engine does not recognise drop out silently unless named explicitly. */
export async function scanFiles(engine: FileScanner, files: readonly WalkedFile[], options: ScanFilesOptions): Promise<ScanFilesResult> {
	const ordered = files
		.map(file => ({ file, display: displayPath(options.cwd, file.path) }))
		.sort((a, b) => compare(a.display, b.display));
	const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
	const jobs = Math.min(options.jobs ?? 1, Math.floor(ordered.length / MIN_FILES_PER_WORKER));
	const outcomes = jobs > 1
		? await scanInThreads(ordered, { jobs, cwd: options.cwd, maxFileSize: options.maxFileSize, concurrency, scanner: options.scanner ?? {} }, engine)
		: await mapLimit(ordered, concurrency, target => scanOne(engine, target, options));
	const readers = new Map<string, ScriptReader[]>();
	for (const { report, references } of outcomes) {
		if (!report || !references) {
			continue;
		}
		for (const reference of references) {
			const script = displayPath(options.cwd, reference.script);
			const known = readers.get(script) ?? [];
			known.push({ path: report.path, range: reference.range });
			readers.set(script, known);
		}
	}
	return {
		files: outcomes.flatMap(outcome => outcome.report ? [outcome.report] : []),
		warnings: outcomes.flatMap(outcome => outcome.warning ? [outcome.warning] : []),
		references: [...new Set(outcomes.flatMap(outcome => outcome.references?.map(reference => reference.script) ?? []))],
		readers,
	};
}

