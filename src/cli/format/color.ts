import type { Severity } from '../../engine/index';

export interface Palette {
	severity(severity: Severity, text: string): string;
	dim(text: string): string;
	bold(text: string): string;
}

const SEVERITY_CODES: Readonly<Record<Severity, string>> = { error: '31', warning: '33', info: '36' };

export const PLAIN: Palette = {
	severity: (_severity, text) => text,
	dim: text => text,
	bold: text => text,
};

export const ANSI: Palette = {
	severity: (severity, text) => paint(SEVERITY_CODES[severity], text),
	dim: text => paint('2', text),
	bold: text => paint('1', text),
};

function paint(code: string, text: string): string {
	return `\u001b[${code}m${text}\u001b[0m`;
}

export interface ColorContext {
	readonly isTTY?: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** False for --no-color or when writing to a file. */
	readonly allowed: boolean;
}

/** Colour only for a person at a terminal: never in pipes, files or CI logs, never against NO_COLOR (no-color.org). */
export function useColor(context: ColorContext): boolean {
	const noColor = context.env.NO_COLOR;
	return context.allowed && context.isTTY === true && (noColor === undefined || noColor === '');
}
