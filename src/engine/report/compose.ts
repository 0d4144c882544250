import type { AupSection } from '../finding';
import { AUP_SUMMARY, findSection } from '../policy/aup-summary';
import { describeRedactions, redact, type Redaction } from '../redact/index';

export type ReportKind = 'violation' | 'security';

export interface ReportInput {
	/** A suspected AUP violation goes to the abuse address; a platform vulnerability to the security one. */
	readonly kind: ReportKind;
	readonly description: string;
	/** `startLine` is 0-based, like the engine's ranges and VS Code's selections. */
	readonly excerpt?: { readonly file: string; readonly startLine: number; readonly text: string };
	readonly finding?: { readonly ruleId: string; readonly message: string; readonly aupSection: AupSection };
	readonly versions: { readonly extension: string; readonly vscode: string };
	readonly recipients: { readonly abuse: string; readonly security: string };
}

export interface RedactedExcerpt {
	readonly file: string;
	readonly startLine: number;
	readonly text: string;
	readonly redactions: readonly Redaction[];
}

export interface ComposedReport {
	readonly kind: ReportKind;
	readonly to: string;
	readonly subject: string;
	/** Markdown that also reads well as a plain-text email. */
	readonly body: string;
	/** The excerpt exactly as it will leave the editor: secrets already replaced. */
	readonly excerptRedacted?: RedactedExcerpt;
	/** Secrets removed from the description, the finding and the excerpt together. */
	readonly redactionCount: number;
}

/**
 * Composes a report for the user to preview and send. Everything free-form that goes into it (the
 * excerpt, and the description and finding message too, in case a secret was pasted there) passes
 * through `redact()` first, so no path to the subject, body, file or mailto link skips it.
 */
export function composeReport(input: ReportInput): ComposedReport {
	const description = redact(input.description.trim());
	const message = input.finding ? redact(input.finding.message) : undefined;
	const excerpt = input.excerpt ? redactExcerpt(input.excerpt) : undefined;
	const subject = subjectLine(input.kind, description.text, input.finding?.ruleId);
	const lines = [`**Report type:** ${KIND_LABELS[input.kind]}`, '', '## Description', '', description.text || '(no description given)'];
	if (input.finding && message) {
		const section = findSection(input.finding.aupSection, AUP_SUMMARY);
		lines.push('', '## Finding', '', `- Rule: ${input.finding.ruleId}`, `- AUP section: ${input.finding.aupSection}${section ? ` (${section.title})` : ''}`, `- Message: ${oneLine(message.text)}`);
	}
	if (excerpt) {
		lines.push('', '## Excerpt', '', excerptHeading(excerpt), '', ...fenced(excerpt.text, languageOf(excerpt.file)));
	}
	lines.push('', '## Environment', '', `- AUP Guard ${oneLine(input.versions.extension)}`, `- VS Code ${oneLine(input.versions.vscode)}`);
	lines.push('', '---', 'Prepared with AUP Guard. Secrets were replaced with markers before this report left the editor.');
	return {
		kind: input.kind,
		to: input.kind === 'violation' ? input.recipients.abuse.trim() : input.recipients.security.trim(),
		subject,
		body: lines.join('\n'),
		excerptRedacted: excerpt,
		redactionCount: description.redactions.length + (message?.redactions.length ?? 0) + (excerpt?.redactions.length ?? 0),
	};
}

/** The report as a Markdown file, for saving, the clipboard, or attaching to a truncated email. */
export function reportMarkdown(report: ComposedReport): string {
	return `# ${report.subject}\n\nTo: ${report.to}\n\n${report.body}\n`;
}

const KIND_LABELS: Readonly<Record<ReportKind, string>> = {
	violation: 'Suspected violation of the Autoscalr Acceptable Use Policy',
	security: 'Security issue in the Autoscalr platform',
};

const SUBJECT_PREFIXES: Readonly<Record<ReportKind, string>> = {
	violation: '[AUP violation]',
	security: '[Security issue]',
};

/** Mail clients show about 70 characters of a subject; the rest is in the body anyway. */
const SUBJECT_HEADLINE_LENGTH = 72;

function subjectLine(kind: ReportKind, description: string, ruleId: string | undefined): string {
	const firstLine = description.split(/\r\n|\r|\n/).find(line => line.trim().length > 0) ?? '';
	let headline = oneLine(firstLine);
	if (headline.length > SUBJECT_HEADLINE_LENGTH) {
		headline = `${sliceCodePoints(headline, SUBJECT_HEADLINE_LENGTH - 1).trimEnd()}…`;
	}
	const parts = [SUBJECT_PREFIXES[kind], ruleId ? `${oneLine(ruleId)}:` : '', headline || 'report from AUP Guard'];
	return parts.filter(part => part.length > 0).join(' ');
}

function redactExcerpt(excerpt: NonNullable<ReportInput['excerpt']>): RedactedExcerpt {
	const result = redact(excerpt.text);
	return { file: excerpt.file, startLine: Math.max(0, Math.floor(excerpt.startLine)), text: result.text, redactions: result.redactions };
}

function excerptHeading(excerpt: RedactedExcerpt): string {
	const count = excerpt.text.split(/\r\n|\r|\n/).length;
	const first = excerpt.startLine + 1;
	const where = count > 1 ? `lines ${first}–${first + count - 1}` : `line ${first}`;
	const removed = describeRedactions(excerpt.redactions);
	return `File \`${oneLine(excerpt.file)}\`, ${where}${removed ? ` (${removed})` : ''}:`;
}

/** A fence longer than any backtick run in the text, so an excerpt cannot close it early. */
function fenced(text: string, language: string): string[] {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return [`${fence}${language}`, ...text.split(/\r\n|\r|\n/), fence];
}

function languageOf(file: string): string {
	const name = file.split(/[\\/]/).pop()?.toLowerCase() ?? '';
	if (name === 'dockerfile' || name.endsWith('.dockerfile')) {
		return 'dockerfile';
	}
	const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
	return LANGUAGES[extension] ?? '';
}

const LANGUAGES: Readonly<Record<string, string>> = {
	tf: 'hcl', tfvars: 'hcl', hcl: 'hcl', yaml: 'yaml', yml: 'yaml', json: 'json', sh: 'sh', bicep: 'bicep',
};

/** Collapses line breaks and control characters, so a value cannot start a new header or list item. */
function oneLine(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function sliceCodePoints(text: string, count: number): string {
	return Array.from(text).slice(0, count).join('');
}
