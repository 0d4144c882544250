// Waiting on and describing the diagnostics AUP Guard publishes. Waits use VS Code's own
// events with a bound, never fixed sleeps: a sleep is too short on a busy CI machine or wastes
// time everywhere else.
import * as vscode from 'vscode';
import { DEFAULT_WAIT_MS } from './workspace';

export const DIAGNOSTIC_SOURCE = 'AUP Guard';

/** Our diagnostics for a document, in document order; other extensions' are ignored. */
export function aupDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri)
		.filter(diagnostic => diagnostic.source === DIAGNOSTIC_SOURCE)
		.sort((a, b) => a.range.start.compareTo(b.range.start) || ruleId(a).localeCompare(ruleId(b)));
}

/** The rule id of a diagnostic, whether `code` is plain or carries a documentation link. */
export function ruleId(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	if (typeof code === 'object' && code !== null) {
		return String(code.value);
	}
	return code === undefined ? '' : String(code);
}

/**
 * Resolves with our diagnostics for `uri` as soon as `accept` holds for them: now, or after a
 * later onDidChangeDiagnostics for that document. Rejects after `timeoutMs`, naming what the
 * test waited for and what it last saw.
 */
export function waitForDiagnostics(
	uri: vscode.Uri,
	accept: (diagnostics: vscode.Diagnostic[]) => boolean,
	timeoutMs = DEFAULT_WAIT_MS,
	waitingFor = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
	return new Promise((resolve, reject) => {
		const check = (): boolean => {
			const current = aupDiagnostics(uri);
			if (!accept(current)) {
				return false;
			}
			finish();
			resolve(current);
			return true;
		};
		const subscription = vscode.languages.onDidChangeDiagnostics(event => {
			if (event.uris.some(changed => changed.toString() === uri.toString())) {
				check();
			}
		});
		const timer = setTimeout(() => {
			finish();
			reject(new Error(`timed out after ${timeoutMs} ms waiting for ${waitingFor} on ${vscode.workspace.asRelativePath(uri)}; `
				+ `last seen: ${describeDiagnostics(aupDiagnostics(uri))}`));
		}, timeoutMs);
		function finish(): void {
			clearTimeout(timer);
			subscription.dispose();
		}
		check();
	});
}

/**
 * Runs `action` and resolves once VS Code reports a diagnostics change for `uri` (the extension
 * publishes even an empty list after each scan). Subscribing first means a fast scan that
 * finishes inside `action` is not missed.
 */
export async function afterNextDiagnosticsChange<T>(uri: vscode.Uri, action: () => Thenable<T>, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
	let subscription: vscode.Disposable | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const changed = new Promise<void>((resolve, reject) => {
		subscription = vscode.languages.onDidChangeDiagnostics(event => {
			if (event.uris.some(candidate => candidate.toString() === uri.toString())) {
				resolve();
			}
		});
		timer = setTimeout(() => reject(new Error(
			`timed out after ${timeoutMs} ms waiting for any diagnostics change on ${vscode.workspace.asRelativePath(uri)}`)), timeoutMs);
	});
	try {
		const result = await action();
		await changed;
		return result;
	} finally {
		clearTimeout(timer);
		subscription?.dispose();
	}
}

/** A compact form for assertion messages: `AUP-NET-001 warning 3:2-3:11`. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
	if (diagnostics.length === 0) {
		return '(none)';
	}
	return diagnostics.map(diagnostic => summarise(diagnostic)).map(entry => `${entry.code} ${entry.severity} ${entry.range}`).join(', ');
}

export interface DiagnosticSummary {
	readonly code: string;
	readonly severity: 'error' | 'warning' | 'info' | 'hint';
	/** `line:character-line:character`, 0-based like the API */
	readonly range: string;
	/** The text under the range, when a document is given: shows at a glance what is pointed at. */
	readonly text?: string;
}

/** A plain value that `assert.deepStrictEqual` can compare and print readably. */
export function summarise(diagnostic: vscode.Diagnostic, document?: vscode.TextDocument): DiagnosticSummary {
	const { start, end } = diagnostic.range;
	const summary = {
		code: ruleId(diagnostic),
		severity: SEVERITY_NAMES[diagnostic.severity],
		range: `${start.line}:${start.character}-${end.line}:${end.character}`,
	};
	return document ? { ...summary, text: document.getText(diagnostic.range) } : summary;
}

const SEVERITY_NAMES: Readonly<Record<vscode.DiagnosticSeverity, DiagnosticSummary['severity']>> = {
	[vscode.DiagnosticSeverity.Error]: 'error',
	[vscode.DiagnosticSeverity.Warning]: 'warning',
	[vscode.DiagnosticSeverity.Information]: 'info',
	[vscode.DiagnosticSeverity.Hint]: 'hint',
};
