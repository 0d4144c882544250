import type { Finding } from '../../../src/engine/finding';
import type { Comment, ParsedFile, Resource } from '../../../src/engine/model/file';
import type { Format } from '../../../src/engine/model/format';
import { verbatimMap, type Entry, type ObjectNode, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import type { Span } from '../../../src/engine/model/range';
import { LineIndex } from '../../../src/engine/text/line-index';

/**
 * Builds located models by hand, for testing suppressions before (and apart from) the real
 * parsers: spans are found by searching the text, so a test reads like the file it describes.
 */
export class Source {
	readonly lines: LineIndex;

	constructor(readonly text: string) {
		this.lines = new LineIndex(text);
	}

	/** The span of the `occurrence`-th (0-based) appearance of `needle`. */
	find(needle: string, occurrence = 0): Span {
		let start = -1;
		for (let seen = 0; seen <= occurrence; seen++) {
			start = this.text.indexOf(needle, start + 1);
			if (start < 0) {
				throw new Error(`'${needle}' (#${occurrence}) is not in the test text`);
			}
		}
		return { start, end: start + needle.length };
	}

	/**
	 * From `needle` through the end of what it opens: the matching `}` for a line ending in `{`
	 * (HCL), otherwise the lines indented deeper than the needle (a YAML key or list item).
	 */
	block(needle: string, occurrence = 0): Span {
		const head = this.find(needle, occurrence);
		const line = this.lines.positionAt(head.start).line;
		const lineText = this.lines.lineText(line);
		const indent = lineText.length - lineText.trimStart().length;
		const column = head.start - this.lines.lineStart(line);
		// The rest of a list item sits at the item's column; a key's content sits deeper.
		const isItem = lineText.slice(0, column).trimEnd().endsWith('-');
		let last = line;
		for (let next = line + 1; next < this.lines.lineCount; next++) {
			const text = this.lines.lineText(next);
			const depth = text.length - text.trimStart().length;
			if (lineText.trimEnd().endsWith('{')) {
				last = next;
				if (text.trim() === '}' && depth === indent) {
					break;
				}
			} else if (text.trim() === '') {
				continue;
			} else if (depth > column || isItem && depth === column) {
				last = next;
			} else {
				break;
			}
		}
		return { start: head.start, end: this.lines.lineEnd(last) };
	}

	/** A string literal; `needle` includes its quotes when it has them. */
	str(needle: string, occurrence = 0): StringNode {
		const span = this.find(needle, occurrence);
		const quoted = /^["']/.test(needle);
		const value = quoted ? needle.slice(1, -1) : needle;
		return { kind: 'string', span, value, map: verbatimMap(span.start + (quoted ? 1 : 0), value.length), isLiteral: true };
	}

	/** An entry whose key is the `occurrence`-th appearance of `key`; its span ends with its value. */
	entry(key: string, value: ValueNode, occurrence = 0): Entry {
		const keySpan = this.find(key, occurrence);
		return { key: key.replace(/^"|"$/g, ''), keySpan, value, span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) } };
	}

	obj(span: Span, ...entries: Entry[]): ObjectNode {
		return { kind: 'object', span, entries };
	}

	/** A block: an entry whose value is an object spanning `block(needle)`. */
	blockEntry(key: string, needle: string, entries: Entry[], occurrence = 0): Entry {
		const span = this.block(needle, occurrence);
		return { key, keySpan: this.find(needle, occurrence), value: this.obj(span, ...entries), span };
	}

	parsed(format: Format, roots: ValueNode[], resources: Resource[] = [], comments = findComments(this.text)): ParsedFile {
		return { path: `test.${format}`, format, text: this.text, lines: this.lines, roots, resources, comments, notes: [] };
	}

	finding(ruleId: string, span: Span): Finding {
		return {
			ruleId, severity: 'warning', message: `${ruleId} here`, range: this.lines.rangeOf(span),
			aupSection: '4', category: 'network-exposure', fixes: [],
		};
	}
}

/** `#`, `//` and `/* *\/` comments outside double-quoted strings: enough of HCL and YAML for tests. */
export function findComments(text: string): Comment[] {
	const comments: Comment[] = [];
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			inString = char === '\\' ? (i++, true) : char !== '"' && char !== '\n';
		} else if (char === '"') {
			inString = true;
		} else if (char === '#' || text.startsWith('//', i)) {
			const end = lineEnd(text, i);
			comments.push({ span: { start: i, end }, text: text.slice(i, end).replace(/^(#|\/\/)/, '') });
			i = end;
		} else if (text.startsWith('/*', i)) {
			const close = text.indexOf('*/', i + 2);
			const end = close < 0 ? text.length : close + 2;
			comments.push({ span: { start: i, end }, text: text.slice(i + 2, close < 0 ? end : close) });
			i = end - 1;
		}
	}
	return comments;
}

function lineEnd(text: string, from: number): number {
	const newline = text.slice(from).search(/\r?\n/);
	return newline < 0 ? text.length : from + newline;
}
