import { isAlias, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ExpressionNode, ValueNode } from '../../model/nodes';
import { span, type Span } from '../../model/range';
import type { CstFacts } from './cst';

/** Where a value ends where it is written: an alias ends at its own name, not at its anchor's value. */
export function writtenEnd(node: ParsedNode | null, value: ValueNode): number {
	return node && isAlias(node) ? node.range[1] : value.span.end;
}

/** Flow collections end at their bracket; block ones at their last value, not the line breaks after it. */
export function collectionSpan(text: string, node: YAMLMap.Parsed | YAMLSeq.Parsed, lastEnd: number): Span {
	const [start, end] = node.range;
	const closing = text[end - 1];
	if (node.flow && (closing === '}' || closing === ']')) {
		return span(start, end);
	}
	return span(start, Math.max(start, Math.min(lastEnd, end)));
}

/** Where the node's tag is written; the composed node only knows its name. */
export function tagSpan(facts: CstFacts, node: ParsedNode): Span {
	const tag = facts.tagBefore(node.range[0]);
	if (tag && tag.source === node.tag) {
		return span(tag.offset, tag.offset + tag.source.length);
	}
	return span(node.range[0], node.range[0]);
}

export function expression(text: string, start: number, end: number): ExpressionNode {
	return { kind: 'expression', span: span(start, end), text, parts: [] };
}
