import * as vscode from 'vscode';
import type { Rule } from '../../engine/index';
import { composeReport, mailtoUrl, reportMarkdown, type ComposedReport, type ReportInput, type ReportKind } from '../../engine/report/index';
import { excerptLines, parseAnswers, parseFindingArgument, type Delivery, type FindingArgument, type ReportAnswers } from './answers';
import { ask } from './questions';
import type { ReportPreviews } from './preview';
import { readReportSettings } from './settings';

export interface ReportDependencies {
	readonly rules: readonly Rule[];
	readonly previews: ReportPreviews;
	readonly extensionVersion: string;
	readonly log: { warn(message: string): void };
}

export type CancelledStep = 'kind' | 'description' | 'excerpt' | 'delivery' | 'save';

/** What the command did, returned for tests; `preview` is the text the user was shown. */
export type ReportOutcome =
	| { readonly delivery: 'cancelled'; readonly step: CancelledStep }
	| { readonly delivery: 'mail'; readonly url: string; readonly truncated: boolean; readonly attachment?: string; readonly opened: boolean; readonly preview: string }
	| { readonly delivery: 'clipboard'; readonly text: string; readonly preview: string }
	| { readonly delivery: 'save'; readonly uri: string; readonly preview: string };

/**
 * "AUP Guard: Report a Violation or Security Issue". Asks what is reported, a description and
 * whether to include an excerpt; shows the redacted report; then mails, copies or saves it.
 * Nothing is sent by the extension itself, and cancelling at any step leaves nothing behind.
 */
export async function reportViolation(deps: ReportDependencies, findingArg?: unknown, answersArg?: unknown): Promise<ReportOutcome> {
	const finding = parseFindingArgument(findingArg);
	const answers: ReportAnswers = answersArg === undefined ? {} : parseAnswers(answersArg) ?? rejectAnswers(deps, answersArg);
	const settings = readReportSettings(key => vscode.workspace.getConfiguration('aupGuard').get(key));
	const kind = await ask.kind(answers, settings);
	if (!kind) {
		return { delivery: 'cancelled', step: 'kind' };
	}
	const description = await ask.description(answers, finding);
	if (description === undefined) {
		return { delivery: 'cancelled', step: 'description' };
	}
	const source = await excerptSource(finding);
	const include = source ? await ask.includeExcerpt(answers, source.label) : false;
	if (include === undefined) {
		return { delivery: 'cancelled', step: 'excerpt' };
	}
	const report = composeReport(reportInput(deps, kind, description, finding, include ? source?.excerpt : undefined, settings));
	const markdown = reportMarkdown(report);
	const preview = await deps.previews.show(markdown);
	const delivery = await ask.delivery(answers, report.to);
	if (!delivery) {
		await deps.previews.close(preview);
		return { delivery: 'cancelled', step: 'delivery' };
	}
	const outcome = await deliver(delivery, report, markdown, answers);
	if (outcome.delivery === 'cancelled') {
		await deps.previews.close(preview);
	}
	return outcome;
}

async function deliver(delivery: Delivery, report: ComposedReport, markdown: string, answers: ReportAnswers): Promise<ReportOutcome> {
	switch (delivery) {
		case 'clipboard':
			await vscode.env.clipboard.writeText(markdown);
			void vscode.window.showInformationMessage(`AUP Guard: the report is on the clipboard. Send it to ${report.to}.`);
			return { delivery, text: markdown, preview: markdown };
		case 'save': {
			const target = await ask.savePath(answers, 'Save the Report');
			if (!target) {
				return { delivery: 'cancelled', step: 'save' };
			}
			await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
			void vscode.window.showInformationMessage(`AUP Guard: the report is saved as ${vscode.workspace.asRelativePath(target)}. Send it to ${report.to}.`);
			return { delivery, uri: target.toString(), preview: markdown };
		}
		case 'mail': {
			const link = mailtoUrl(report);
			let attachment: vscode.Uri | undefined;
			if (link.truncated) {
				// The email says "attach the full report": the file must exist before the mail client opens.
				attachment = await ask.savePath(answers, 'Save the Full Report to Attach to the Email', link.attachmentName);
				if (!attachment) {
					return { delivery: 'cancelled', step: 'save' };
				}
				await vscode.workspace.fs.writeFile(attachment, new TextEncoder().encode(link.markdown));
			}
			const opened = await (answers.openExternal ?? openMailto)(link.url);
			if (!opened) {
				void vscode.window.showWarningMessage('AUP Guard could not open a mail client. Copy the report to the clipboard or save it instead.');
			} else if (attachment) {
				void vscode.window.showInformationMessage(`AUP Guard: the report was too long for an email link. Attach ${vscode.workspace.asRelativePath(attachment)} to the email.`);
			}
			return { delivery, url: link.url, truncated: link.truncated, opened, preview: markdown, ...(attachment ? { attachment: attachment.toString() } : {}) };
		}
	}
}

/**
 * VS Code turns a `Uri` back into text as encodeURI(uri.toString(true)), which decodes the
 * query first: a `&`, `#` or `?` written in the description would then end or garble the
 * body (test/integration/report.test.ts shows it). Given the link as text, VS Code checks that
 * it parses to the same URI and hands the exact text to the mail client, so the link goes as
 * text: the runtime accepts a string where the typings say Uri (ExtHostWindow.openUri).
 */
function openMailto(url: string): Thenable<boolean> {
	return vscode.env.openExternal(url as unknown as vscode.Uri);
}

interface ExcerptSource {
	readonly label: string;
	readonly excerpt: NonNullable<ReportInput['excerpt']>;
}

/** The lines around the finding, or else the active editor's selection; nothing when neither exists. */
async function excerptSource(finding: FindingArgument | undefined): Promise<ExcerptSource | undefined> {
	if (finding) {
		const uri = typeof finding.uri === 'string' ? vscode.Uri.parse(finding.uri, true) : vscode.Uri.from(finding.uri as vscode.Uri);
		const document = await vscode.workspace.openTextDocument(uri);
		const lines = document.getText().split(/\r\n|\r|\n/);
		const { startLine, text } = excerptLines(lines, finding.range.start.line, finding.range.end.line);
		return { label: 'the lines around the finding', excerpt: { file: vscode.workspace.asRelativePath(uri, false), startLine, text } };
	}
	const editor = vscode.window.activeTextEditor;
	if (!editor || editor.selection.isEmpty) {
		return undefined;
	}
	const { document, selection } = editor;
	return { label: 'the selected text', excerpt: { file: vscode.workspace.asRelativePath(document.uri, false), startLine: selection.start.line, text: document.getText(selection) } };
}

function reportInput(deps: ReportDependencies, kind: ReportKind, description: string, finding: FindingArgument | undefined,
	excerpt: ReportInput['excerpt'], settings: ReturnType<typeof readReportSettings>): ReportInput {
	const rule = finding ? deps.rules.find(candidate => candidate.id === finding.ruleId) : undefined;
	return {
		kind,
		description,
		...(excerpt ? { excerpt } : {}),
		...(finding && rule ? { finding: { ruleId: rule.id, message: finding.message, aupSection: rule.aupSection } } : {}),
		versions: { extension: deps.extensionVersion, vscode: vscode.version },
		recipients: { abuse: settings.abuseAddress, security: settings.securityAddress },
	};
}

function rejectAnswers(deps: ReportDependencies, value: unknown): never {
	deps.log.warn(`Report: rejected an answers argument of unknown shape (${typeof value})`);
	throw new Error('aupGuard.reportViolation: the answers argument has an unknown shape');
}
