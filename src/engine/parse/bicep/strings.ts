import type { StringNode } from '../../model/nodes';
import { isEscaped, MappedText } from '../mapped-text';
import type { SyntaxNode } from './syntax';

const BACKSLASH = 0x5c;
const QUOTE = 0x27;

/** Bicep's escapes in `'...'` strings; `\u{...}` is read separately. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\'': '\'', '\\': '\\', $: '$' };

/**
 * A `'...'` string or a `'''...'''` multi-line string as a located string value. Interpolations
 * (`${...}`) are kept as written and make the value known only at deploy time. Multi-line strings
 * have neither escapes nor interpolation, and Bicep drops one line break right after the opening
 * `'''`, so a script written from the next line maps line for line onto the source.
 */
export function stringValue(text: string, node: SyntaxNode): StringNode {
	const span = { start: node.start, end: node.end };
	if (text.startsWith('\'\'\'', node.start)) {
		let start = node.start + 3;
		if (text.startsWith('\r\n', start)) {
			start += 2;
		} else if (text.charCodeAt(start) === 0x0a) {
			start += 1;
		}
		// A half-typed string has no closing quotes yet; its value runs to where the parser stopped.
		const closed = node.end - 3 >= start && text.startsWith('\'\'\'', node.end - 3);
		const end = Math.max(start, closed ? node.end - 3 : node.end);
		return { kind: 'string', span, value: text.slice(start, end), map: { segments: [{ valueStart: 0, sourceStart: start, length: end - start }] }, isLiteral: true };
	}
	const start = node.start + 1;
	const closed = node.end - 1 > node.start && text.charCodeAt(node.end - 1) === QUOTE && !isEscaped(text, start, node.end - 1);
	const end = closed ? node.end - 1 : node.end;
	const interpolations = node.children.filter(child => child.type === 'interpolation');
	const writer = new MappedText(text, start);
	let runStart = start;
	let next = 0;
	for (let i = start; i < end;) {
		const interpolation = interpolations[next];
		if (interpolation && interpolation.start <= i) {
			// Copied as written; the run simply continues through it.
			i = Math.max(i + 1, Math.min(end, interpolation.end));
			next++;
			continue;
		}
		if (text.charCodeAt(i) === BACKSLASH) {
			const escape = readEscape(text, i, end);
			if (escape) {
				writer.copy(runStart, i);
				writer.put(escape.value, i, i + escape.length);
				i = runStart = i + escape.length;
				continue;
			}
		}
		i++;
	}
	writer.copy(runStart, end);
	return { kind: 'string', span, value: writer.value, map: writer.map, isLiteral: interpolations.length === 0 };
}

/** An escape at `at`, or undefined when Bicep does not know it (it is then kept as written). */
function readEscape(text: string, at: number, end: number): { value: string; length: number } | undefined {
	if (at + 1 >= end) {
		return undefined;
	}
	const simple = SIMPLE_ESCAPES[text.charAt(at + 1)];
	if (simple !== undefined) {
		return { value: simple, length: 2 };
	}
	const match = /^u\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(at + 1, Math.min(end, at + 11)));
	if (!match) {
		return undefined;
	}
	const codePoint = parseInt(match[1], 16);
	return codePoint > 0x10ffff ? undefined : { value: String.fromCodePoint(codePoint), length: 1 + match[0].length };
}

