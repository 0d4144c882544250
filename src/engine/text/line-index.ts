import type { Position, Range, Span } from '../model/range';

/** Converts between offsets and line/character positions of one text. */
export class LineIndex {
	private readonly lineStarts: number[];

	constructor(readonly text: string) {
		const starts = [0];
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (code === 10 /* \n */) {
				starts.push(i + 1);
			} else if (code === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) {
					i++;
				}
				starts.push(i + 1);
			}
		}
		this.lineStarts = starts;
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	lineStart(line: number): number {
		return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
	}

	/** The offset just past the line's last character, before its line break. */
	lineEnd(line: number): number {
		if (line + 1 >= this.lineStarts.length) {
			return this.text.length;
		}
		let end = this.lineStarts[line + 1];
		if (this.text.charCodeAt(end - 1) === 10) {
			end--;
		}
		if (this.text.charCodeAt(end - 1) === 13) {
			end--;
		}
		return end;
	}

	lineText(line: number): string {
		return this.text.slice(this.lineStart(line), this.lineEnd(line));
	}

	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.lineStarts[mid] <= clamped) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return { line: low, character: clamped - this.lineStarts[low] };
	}

	offsetAt(position: Position): number {
		if (position.line >= this.lineStarts.length) {
			return this.text.length;
		}
		const start = this.lineStart(position.line);
		return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
	}

	rangeOf(s: Span): Range {
		return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
	}
}
