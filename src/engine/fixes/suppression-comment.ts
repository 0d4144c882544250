import type { ScanResult } from '../engine';
import type { Finding, TextEdit } from '../finding';
import type { Format } from '../model/format';
import { IGNORE_KEYWORD, SUPPRESSION_RULE_ID } from '../suppress/index';
import { isIsoDate, parseDirectiveBody } from '../suppress/syntax';
import { LineIndex } from '../text/line-index';
import { lineBreakOf } from './text';

/**
 * The "suppress this finding" action's text: a directive comment on its own line above the
 * finding, in the file's comment syntax and with its line's indentation. Where that line is
 * inside a multi-line string (a heredoc, a YAML block scalar) a comment would become part of the
 * string, so the placement is checked by scanning the result, and moved up a line at a time to
 * the line that starts the element holding the string.
 */

export interface SuppressionRequest {
	readonly ruleId: string;
	readonly reason: string;
	/** YYYY-MM-DD, the last day the suppression applies. */
	readonly until?: string;
}

/** How far up to look for a line where the comment is read as one: a long heredoc is the worst case. */
const MAX_LINES_UP = 200;

/** The comment marker of a format, or undefined when it has no comments (JSON). */
export function commentMarker(format: Format, text: string): string | undefined {
	switch (format) {
		case 'terraform':
		case 'kubernetes':
		case 'compose':
		case 'dockerfile':
		case 'shell':
		case 'cloud-init':
			return '#';
		case 'bicep':
		case 'arm':
			// Bicep has `//` comments, and ARM templates are read as JSON with comments.
			return '//';
		case 'cloudformation':
			// CloudFormation is YAML or JSON, and JSON has no comments.
			return /^\s*[{[]/.test(text.replace(/^\uFEFF/, '')) ? undefined : '#';
		default:
			return undefined;
	}
}

/** The directive's text after the marker: `aup-guard-ignore AUP-NET-001: reason until=2027-03-31`. */
export function directiveText(request: SuppressionRequest): string {
	const reason = request.reason.replace(/\s+/g, ' ').trim();
	return `${IGNORE_KEYWORD} ${request.ruleId}: ${reason}${request.until ? ` until=${request.until}` : ''}`;
}

/** Why a reason cannot be used, or undefined when it can; the same checks the engine makes when it reads it back. */
export function reasonProblem(ruleId: string, reason: string): string | undefined {
	if (!reason.trim()) {
		return 'Say why the finding is acceptable: a reviewer will read it.';
	}
	if (/[\r\n]/.test(reason) || reason.includes('*/')) {
		return 'Keep the reason on one line.';
	}
	if (/\buntil\s*=/i.test(reason)) {
		return 'Give the expiry date in the next step, not in the reason.';
	}
	return parseDirectiveBody(`${ruleId}: ${reason}`, 'comment').problems[0];
}

/** Why an expiry date cannot be used, or undefined for a valid future date or none at all. */
export function untilProblem(until: string, today: string): string | undefined {
	if (until.trim() === '') {
		return undefined;
	}
	if (!isIsoDate(until.trim())) {
		return 'Write the date as YYYY-MM-DD, for example 2027-03-31, or leave it empty.';
	}
	return until.trim() <= today ? `The date must be after today (${today}).` : undefined;
}

/** The edit that puts the comment on its own line above `line`, indented as that line is. */
export function commentLineEdit(text: string, line: number, marker: string, request: SuppressionRequest): TextEdit {
	const lines = new LineIndex(text);
	const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
	const newline = lineBreakOf(text);
	const position = { line, character: 0 };
	return { range: { start: position, end: position }, newText: `${indent}${marker} ${directiveText(request)}${newline}` };
}

/**
 * The first edit, from the finding's line upwards, after which a scan of the file shows the
 * finding suppressed with the given reason, and no new parse note or AUP-SUP-001. Undefined when
 * no line works, or the format has no comments.
 */
export async function placeSuppression(
	text: string,
	format: Format,
	finding: Finding,
	request: SuppressionRequest,
	scan: (text: string) => Promise<ScanResult>,
): Promise<TextEdit | undefined> {
	const marker = commentMarker(format, text);
	if (!marker) {
		return undefined;
	}
	const notesBefore = (await scan(text)).notes.length;
	const first = finding.range.start.line;
	for (let line = first; line >= 0 && line >= first - MAX_LINES_UP; line--) {
		const edit = commentLineEdit(text, line, marker, request);
		const after = await scan(applyInsertion(text, edit));
		if (after.notes.length <= notesBefore && isSuppressed(after, finding, request) && !after.findings.some(other => other.ruleId === SUPPRESSION_RULE_ID && other.range.start.line === line)) {
			return edit;
		}
	}
	return undefined;
}

function isSuppressed(result: ScanResult, finding: Finding, request: SuppressionRequest): boolean {
	const { start } = finding.range;
	return result.findings.some(other => other.ruleId === finding.ruleId
		&& other.range.start.line === start.line + 1 && other.range.start.character === start.character
		&& other.suppressed?.reason === request.reason.replace(/\s+/g, ' ').trim());
}

function applyInsertion(text: string, edit: TextEdit): string {
	const offset = new LineIndex(text).offsetAt(edit.range.start);
	return text.slice(0, offset) + edit.newText + text.slice(offset);
}
