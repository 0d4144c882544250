import type { Span } from '../model/range';
import type { YamlEntry, YamlMap, YamlValue } from './yaml-tree';

export type ProblemSeverity = 'error' | 'warning';

export interface SpanProblem {
	readonly span: Span;
	readonly message: string;
	/** An error drops the rule or entry it is in; a warning only says something was ignored. */
	readonly severity: ProblemSeverity;
}

/** Collects problems while the file is read; `errorCount` lets a reader tell whether its part failed. */
export class ProblemList {
	readonly items: SpanProblem[] = [];
	errorCount = 0;

	error(span: Span, message: string): void {
		this.items.push({ span, message, severity: 'error' });
		this.errorCount++;
	}

	warn(span: Span, message: string): void {
		this.items.push({ span, message, severity: 'warning' });
	}

	/** Warns about each key not in `known`: most are typos, and a typo should not pass in silence. */
	unknownKeys(map: YamlMap, known: readonly string[], where: string, asError = false): void {
		for (const entry of map.entries) {
			if (!known.includes(entry.key)) {
				const message = `unknown key '${entry.key}' in ${where}; expected one of ${known.join(', ')}`;
				if (asError) {
					this.error(entry.keySpan, message);
				} else {
					this.warn(entry.keySpan, message);
				}
			}
		}
	}
}

export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
	return map.entries.find(entry => entry.key === key);
}

/** A plain string, or undefined with an error at the value (or at the map when `required` and missing). */
export function readString(map: YamlMap, key: string, problems: ProblemList, required: boolean): string | undefined {
	const entry = entryOf(map, key);
	if (!entry) {
		if (required) {
			problems.error(mapHead(map), `missing '${key}'`);
		}
		return undefined;
	}
	const value = entry.value;
	if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.value.trim() === '') {
		problems.error(value.span.end > value.span.start ? value.span : entry.keySpan, `'${key}' must be a non-empty string`);
		return undefined;
	}
	return value.value;
}

/** Where to point for something missing from a map: its first line, not the whole block. */
export function mapHead(map: YamlMap): Span {
	const first = map.entries[0];
	return first ? first.keySpan : map.span;
}

export function describeKind(value: YamlValue): string {
	if (value.kind !== 'scalar') {
		return value.kind === 'map' ? 'a mapping' : 'a list';
	}
	return value.value === null ? 'empty' : `a ${typeof value.value}`;
}
