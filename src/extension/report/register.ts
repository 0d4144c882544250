import * as vscode from 'vscode';
import type { Rule } from '../../engine/index';
import { reportViolation, type ReportOutcome } from './command';
import { ReportPreviews } from './preview';

export const REPORT_COMMAND = 'aupGuard.reportViolation';

export interface ReportRegistration {
	readonly rules: readonly Rule[];
	readonly extensionVersion: string;
	readonly output: vscode.LogOutputChannel;
}

/**
 * `aupGuard.reportViolation(finding?, answers?)`: `finding` is `{ uri, ruleId, range, message }`
 * from a diagnostic's code action; `answers` (tests only, see ReportAnswers) skips the questions.
 * Resolves with what was done, or undefined after an error, which is logged and shown once.
 */
export function registerReport(deps: ReportRegistration): vscode.Disposable[] {
	const previews = new ReportPreviews();
	return [
		previews,
		vscode.commands.registerCommand(REPORT_COMMAND, async (finding?: unknown, answers?: unknown): Promise<ReportOutcome | undefined> => {
			try {
				return await reportViolation({ rules: deps.rules, previews, extensionVersion: deps.extensionVersion, log: deps.output }, finding, answers);
			} catch (error) {
				deps.output.error(`Command ${REPORT_COMMAND}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
				void vscode.window.showErrorMessage('AUP Guard could not prepare the report. See the AUP Guard output for details.');
				return undefined;
			}
		}),
	];
}
