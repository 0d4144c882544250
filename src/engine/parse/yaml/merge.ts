import { isScalar } from 'yaml';
import type { Entry, ObjectNode, ValueNode } from '../../model/nodes';

/** `<<` written plain is a merge key; quoted, it is an ordinary key named `<<`. */
export function isMergeKey(key: unknown): boolean {
	return isScalar(key) && key.type === 'PLAIN' && key.source === '<<';
}

/** The maps a merge key's value names: one map, or a list of maps. Undefined if it is anything else. */
export function mergeSources(value: ValueNode): ObjectNode[] | undefined {
	if (value.kind === 'object') {
		return [value];
	}
	if (value.kind === 'array' && value.items.length > 0 && value.items.every(item => item.kind === 'object')) {
		return value.items.filter((item): item is ObjectNode => item.kind === 'object');
	}
	return undefined;
}

export interface PendingMerge {
	/** How many of the map's own entries come before the `<<`. */
	readonly index: number;
	readonly sources: readonly ObjectNode[];
}

/**
 * Merges entries the way YAML's merge key does: a key written in the map itself wins, and among
 * merged maps the first to name a key wins. Merged entries keep their own spans, in the anchored
 * map, so a finding in shared settings points where they are written.
 */
export function applyMerges(own: readonly Entry[], merges: readonly PendingMerge[]): Entry[] {
	const taken = new Set(own.map(entry => entry.key));
	const result: Entry[] = [];
	let next = 0;
	const mergeUpTo = (index: number): void => {
		for (; next < merges.length && merges[next].index <= index; next++) {
			for (const source of merges[next].sources) {
				for (const entry of source.entries) {
					if (!taken.has(entry.key)) {
						taken.add(entry.key);
						result.push(entry);
					}
				}
			}
		}
	};
	own.forEach((entry, index) => {
		mergeUpTo(index);
		result.push(entry);
	});
	mergeUpTo(Number.POSITIVE_INFINITY);
	return result;
}
