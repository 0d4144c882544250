import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Span } from '../model/range';

/**
 * The rules file as a small located tree: every key and value keeps its span, so each problem
 * points at the key or value that causes it. Reading the `yaml` package's nodes once here keeps
 * the validator free of its API.
 */
export type YamlValue = YamlMap | YamlList | YamlScalar;

export interface YamlMap {
	readonly kind: 'map';
	readonly span: Span;
	readonly entries: readonly YamlEntry[];
}

export interface YamlEntry {
	readonly key: string;
	readonly keySpan: Span;
	readonly value: YamlValue;
}

export interface YamlList {
	readonly kind: 'list';
	readonly span: Span;
	readonly items: readonly YamlValue[];
}

export interface YamlScalar {
	readonly kind: 'scalar';
	readonly span: Span;
	/** string, number, boolean or null, as YAML 1.2's core schema reads it. */
	readonly value: unknown;
}

export interface YamlProblem {
	readonly span: Span;
	readonly message: string;
}

export interface YamlRead {
	readonly root: YamlValue | undefined;
	readonly problems: readonly YamlProblem[];
}

/** Aliases can repeat a subtree many times over ("billion laughs"): stop converting after this many nodes. */
const NODE_BUDGET = 50_000;

export function readYaml(text: string): YamlRead {
	const problems: YamlProblem[] = [];
	let doc: Document.Parsed;
	try {
		doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	} catch (error) {
		return { root: undefined, problems: [{ span: { start: 0, end: 0 }, message: `cannot read the file: ${String(error)}` }] };
	}
	for (const error of doc.errors) {
		problems.push({ span: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) }, message: firstLine(error.message) });
	}
	const budget = { left: NODE_BUDGET };
	const root = doc.contents ? convert(doc.contents, doc, budget, problems, 0) : undefined;
	return { root, problems };
}

function convert(node: Node, doc: Document.Parsed, budget: { left: number }, problems: YamlProblem[], depth: number): YamlValue {
	const span = spanOf(node);
	if (--budget.left < 0 || depth > 64) {
		if (budget.left === -1 || depth === 65) {
			problems.push({ span, message: 'the file is nested too deeply or repeats too much through aliases; the rest is not read' });
		}
		return { kind: 'scalar', span, value: null };
	}
	if (isAlias(node)) {
		const target = node.resolve(doc);
		return target ? { ...convert(target, doc, budget, problems, depth + 1), span } : { kind: 'scalar', span, value: null };
	}
	if (isMap(node)) {
		const entries: YamlEntry[] = [];
		for (const pair of node.items) {
			const key = pair.key;
			if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
				problems.push({ span: key && typeof key === 'object' && 'range' in key ? spanOf(key as Node) : span, message: 'keys must be plain words' });
				continue;
			}
			const keySpan = spanOf(key);
			const value: YamlValue = pair.value && typeof pair.value === 'object' && 'range' in pair.value
				? convert(pair.value as Node, doc, budget, problems, depth + 1)
				: { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null };
			entries.push({ key: String(key.value), keySpan, value });
		}
		return { kind: 'map', span, entries };
	}
	if (isSeq(node)) {
		const items = node.items.flatMap(item => item && typeof item === 'object' && 'range' in item ? [convert(item as Node, doc, budget, problems, depth + 1)] : []);
		return { kind: 'list', span, items };
	}
	return { kind: 'scalar', span, value: isScalar(node) ? node.value : null };
}

function spanOf(node: Node): Span {
	const range = node.range;
	return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** `yaml` appends "at line 2, column 1:" and a code excerpt; the diagnostic already shows where. */
function firstLine(message: string): string {
	return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
