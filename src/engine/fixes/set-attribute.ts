import type { ParsedFile } from '../model/file';
import type { ObjectNode } from '../model/nodes';
import { replaceValue, type EditDraft } from './edits';
import { insertAttribute } from './insert-attribute';

/**
 * Sets `key` to a plain value: replaces the value written there (keeping its line, its comment
 * and its neighbours) or, when the key is missing, inserts it with `insertAttribute`.
 */
export function setAttribute(file: Pick<ParsedFile, 'text' | 'format'>, object: ObjectNode, key: string, valueText: string): readonly EditDraft[] | null {
	const entry = object.entries.find(candidate => candidate.key === key);
	if (entry) {
		// A repeated key or a nested block is not one value to replace.
		return object.entries.filter(candidate => candidate.key === key).length === 1 && entry.value.kind !== 'object'
			? [replaceValue(entry.value, valueText)]
			: null;
	}
	return insertAttribute(file, object, key, valueText);
}
