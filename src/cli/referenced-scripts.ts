import { statSync } from 'node:fs';
import { mapLimit } from './pool';
import type { FileReport, ScanReport, ScriptReader } from './report';
import type { ScanFilesResult } from './scan-files';
import { scanOne, type FileScanner } from './scan-one';
import { compare, displayPath, isInside } from './paths';
import { wouldWalk, type WalkOptions, type WalkResult } from './walk';

const CONCURRENCY = 4;

export interface ReferencedScriptsOptions extends WalkOptions {
	readonly maxFileSize: number;
}

/**
 * Scans the scripts the scanned Terraform files read with `file()` or `templatefile()` that the
 * walk's scan did not cover: an extension-less `bootstrap` or a `userdata.txt` (whose names say
 * nothing), or a script beside the folder scanned. Each is scanned as the script it is (see
 * `referencedScriptFormat`). A file the walk left out on purpose stays out: inside a folder
 * walked, whatever the walk did not take (ignore files, --exclude, --include, skipped folders);
 * elsewhere, whatever a walk of its folder would not take.
 */
export async function scanReferencedScripts(
	scanner: FileScanner,
	scanned: ScanFilesResult,
	walked: WalkResult,
	options: ReferencedScriptsOptions,
): Promise<ScanReport> {
	const reported = new Set(scanned.files.map(file => file.path));
	const walkedPaths = new Set(walked.files.map(file => file.path));
	const candidates = scanned.references.filter(target => !reported.has(displayPath(options.cwd, target)));
	const eligible = (target: string): boolean => isFile(target)
		&& (walkedPaths.has(target) || !walked.roots.some(root => isInside(root, target)) && wouldWalk(target, options));
	const targets = candidates
		.filter(eligible)
		.map(target => ({ file: { path: target, explicit: false }, display: displayPath(options.cwd, target), referenced: true }))
		.sort((a, b) => compare(a.display, b.display));
	const outcomes = await mapLimit(targets, CONCURRENCY, target => scanOne(scanner, target, options));
	return {
		files: outcomes.flatMap(outcome => outcome.report ? [outcome.report] : []),
		warnings: outcomes.flatMap(outcome => outcome.warning ? [outcome.warning] : []),
	};
}

/** The report with each file that scanned files read as a script marked with where they read it. */
export function markReaders(report: ScanReport, readers: ReadonlyMap<string, readonly ScriptReader[]>): ScanReport {
	if (readers.size === 0) {
		return report;
	}
	return { ...report, files: report.files.map(file => {
		const readBy = readers.get(file.path);
		return readBy ? { ...file, readBy } : file;
	}) };
}

/** Both reports' files in path order, as one scan would list them. */
export function mergeReports(first: ScanReport, second: ScanReport): ScanReport {
	if (second.files.length === 0 && second.warnings.length === 0) {
		return first;
	}
	const files: FileReport[] = [...first.files, ...second.files].sort((a, b) => compare(a.path, b.path));
	return { files, warnings: [...first.warnings, ...second.warnings] };
}

function isFile(target: string): boolean {
	try {
		return statSync(target).isFile();
	} catch {
		// Missing (generated at plan time, say) or unreadable: Terraform itself will tell.
		return false;
	}
}
