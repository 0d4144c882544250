import type { MapSegment, OffsetMap } from '../model/nodes';

/**
 * Builds a decoded string and its offset map in one go, so every run of characters copied
 * from the source keeps the offset it came from. Characters the decoder makes up (a folded line
 * break, an escape's result) belong to no run: `sourceOffset` then points them at the end of the
 * run before, or at the escape they were read from. Every format's string decoder (YAML, JSON,
 * Terraform templates, Bicep, Dockerfile words) writes through this one class.
 */
export class MappedText {
	private readonly parts: string[] = [];
	private readonly segments: MapSegment[] = [];
	private length = 0;

	/** `origin` is where an empty value, or one that starts with a made-up character, points. */
	constructor(private readonly text: string, private readonly origin: number) {}

	/** Appends `text.slice(start, end)` as it is written in the source. */
	copy(start: number, end: number): void {
		if (end <= start) {
			return;
		}
		const count = end - start;
		const last = this.segments[this.segments.length - 1];
		if (last && last.sourceStart + last.length === start && last.valueStart + last.length === this.length) {
			this.segments[this.segments.length - 1] = { ...last, length: last.length + count };
		} else {
			this.segments.push({ valueStart: this.length, sourceStart: start, length: count });
		}
		this.parts.push(this.text.slice(start, end));
		this.length += count;
	}

	/**
	 * Appends characters that are not in the source as such. With `sourceAt` (an escape's
	 * backslash), the characters point there instead of at the end of the previous run; with
	 * `sourceEnd` too (where the escape ends), a range that ends on them ends there.
	 */
	put(chars: string, sourceAt?: number, sourceEnd?: number): void {
		if (chars.length === 0) {
			return;
		}
		if (sourceAt !== undefined) {
			this.segments.push(sourceEnd !== undefined && sourceEnd > sourceAt
				? { valueStart: this.length, sourceStart: sourceAt, length: 0, escapeLength: sourceEnd - sourceAt }
				: { valueStart: this.length, sourceStart: sourceAt, length: 0 });
		}
		this.parts.push(chars);
		this.length += chars.length;
	}

	get value(): string {
		return this.parts.join('');
	}

	get map(): OffsetMap {
		const first = this.segments[0];
		if (!first || first.valueStart > 0) {
			return { segments: [{ valueStart: 0, sourceStart: this.origin, length: 0 }, ...this.segments] };
		}
		return { segments: this.segments };
	}

	/** Where the value's last copied character ends in the source, if any was copied. */
	get sourceEnd(): number | undefined {
		let end: number | undefined;
		for (const segment of this.segments) {
			end = Math.max(end ?? 0, segment.sourceStart + segment.length);
		}
		return end;
	}
}

/** Whether the character at `at` follows an odd run of backslashes (after `from`), which escapes it. */
export function isEscaped(text: string, from: number, at: number): boolean {
	let count = 0;
	for (let i = at - 1; i >= from && text.charCodeAt(i) === 0x5c; i--) {
		count++;
	}
	return count % 2 === 1;
}
