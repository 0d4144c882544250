import type { ScanResult } from '../engine/index';

// No `vscode` import here: a LogOutputChannel fits `LogSink`, and tests pass a recorder.

/** The part of VS Code's LogOutputChannel this module writes to. */
export interface LogSink {
	error(message: string): void;
	warn(message: string): void;
	info(message: string): void;
}

interface LogLine {
	readonly level: 'error' | 'warn' | 'info';
	readonly text: string;
}

/**
 * Writes what a scan could not do (parser and rule failures with their stacks, parse notes,
 * skipped files, suppressed findings) to the output channel. A document is scanned on every
 * pause in typing, so a report is written only when it differs from the last one for that
 * document: a rule that keeps failing is logged once, not once per keystroke.
 */
export class ScanLog {
	private readonly lastReport = new Map<string, string>();

	constructor(private readonly sink: LogSink) { }

	/** `key` identifies the document; `label` is how the log names it. */
	result(key: string, label: string, result: ScanResult): void {
		this.write(key, scanReport(label, result));
	}

	/** For skips decided before the engine runs (disabled, too large, excluded). */
	skipped(key: string, label: string, reason: string): void {
		this.write(key, [{ level: 'info', text: `${label}: not scanned: ${reason}` }]);
	}

	/** An exception nothing else caught; always logged, with its stack. */
	unexpected(context: string, error: unknown): void {
		this.sink.error(`${context}: ${describeError(error)}`);
	}

	forget(key: string): void {
		this.lastReport.delete(key);
	}

	private write(key: string, lines: readonly LogLine[]): void {
		const report = lines.map(line => `${line.level} ${line.text}`).join('\n');
		if (this.lastReport.get(key) === report) {
			return;
		}
		this.lastReport.set(key, report);
		for (const line of lines) {
			this.sink[line.level](line.text);
		}
	}
}

export function scanReport(label: string, result: ScanResult): LogLine[] {
	const lines: LogLine[] = [];
	for (const error of result.errors) {
		const where = error.ruleId ? `rule ${error.ruleId}` : 'the parser';
		const stack = error.stack && !error.stack.includes(error.message) ? `${error.message}\n${error.stack}` : error.stack ?? error.message;
		lines.push({ level: 'error', text: `${label}: ${where} failed: ${stack}` });
	}
	if (result.skipped) {
		lines.push({ level: 'info', text: `${label}: not scanned: ${result.skipped}` });
	}
	for (const note of result.notes) {
		const { line, character } = note.range.start;
		lines.push({ level: 'info', text: `${label}:${line + 1}:${character + 1}: ${note.message}` });
	}
	const suppressed = result.findings.filter(finding => finding.suppressed).length;
	if (suppressed > 0) {
		lines.push({ level: 'info', text: `${label}: ${suppressed} suppressed ${suppressed === 1 ? 'finding' : 'findings'} not shown as problems` });
	}
	return lines;
}

export function describeError(error: unknown): string {
	if (error instanceof Error) {
		return error.stack ?? `${error.name}: ${error.message}`;
	}
	return String(error);
}
