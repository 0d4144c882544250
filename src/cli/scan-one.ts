import * as path from 'node:path';
import { referencedScriptFormat, type Engine, type Finding, type PreparedSyntax, type Range, type ReferencedScript } from '../engine/index';
import { readCandidate, type ReadResult } from './read-file';
import type { FileReport } from './report';
import type { WalkedFile } from './walk';

/**
 * Scanning one file for the CLI, on whichever thread: read it, scan it without quick fixes, and
 * turn the result into plain data a worker thread can send back.
 */

/** What the CLI needs from the engine; tests can hand in a stand-in. */
export type FileScanner = Pick<Engine, 'formatOf' | 'scan' | 'forget'>;

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
	/** The scripts the file reads (Terraform's `file()`, `templatefile()`). */
	readonly references?: readonly ScriptReference[];
}

/** A script a scanned file reads: its absolute path, and where the file names it. */
export interface ScriptReference {
	readonly script: string;
	readonly range: Range;
}

export interface ScanOneOptions {
	readonly maxFileSize: number;
}

/** Reads and scans one file; also what each worker thread runs. */
export function scanOne(engine: FileScanner, target: ScanTarget, options: ScanOneOptions): Promise<Outcome> {
	return scanRead(engine, target, readCandidate(target.file.path, options.maxFileSize), options);
}

/** Scans a file already read, with what a worker thread prepared from its text, if anything. */
export async function scanRead(engine: FileScanner, { file, display, referenced }: ScanTarget, read: ReadResult, options: ScanOneOptions, prepared?: PreparedSyntax): Promise<Outcome> {
	const formatOf = referenced ? referencedScriptFormat : (name: string, text: string) => engine.formatOf(name, text);
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
		const result = await engine.scan({ path: display, text: read.text, format, ...(prepared ? { prepared } : {}) }, { maxFileSize: options.maxFileSize, fixes: false });
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
function absolute(file: string, scripts: readonly ReferencedScript[]): ScriptReference[] {
	return scripts.map(script => ({ script: path.resolve(path.dirname(file), script.relativePath), range: script.range }));
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
