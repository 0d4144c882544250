import type { Finding, Format, Range } from '../../engine/index';
import { fileError, type FileReport } from '../report';

/** The `--format json` contract (issue 2); keys are listed here so nothing else leaks into it. */
export interface JsonReport {
	readonly findings: readonly JsonFinding[];
	readonly files: readonly JsonFile[];
}

export interface JsonFinding {
	readonly ruleId: string;
	readonly severity: Finding['severity'];
	readonly file: string;
	/** 0-based, end exclusive, in UTF-16 code units as VS Code counts them. */
	readonly range: Range;
	readonly message: string;
	readonly aupSection: Finding['aupSection'];
	readonly category: Finding['category'];
	readonly suppressed?: { readonly reason: string; readonly until?: string };
}

export interface JsonFile {
	readonly path: string;
	readonly format: Format;
	readonly error?: string;
	/** Where scanned Terraform files read this file as a script. */
	readonly readBy?: readonly { readonly file: string; readonly range: Range }[];
}

/** Every finding, suppressed ones too (with their reason, for audit), and every file scanned. */
export function toJsonReport(files: readonly FileReport[]): JsonReport {
	return {
		findings: files.flatMap(file => file.findings.map(finding => jsonFinding(file.path, finding))),
		files: files.map(file => {
			const error = fileError(file);
			return {
				path: file.path,
				format: file.format,
				...(error ? { error } : {}),
				...(file.readBy ? { readBy: file.readBy.map(reader => ({ file: reader.path, range: copyRange(reader.range) })) } : {}),
			};
		}),
	};
}

export function formatJson(files: readonly FileReport[]): string {
	return `${JSON.stringify(toJsonReport(files), null, 2)}\n`;
}

function jsonFinding(file: string, finding: Finding): JsonFinding {
	const result: JsonFinding = {
		ruleId: finding.ruleId,
		severity: finding.severity,
		file,
		range: copyRange(finding.range),
		message: finding.message,
		aupSection: finding.aupSection,
		category: finding.category,
	};
	if (!finding.suppressed) {
		return result;
	}
	const { reason, until } = finding.suppressed;
	return { ...result, suppressed: until ? { reason, until } : { reason } };
}

/** Only the positions' line and character, whatever else a range object carries. */
function copyRange({ start, end }: Range): Range {
	return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}
