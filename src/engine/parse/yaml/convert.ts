import { isAlias, isMap, isScalar, type Alias, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Entry, ExpressionNode, ObjectNode, ValueNode } from '../../model/nodes';
import { span, type Span } from '../../model/range';
import type { CstFacts } from './cst';
import { intrinsicKey, markTemplate, wrapIntrinsic } from './intrinsics';
import { collectionSpan, expression, tagSpan, writtenEnd } from './located';
import { applyMerges, isMergeKey, mergeSources, type PendingMerge } from './merge';
import { scalarNode, keyText, type LiteralTest } from './scalar';
import type { NoteKind } from './notes';

/**
 * How many values aliases may add to a file's model in all. Rules walk the model as a tree, so
 * an alias repeats its whole anchored value: a "billion laughs" of a few lines would otherwise
 * grow without bound. Real files (Compose's `<<: *defaults`) stay far below this.
 */
export const ALIAS_BUDGET = 10_000;

/** How deep the model may nest, counting values that aliases and short-form tags add. */
const MAX_MODEL_DEPTH = 400;

export interface ConvertContext {
	readonly text: string;
	readonly facts: CstFacts;
	readonly isLiteral: LiteralTest;
	readonly cloudFormation: boolean;
	/** Values aliases have added so far in the file. */
	readonly budget: { used: number };
	readonly note: (kind: NoteKind, at: Span, detail?: string) => void;
}

interface Anchored {
	readonly node: ValueNode;
	/** Values in the anchored subtree, counted as a tree. */
	readonly size: number;
	/** Levels of the anchored subtree, itself included. */
	readonly height: number;
}

const PENDING = 'pending';

/**
 * Builds the located model of one YAML document from the nodes `yaml` composed, resolving
 * aliases to the value they name (the same node, not a copy) within a budget.
 */
export class DocumentConverter {
	private readonly anchors = new Map<string, Anchored | typeof PENDING>();
	private count = 0;
	private deepest = 0;

	constructor(private readonly context: ConvertContext) {}

	/** `at` locates a missing value: where it would have been written. */
	convert(node: ParsedNode | null, depth: number, at: number): ValueNode {
		if (!node) {
			this.count++;
			return { kind: 'null', span: span(at, at) };
		}
		if (isAlias(node)) {
			return this.alias(node, depth);
		}
		if (depth > MAX_MODEL_DEPTH) {
			this.count++;
			return this.cut(node.range[0]);
		}
		const anchor = node.anchor;
		if (!anchor) {
			return this.build(node, depth);
		}
		this.anchors.set(anchor, PENDING);
		const countBefore = this.count;
		const deepestBefore = this.deepest;
		this.deepest = depth;
		const value = this.build(node, depth);
		this.anchors.set(anchor, { node: value, size: this.count - countBefore, height: this.deepest - depth + 1 });
		this.deepest = Math.max(deepestBefore, this.deepest);
		return value;
	}

	private build(node: Exclude<ParsedNode, Alias.Parsed>, depth: number): ValueNode {
		this.count++;
		this.deepest = Math.max(this.deepest, depth);
		const intrinsic = this.context.cloudFormation ? intrinsicKey(node.tag) : undefined;
		const inner = intrinsic ? depth + 1 : depth;
		let value: ValueNode;
		if (isScalar(node)) {
			value = this.context.facts.isCut(node.srcToken) ? this.cut(node.range[0]) : scalarNode(this.context.text, node, this.context.isLiteral);
		} else if (isMap(node)) {
			value = this.map(node, inner);
		} else {
			value = this.seq(node, inner);
		}
		if (!intrinsic) {
			return value;
		}
		// The long form adds an object (and for `!GetAtt A.B` a list of two strings) to the tree.
		this.count += intrinsic === 'Fn::GetAtt' ? 3 : 1;
		return wrapIntrinsic(intrinsic, value, tagSpan(this.context.facts, node), writtenEnd(node, value));
	}

	private map(map: YAMLMap.Parsed, depth: number): ObjectNode {
		const entries: Entry[] = [];
		let merges: PendingMerge[] | undefined;
		let end = map.range[0];
		for (const pair of map.items) {
			const entry = this.entry(pair, depth + 1);
			end = Math.max(end, entry.span.end);
			const sources = isMergeKey(pair.key) ? mergeSources(entry.value) : undefined;
			if (sources) {
				(merges ??= []).push({ index: entries.length, sources });
			} else {
				entries.push(entry);
			}
		}
		return { kind: 'object', span: collectionSpan(this.context.text, map, end), entries: merges ? applyMerges(entries, merges) : entries };
	}

	private seq(seq: YAMLSeq.Parsed, depth: number): ValueNode {
		const items: ValueNode[] = [];
		let end = seq.range[0];
		for (const item of seq.items) {
			const value = this.convert(item, depth + 1, end);
			items.push(value);
			end = Math.max(end, writtenEnd(item, value));
		}
		return { kind: 'array', span: collectionSpan(this.context.text, seq, end), items };
	}

	private entry(pair: Pair<ParsedNode, ParsedNode | null>, depth: number): Entry {
		const key = this.key(pair);
		let value = this.convert(pair.value, depth, key.span.end);
		if (this.context.cloudFormation && key.text === 'Fn::Sub') {
			value = markTemplate(value);
		}
		const end = Math.max(key.span.end, writtenEnd(pair.value, value));
		return { key: key.text, keySpan: key.span, value, span: span(key.span.start, end) };
	}

	private key(pair: Pair<ParsedNode, ParsedNode | null>): { text: string; span: Span } {
		const key = pair.key;
		if (!key) {
			const at = pair.value?.range[0] ?? 0;
			return { text: '', span: span(at, at) };
		}
		const keySpan = span(key.range[0], key.range[1]);
		if (isScalar(key)) {
			if (key.anchor) {
				this.anchors.set(key.anchor, { node: scalarNode(this.context.text, key, this.context.isLiteral), size: 1, height: 1 });
			}
			return { text: keyText(key), span: keySpan };
		}
		if (isAlias(key)) {
			const target = this.anchors.get(key.source);
			const named = target !== PENDING && target?.node.kind === 'string' ? target.node.value : undefined;
			return { text: named ?? `*${key.source}`, span: keySpan };
		}
		// A collection as a key (`? [a, b]`) is rare; its text identifies it well enough.
		return { text: this.context.text.slice(key.range[0], key.range[1]), span: keySpan };
	}

	private alias(alias: Alias.Parsed, depth: number): ValueNode {
		const name = alias.source;
		const [start, end] = alias.range;
		const target = this.anchors.get(name);
		if (target === undefined || target === PENDING) {
			this.context.note(target === undefined ? 'unknown-alias' : 'recursive-alias', span(start, end), name);
			return this.unexpanded(name, start, end);
		}
		const budget = this.context.budget;
		if (budget.used + target.size > ALIAS_BUDGET || depth + target.height > MAX_MODEL_DEPTH) {
			this.context.note('alias-budget', span(start, end), name);
			return this.unexpanded(name, start, end);
		}
		budget.used += target.size;
		this.count += target.size;
		this.deepest = Math.max(this.deepest, depth + target.height - 1);
		return target.node;
	}

	/** An alias left as written; it still counts as one value, so the sizes of anchors that hold it stay true. */
	private unexpanded(name: string, start: number, end: number): ExpressionNode {
		this.count++;
		return expression(`*${name}`, start, end);
	}

	private cut(at: number): ExpressionNode {
		this.context.note('too-deep', span(at, at));
		return expression('…', at, at);
	}
}
