import type { OffsetMap } from '../../model/nodes';
import type { Span } from '../../model/range';
import { MappedText } from '../mapped-text';

export interface DecodedText {
	readonly value: string;
	readonly map: OffsetMap;
}

export interface DecodeOptions {
	/** Interpolations and directives (`${...}`, `%{...}`): copied into the value as written. */
	readonly verbatim: readonly Span[];
	/** Source the value leaves out: indentation that `<<-` strips. Sorted, outside `verbatim`. */
	readonly cuts: readonly Span[];
	/** Quoted strings decode `\n`, `\"`, `\u00e9` ...; heredocs know only `$${` and `%%{`. */
	readonly backslashEscapes: boolean;
}

const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const OPEN_BRACE = 0x7b;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Decodes the template text in `[start, end)` the way Terraform reads it, and maps every decoded
 * character back to the source: runs copied as written become map segments; a decoded escape
 * gets a zero-length segment at its backslash, so its characters point at the escape's start.
 */
export function decodeTemplate(text: string, start: number, end: number, options: DecodeOptions): DecodedText {
	const { verbatim, cuts, backslashEscapes } = options;
	if (verbatim.length === 0 && cuts.length === 0 && !mayHoldEscape(text, start, end, backslashEscapes)) {
		return { value: text.slice(start, end), map: { segments: [{ valueStart: 0, sourceStart: start, length: end - start }] } };
	}
	const out = new MappedText(text, start);
	let runStart = start;
	let nextVerbatim = 0;
	let nextCut = 0;
	let i = start;
	while (i < end) {
		while (nextVerbatim < verbatim.length && verbatim[nextVerbatim].end <= i) {
			nextVerbatim++;
		}
		if (nextVerbatim < verbatim.length && verbatim[nextVerbatim].start <= i) {
			i = Math.min(end, verbatim[nextVerbatim].end);
			continue;
		}
		while (nextCut < cuts.length && cuts[nextCut].end <= i) {
			nextCut++;
		}
		if (nextCut < cuts.length && cuts[nextCut].start <= i) {
			out.copy(runStart, i);
			i = runStart = Math.min(end, cuts[nextCut].end);
			continue;
		}
		const code = text.charCodeAt(i);
		if ((code === DOLLAR || code === PERCENT) && i + 2 < end && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === OPEN_BRACE) {
			// `$${` is how a template writes a literal `${`: drop the first `$`, keep the rest as written.
			out.copy(runStart, i);
			runStart = i + 1;
			i += 3;
			continue;
		}
		if (code === BACKSLASH && backslashEscapes) {
			const escape = readEscape(text, i, end);
			if (escape) {
				out.copy(runStart, i);
				out.put(escape.value, i, i + escape.length);
				i = runStart = i + escape.length;
				continue;
			}
		}
		i++;
	}
	out.copy(runStart, end);
	return { value: out.value, map: out.map };
}

function mayHoldEscape(text: string, start: number, end: number, backslashEscapes: boolean): boolean {
	const slice = text.slice(start, end);
	return slice.includes('$${') || slice.includes('%%{') || (backslashEscapes && slice.includes('\\'));
}

/** A backslash escape at `at`, or undefined when it is not one HCL knows (it is then kept as written). */
function readEscape(text: string, at: number, end: number): { value: string; length: number } | undefined {
	if (at + 1 >= end) {
		return undefined;
	}
	const letter = text.charAt(at + 1);
	const simple = SIMPLE_ESCAPES[letter];
	if (simple !== undefined) {
		return { value: simple, length: 2 };
	}
	const digits = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
	if (digits === 0 || at + 2 + digits > end) {
		return undefined;
	}
	const hex = text.slice(at + 2, at + 2 + digits);
	if (!/^[0-9a-fA-F]+$/.test(hex)) {
		return undefined;
	}
	const codePoint = parseInt(hex, 16);
	if (codePoint > 0x10ffff) {
		return undefined;
	}
	return { value: String.fromCodePoint(codePoint), length: 2 + digits };
}

