import { severityRank, type Finding, type Format, type Range, type ScanError, type ScanNote } from '../engine/index';
import type { FailOn } from './args';

/** One recognised file, as the formatters see it: pure data, so they can be tested with hand-made reports. */
export interface FileReport {
	/** Relative to the current folder, with forward slashes. */
	readonly path: string;
	readonly format: Format;
	readonly findings: readonly Finding[];
	readonly notes: readonly ScanNote[];
	/** A parser or rule that failed; the rest of the file was still scanned. */
	readonly errors: readonly ScanError[];
	/** Why the file was not scanned at all (unreadable, too large, binary). */
	readonly skipped?: string;
	/** The text of each line a finding starts on, by 0-based line: SARIF fingerprints hash it. */
	readonly lineTexts?: Readonly<Record<number, string>>;
	/** Where scanned Terraform files read this file as a script (`file()`, `templatefile()`), in path order. */
	readonly readBy?: readonly ScriptReader[];
}

/** A scanned file that reads a script, and the range of the script's path in it. */
export interface ScriptReader {
	readonly path: string;
	readonly range: Range;
}

/** What a scan found: the recognised files, sorted by path, and warnings about anything else. */
export interface ScanReport {
	readonly files: readonly FileReport[];
	readonly warnings: readonly string[];
}

export interface Tally {
	readonly error: number;
	readonly warning: number;
	readonly info: number;
	readonly suppressed: number;
	readonly files: number;
}

export function tally(files: readonly FileReport[]): Tally {
	const counts = { error: 0, warning: 0, info: 0, suppressed: 0, files: files.length };
	for (const finding of files.flatMap(file => file.findings)) {
		if (finding.suppressed) {
			counts.suppressed++;
		} else {
			counts[finding.severity]++;
		}
	}
	return counts;
}

/**
 * 2 when a parser or rule crashed (a file was not fully checked, so a clean result would be a
 * false pass), else 1 when an unsuppressed finding is at least as severe as `failOn`, else 0.
 */
export function exitCodeFor(files: readonly FileReport[], failOn: FailOn): 0 | 1 | 2 {
	if (files.some(file => file.errors.length > 0)) {
		return 2;
	}
	if (failOn === 'none') {
		return 0;
	}
	const threshold = severityRank(failOn);
	const failing = files.some(file => file.findings.some(finding => !finding.suppressed && severityRank(finding.severity) >= threshold));
	return failing ? 1 : 0;
}

/** Why a file was not (fully) checked, in one line, or undefined when it was. */
export function fileError(file: FileReport): string | undefined {
	if (file.skipped) {
		return `not scanned: ${file.skipped}`;
	}
	const problems = file.errors.map(error => error.ruleId ? `rule ${error.ruleId} failed: ${error.message}` : `could not be parsed: ${error.message}`);
	return problems.length > 0 ? problems.join('; ') : undefined;
}
