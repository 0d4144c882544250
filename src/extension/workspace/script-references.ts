import type { Range } from '../../engine/index';
import type { Disposable } from './findings-store';

// No `vscode` import: which files read which scripts is plain bookkeeping, keyed by the URI's
// string form as the findings store is, and unit-tested with strings.

/** Where a Terraform file reads a script: the file, and the range of the path in it. */
export interface Referral<U> {
	readonly referrer: U;
	readonly range: Range;
}

/** One script a file reads, from one place in it. */
export interface ScriptRead<U> {
	readonly script: U;
	readonly range: Range;
}

export interface ReferenceChange<U> {
	/** Read now by some file, and by none before. */
	readonly added: readonly U[];
	/** Read by no file any more. */
	readonly removed: readonly U[];
	/** Still read, but from other places (another file, or lines added above the call). */
	readonly moved: readonly U[];
}

interface ReadsOf<U> {
	readonly referrer: U;
	/** By script key: the script and the ranges of the paths naming it, in file order. */
	readonly scripts: ReadonlyMap<string, { readonly script: U; readonly ranges: readonly Range[] }>;
}

type Listener<U> = (change: ReferenceChange<U>) => void;

/**
 * The scripts that Terraform files read with `file()` or `templatefile()`, by the files reading
 * them. Each file's reads are replaced as a whole after each scan of it; a change event says
 * which scripts gained their first reader, lost their last one, or are read from elsewhere.
 */
export class ScriptReferences<U extends { toString(): string }> {
	private readonly byReferrer = new Map<string, ReadsOf<U>>();
	/** By script key: the keys of the files that read it. */
	private readonly readers = new Map<string, { readonly script: U; readonly referrers: Set<string> }>();
	private readonly listeners = new Set<Listener<U>>();

	/** Replaces what `referrer` reads; an empty list when it reads nothing, closed or went away. */
	update(referrer: U, reads: readonly ScriptRead<U>[]): void {
		const key = referrer.toString();
		const before = this.byReferrer.get(key)?.scripts ?? new Map<string, { script: U; ranges: readonly Range[] }>();
		const after = new Map<string, { script: U; ranges: Range[] }>();
		for (const read of reads) {
			const scriptKey = read.script.toString();
			const entry = after.get(scriptKey) ?? { script: read.script, ranges: [] };
			entry.ranges.push(read.range);
			after.set(scriptKey, entry);
		}
		const change: { added: U[]; removed: U[]; moved: U[] } = { added: [], removed: [], moved: [] };
		for (const [scriptKey, { script, ranges }] of after) {
			const previous = before.get(scriptKey);
			if (previous) {
				if (!sameRanges(previous.ranges, ranges)) {
					change.moved.push(script);
				}
				continue;
			}
			const readers = this.readers.get(scriptKey) ?? { script, referrers: new Set<string>() };
			readers.referrers.add(key);
			this.readers.set(scriptKey, readers);
			(readers.referrers.size === 1 ? change.added : change.moved).push(script);
		}
		for (const [scriptKey, { script }] of before) {
			if (after.has(scriptKey)) {
				continue;
			}
			const readers = this.readers.get(scriptKey);
			readers?.referrers.delete(key);
			if (!readers || readers.referrers.size === 0) {
				this.readers.delete(scriptKey);
				change.removed.push(script);
			} else {
				change.moved.push(script);
			}
		}
		if (after.size > 0) {
			this.byReferrer.set(key, { referrer, scripts: after });
		} else {
			this.byReferrer.delete(key);
		}
		if (change.added.length > 0 || change.removed.length > 0 || change.moved.length > 0) {
			this.fire(change);
		}
	}

	/** Whether some file reads `script`. */
	has(script: U): boolean {
		return this.readers.has(script.toString());
	}

	/** Where `script` is read, by reader path order then position. */
	referrals(script: U): Referral<U>[] {
		const scriptKey = script.toString();
		const referrers = [...this.readers.get(scriptKey)?.referrers ?? []].sort();
		return referrers.flatMap(key => {
			const reads = this.byReferrer.get(key);
			return reads?.scripts.get(scriptKey)?.ranges.map(range => ({ referrer: reads.referrer, range })) ?? [];
		});
	}

	/** Every script some file reads. */
	scripts(): U[] {
		return [...this.readers.values()].map(entry => entry.script);
	}

	onDidChange(listener: Listener<U>): Disposable {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	private fire(change: ReferenceChange<U>): void {
		for (const listener of [...this.listeners]) {
			listener(change);
		}
	}
}

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
	return a.length === b.length && a.every((range, index) => {
		const other = b[index];
		return range.start.line === other.start.line && range.start.character === other.start.character
			&& range.end.line === other.end.line && range.end.character === other.end.character;
	});
}
