import type { OffsetMap } from '../../model/nodes';
import { isEscaped, MappedText } from '../mapped-text';

export interface DecodedString {
	readonly value: string;
	readonly map: OffsetMap;
	/** True when the text holds a Terraform interpolation or directive (`${`, `%{`) not escaped as `$${`/`%%{`. */
	readonly hasTemplate: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const OPEN_BRACE = 0x7b;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the JSON string literal at `[start, end)` of `text` (quotes included; a half-typed
 * literal may lack its closing quote) and maps every decoded character back to the source, so a
 * rule can point at one command of a script written as `"#!/bin/bash\ncurl ..."`.
 * With `templates` (Terraform JSON, where every string is a template), `$${` and `%%{` decode to
 * `${` and `%{` as Terraform reads them.
 */
export function decodeJsonString(text: string, start: number, end: number, templates: boolean): DecodedString {
	const from = text.charCodeAt(start) === QUOTE ? start + 1 : start;
	let to = end;
	if (to - 1 >= from && text.charCodeAt(to - 1) === QUOTE && !isEscaped(text, from, to - 1)) {
		to--;
	}
	const out = new MappedText(text, from);
	let hasTemplate = false;
	let runStart = from;
	let i = from;
	while (i < to) {
		const code = text.charCodeAt(i);
		if (code === BACKSLASH) {
			const escape = readEscape(text, i, to);
			if (escape) {
				out.copy(runStart, i);
				out.put(escape.value, i, i + escape.length);
				i = runStart = i + escape.length;
				continue;
			}
		} else if (templates && (code === DOLLAR || code === PERCENT) && text.charCodeAt(i + 1) === OPEN_BRACE && i + 1 < to) {
			hasTemplate = true;
		} else if (templates && (code === DOLLAR || code === PERCENT) && i + 2 < to && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === OPEN_BRACE) {
			// `$${` is a template's literal `${`: the first `$` is dropped, the rest kept as written.
			out.copy(runStart, i);
			runStart = i + 1;
			i += 3;
			continue;
		}
		i++;
	}
	out.copy(runStart, to);
	return { value: out.value, map: out.map, hasTemplate };
}

/** The escape at `at`; an invalid one (a parse error already reported) is kept as written. */
function readEscape(text: string, at: number, end: number): { value: string; length: number } | undefined {
	if (at + 1 >= end) {
		return undefined;
	}
	const letter = text.charAt(at + 1);
	const simple = SIMPLE_ESCAPES[letter];
	if (simple !== undefined) {
		return { value: simple, length: 2 };
	}
	if (letter !== 'u' || at + 6 > end) {
		return undefined;
	}
	const hex = text.slice(at + 2, at + 6);
	return /^[0-9a-fA-F]{4}$/.test(hex) ? { value: String.fromCharCode(parseInt(hex, 16)), length: 6 } : undefined;
}
