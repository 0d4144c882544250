import type { ParsedFile } from './file';

/**
 * What rules and suppressions work out once per parsed file (its string values, scripts, named
 * values, exposures...), kept on the file object itself, so it is freed with the file.
 *
 * A WeakMap keyed by the file did the same job, but V8 keeps a WeakMap's value alive until a full
 * collection has seen its key die: every file's derived data was promoted to the old generation
 * and collected there, which cost about as much as the rules themselves (measured with
 * npm run bench and a scan of the same corpus with and without the WeakMap).
 */
export interface MemoKey<T> {
	readonly name: string;
	/** Ties the key to the type of what it holds; never set. */
	readonly type?: T;
}

export function memoKey<T>(name: string): MemoKey<T> {
	return { name };
}

const TABLE = Symbol('aup-guard.memo');

interface Holder {
	[TABLE]?: Map<MemoKey<unknown>, unknown>;
}

/** The value under `key` for this file, computed by `compute` the first time it is asked for. */
export function memoized<T>(file: ParsedFile, key: MemoKey<T>, compute: () => T): T {
	const holder = file as Holder;
	let table = holder[TABLE];
	if (!table) {
		table = new Map();
		// Not enumerable: a copy of the file (`{ ...file }`) or a comparison in a test does not see it.
		Object.defineProperty(file, TABLE, { value: table, enumerable: false });
	}
	if (table.has(key)) {
		return table.get(key) as T;
	}
	const value = compute();
	table.set(key, value);
	return value;
}
