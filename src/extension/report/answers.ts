import type { ReportKind } from '../../engine/report/index';

// No `vscode` import: what arrives as command arguments is checked here, with unit tests.

export const DELIVERIES = ['mail', 'clipboard', 'save'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/**
 * Answers for `aupGuard.reportViolation`'s questions, so tests (and scripts) can drive every path
 * without UI. A question whose answer is given is not asked; `null` answers it as Escape would,
 * cancelling the report. Only tests should pass `openExternal`: it replaces the mail client.
 */
export interface ReportAnswers {
	readonly kind?: ReportKind | null;
	readonly description?: string | null;
	readonly includeExcerpt?: boolean | null;
	readonly delivery?: Delivery | 'cancel' | null;
	/** Where "Save as Markdown file" (or a too-long email's attachment) goes: an absolute path. */
	readonly savePath?: string | null;
	readonly openExternal?: (url: string) => Thenable<boolean>;
}

/** A finding as the "Report…" code action passes it. */
export interface FindingArgument {
	/** A `vscode.Uri` or its string form. */
	readonly uri: unknown;
	readonly ruleId: string;
	readonly range: { readonly start: Position; readonly end: Position };
	readonly message: string;
}

interface Position {
	readonly line: number;
	readonly character: number;
}

export function parseFindingArgument(value: unknown): FindingArgument | undefined {
	if (!isRecord(value) || typeof value.ruleId !== 'string' || typeof value.message !== 'string' || !isRange(value.range)) {
		return undefined;
	}
	const uri = value.uri;
	if (typeof uri !== 'string' && !(isRecord(uri) && typeof uri.scheme === 'string' && typeof uri.path === 'string')) {
		return undefined;
	}
	return { uri, ruleId: value.ruleId, range: value.range, message: value.message };
}

/** Unknown keys or wrong types reject the whole object: a typo must not silently open the UI. */
export function parseAnswers(value: unknown): ReportAnswers | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	const known = ['kind', 'description', 'includeExcerpt', 'delivery', 'savePath', 'openExternal'];
	if (!Object.keys(value).every(key => known.includes(key))) {
		return undefined;
	}
	const ok = optional(value.kind, kind => kind === 'violation' || kind === 'security')
		&& optional(value.description, text => typeof text === 'string')
		&& optional(value.includeExcerpt, flag => typeof flag === 'boolean')
		&& optional(value.delivery, delivery => delivery === 'cancel' || (DELIVERIES as readonly unknown[]).includes(delivery))
		&& optional(value.savePath, path => typeof path === 'string' && path.length > 0)
		&& (value.openExternal === undefined || typeof value.openExternal === 'function');
	return ok ? value as ReportAnswers : undefined;
}

/** The lines around a finding (or a selection), `context` lines either side, at most `maxLines`. */
export function excerptLines(lines: readonly string[], startLine: number, endLine: number, context = 2, maxLines = 30): { startLine: number; text: string } {
	const first = Math.max(0, startLine - context);
	const last = Math.min(lines.length - 1, endLine + context, first + maxLines - 1);
	return { startLine: first, text: lines.slice(first, last + 1).join('\n') };
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
	return value === undefined || value === null || check(value);
}

function isRange(value: unknown): value is FindingArgument['range'] {
	return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function isPosition(value: unknown): value is Position {
	return isRecord(value) && Number.isSafeInteger(value.line) && Number.isSafeInteger(value.character)
		&& (value.line as number) >= 0 && (value.character as number) >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
