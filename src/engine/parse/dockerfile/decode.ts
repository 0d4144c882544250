import type { ArrayNode, StringNode } from '../../model/nodes';
import { MappedText } from '../mapped-text';
import { spanOfLogical, type Logical } from './logical';

/** Each character of a logical text with where it sits in the source, in order. */
function* characters(logical: Logical): Generator<{ readonly char: string; readonly index: number; readonly source: number }> {
	for (const segment of logical.segments) {
		for (let i = 0; i < segment.length; i++) {
			const index = segment.valueStart + i;
			yield { char: logical.value[index], index, source: segment.sourceStart + i };
		}
	}
}

/**
 * An `ENV`/`ARG`/`LABEL` value with its quotes removed and escapes resolved, the way Docker
 * reads `KEY="a b"` or `KEY=a\ b`. `$VAR` is kept as written: it is expanded at build time.
 */
export function decodeWord(text: string, logical: Logical, escape: string): StringNode {
	const span = spanOfLogical(logical, 0);
	const out = new MappedText(text, span.start);
	let quote: string | undefined;
	let escaped: number | undefined;
	for (const { char, source } of characters(logical)) {
		if (escaped !== undefined) {
			out.put(char, escaped, source + 1);
			escaped = undefined;
		} else if (char === escape && quote !== '\'') {
			escaped = source;
		} else if ((char === '"' || char === '\'') && (quote === undefined || quote === char)) {
			quote = quote === undefined ? char : undefined;
		} else {
			out.copy(source, source + 1);
		}
	}
	const value = out.value;
	return { kind: 'string', span, value, map: out.map, isLiteral: !/\$(?:\{|[A-Za-z_])/.test(value) };
}

/**
 * The exec form `["executable", "arg"]`: a JSON array of strings. Anything else (a bracket in a
 * shell command, a half-typed array) is not the exec form, and Docker then runs it with a shell.
 */
export function decodeExecForm(text: string, logical: Logical): ArrayNode | undefined {
	const value = logical.value;
	if (!value.startsWith('[') || !value.endsWith(']')) {
		return undefined;
	}
	const items: StringNode[] = [];
	const chars = [...characters(logical)];
	let i = skipBlanks(value, 1);
	if (value[i] === ']') {
		return i === value.length - 1 ? { kind: 'array', span: spanOfLogical(logical, 0), items } : undefined;
	}
	while (i < value.length) {
		if (value[i] !== '"') {
			return undefined;
		}
		const item = jsonString(text, chars, i);
		if (!item) {
			return undefined;
		}
		items.push(item.node);
		i = skipBlanks(value, item.end);
		if (value[i] === ']') {
			return i === value.length - 1 ? { kind: 'array', span: spanOfLogical(logical, 0), items } : undefined;
		}
		if (value[i] !== ',') {
			return undefined;
		}
		i = skipBlanks(value, i + 1);
	}
	return undefined;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The JSON string starting at the quote at `start`, and the offset after its closing quote. */
function jsonString(text: string, chars: readonly { char: string; source: number }[], start: number): { node: StringNode; end: number } | undefined {
	const open = chars[start].source;
	const out = new MappedText(text, open + 1);
	let i = start + 1;
	while (i < chars.length) {
		const { char, source } = chars[i];
		if (char === '"') {
			const node: StringNode = { kind: 'string', span: { start: open, end: source + 1 }, value: out.value, map: out.map, isLiteral: true };
			return { node, end: i + 1 };
		}
		if (char === '\\') {
			const next = chars[i + 1]?.char ?? '';
			if (next === 'u') {
				const hex = chars.slice(i + 2, i + 6).map(c => c.char).join('');
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
					return undefined;
				}
				out.put(String.fromCharCode(parseInt(hex, 16)), source, chars[i + 5].source + 1);
				i += 6;
				continue;
			}
			const decoded = JSON_ESCAPES[next];
			if (decoded === undefined) {
				return undefined;
			}
			out.put(decoded, source, chars[i + 1].source + 1);
			i += 2;
			continue;
		}
		out.copy(source, source + 1);
		i++;
	}
	return undefined;
}

function skipBlanks(value: string, from: number): number {
	let i = from;
	while (i < value.length && /\s/.test(value[i])) {
		i++;
	}
	return i;
}
