import type { ParsedFile } from '../model/file';
import type { ValueNode } from '../model/nodes';
import type { Span } from '../model/range';

/**
 * Which lines of a file hold code and which syntactic elements start on each line, read from the
 * located model alone so that placing a directive needs no per-format code. Built lazily: most
 * files have no directive at all.
 */
export class Layout {
	private codeLines: readonly boolean[] | undefined;
	private elementEnds: ReadonlyMap<number, number> | undefined;

	constructor(private readonly file: ParsedFile) {}

	lineOf(offset: number): number {
		return this.file.lines.positionAt(offset).line;
	}

	/** True when the line holds something other than blanks and comments. */
	hasCode(line: number): boolean {
		this.codeLines ??= findCodeLines(this.file);
		return this.codeLines[line] ?? false;
	}

	/** The first line after `line` that holds code, if any. */
	nextCodeLine(line: number): number | undefined {
		for (let next = line + 1; next < this.file.lines.lineCount; next++) {
			if (this.hasCode(next)) {
				return next;
			}
		}
		return undefined;
	}

	/** The line itself: what a comment at the end of a code line covers. */
	lineScope(line: number): Span {
		// One past the line's end, so a finding that starts at the very end of the line is still on it.
		return { start: this.file.lines.lineStart(line), end: this.file.lines.lineEnd(line) + 1 };
	}

	/**
	 * What a comment on its own line above `line` covers: the largest entry, list item or resource
	 * that starts on that line (a Terraform block, a YAML key holding a map or a list, a list item),
	 * or just the line when nothing with nested content starts there.
	 */
	elementScope(line: number): Span {
		this.elementEnds ??= findElementEnds(this.file, this);
		const scope = this.lineScope(line);
		const end = this.elementEnds.get(line);
		return end === undefined ? scope : { start: scope.start, end: Math.max(scope.end, end) };
	}

	/** True when some entry, list item or resource starts on the line. */
	hasElement(line: number): boolean {
		this.elementEnds ??= findElementEnds(this.file, this);
		return this.elementEnds.has(line);
	}

	/** The line's code with its comments cut off, trimmed. */
	codeText(line: number): string {
		const start = this.file.lines.lineStart(line);
		let end = this.file.lines.lineEnd(line);
		for (const comment of this.file.comments) {
			if (comment.span.start >= start && comment.span.start < end) {
				end = comment.span.start;
			}
		}
		return this.file.text.slice(start, end).trim();
	}
}

/** One pass over the text, stepping over comments, marking the lines where anything else is written. */
function findCodeLines(file: ParsedFile): boolean[] {
	const comments = [...file.comments].sort((a, b) => a.span.start - b.span.start);
	const text = file.text;
	const result: boolean[] = [];
	let next = 0;
	for (let line = 0; line < file.lines.lineCount; line++) {
		const end = file.lines.lineEnd(line);
		let hasCode = false;
		for (let i = file.lines.lineStart(line); i < end && !hasCode; i++) {
			while (next < comments.length && comments[next].span.end <= i) {
				next++;
			}
			if (next < comments.length && comments[next].span.start <= i) {
				i = comments[next].span.end - 1;
			} else {
				hasCode = !/\s/.test(text[i]);
			}
		}
		result.push(hasCode);
	}
	return result;
}

/** For each line, the furthest end of an entry, list item or resource that starts on it. */
function findElementEnds(file: ParsedFile, layout: Layout): Map<number, number> {
	const ends = new Map<number, number>();
	const record = (span: Span): void => {
		const line = layout.lineOf(span.start);
		ends.set(line, Math.max(ends.get(line) ?? span.end, span.end));
	};
	const visit = (node: ValueNode): void => {
		switch (node.kind) {
			case 'object':
				for (const entry of node.entries) {
					record(entry.span);
					visit(entry.value);
				}
				break;
			case 'array':
				for (const item of node.items) {
					record(item.span);
					visit(item);
				}
				break;
			case 'expression':
				for (const part of node.parts) {
					visit(part);
				}
				break;
		}
	};
	// The roots are not elements: a Terraform body that starts on the line would cover the whole file.
	// A Kubernetes document is still covered whole, as the resource it declares.
	for (const root of file.roots) {
		visit(root);
	}
	for (const resource of file.resources) {
		record(resource.span);
	}
	return ends;
}
