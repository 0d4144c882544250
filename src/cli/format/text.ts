import type { Finding } from '../../engine/index';
import { fileError, tally, type FileReport, type ScriptReader, type Tally } from '../report';
import { PLAIN, type Palette } from './color';

export interface TextOptions {
	readonly palette?: Palette;
	readonly showSuppressed?: boolean;
}

/**
 * Compiler-style lines, `path:line:col: severity rule-id message` with 1-based positions, so
 * terminals and editors make them clickable, then a one-line summary.
 */
export function formatText(files: readonly FileReport[], options: TextOptions = {}): string {
	const palette = options.palette ?? PLAIN;
	const lines: string[] = [];
	for (const file of files) {
		const shown = file.findings.filter(finding => !finding.suppressed || options.showSuppressed);
		if (shown.length > 0) {
			// Why a script that is no Terraform file has findings: a Terraform file runs it.
			lines.push(...(file.readBy ?? []).map(reader => readerLine(file.path, reader, palette)));
		}
		lines.push(...shown.map(finding => findingLine(file.path, finding, palette)));
	}
	lines.push(summary(tally(files)));
	return `${lines.join('\n')}\n`;
}

function findingLine(path: string, finding: Finding, palette: Palette): string {
	const { line, character } = finding.range.start;
	const where = `${path}:${line + 1}:${character + 1}:`;
	const text = `${where} ${palette.severity(finding.severity, finding.severity)} ${finding.ruleId} ${finding.message}`;
	if (!finding.suppressed) {
		return text;
	}
	const until = finding.suppressed.until ? `, until ${finding.suppressed.until}` : '';
	return `${text} ${palette.dim(`(suppressed: ${finding.suppressed.reason}${until})`)}`;
}

/** `infra/main.tf:4:25: note: reads infra/bootstrap`, at the path argument of the call. */
function readerLine(script: string, reader: ScriptReader, palette: Palette): string {
	const { line, character } = reader.range.start;
	return palette.dim(`${reader.path}:${line + 1}:${character + 1}: note: reads ${script}, whose findings follow`);
}

/** `3 errors, 1 warning, 2 suppressed in 12 files`; severities with no findings are left out. */
export function summary(counts: Tally): string {
	const parts = [
		plural(counts.error, 'error'),
		plural(counts.warning, 'warning'),
		plural(counts.info, 'info', 'infos'),
	].filter((part): part is string => part !== undefined);
	const findings = parts.length > 0 ? parts.join(', ') : 'no findings';
	const suppressed = counts.suppressed > 0 ? `, ${counts.suppressed} suppressed` : '';
	return `${findings}${suppressed} in ${counts.files} ${counts.files === 1 ? 'file' : 'files'}`;
}

function plural(count: number, one: string, many = `${one}s`): string | undefined {
	return count === 0 ? undefined : `${count} ${count === 1 ? one : many}`;
}

/**
 * What goes to stderr whatever the format: parse notes, failed parsers and rules, files not
 * scanned. Warnings, because the findings of the rest of the scan still stand.
 */
export function formatWarnings(files: readonly FileReport[], warnings: readonly string[]): string[] {
	const lines: string[] = [];
	for (const file of files) {
		for (const note of file.notes) {
			lines.push(`${file.path}:${note.range.start.line + 1}:${note.range.start.character + 1}: warning: ${note.message}`);
		}
		const error = fileError(file);
		if (error) {
			lines.push(`${file.path}: warning: ${error}`);
		}
	}
	return [...lines, ...warnings.map(warning => `warning: ${warning}`)];
}
