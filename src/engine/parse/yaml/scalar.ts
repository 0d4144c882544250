import type { Scalar } from 'yaml';
import type { OffsetMap, StringNode, ValueNode } from '../../model/nodes';
import { verbatimMap } from '../../model/nodes';
import { span, type Span } from '../../model/range';
import { decodeBlockScalar } from './block-scalar';
import { decodeDoubleQuoted, decodePlain, decodeSingleQuoted } from './flow-scalar';
import type { MappedText } from '../mapped-text';

/** Decides whether a decoded string is written out in full or filled in later (interpolation). */
export type LiteralTest = (value: string) => boolean;

/** A scalar as the model's node of its resolved type; strings get their offset map. */
export function scalarNode(text: string, scalar: Scalar.Parsed, isLiteral: LiteralTest): ValueNode {
	const [start, end] = scalar.range;
	const value: unknown = scalar.value;
	switch (typeof value) {
		case 'number':
			return { kind: 'number', span: span(start, end), value };
		case 'bigint':
			return { kind: 'number', span: span(start, end), value: Number(value) };
		case 'boolean':
			return { kind: 'boolean', span: span(start, end), value };
		case 'string':
			return stringNode(text, scalar, value, isLiteral);
		default:
			if (value === null || value === undefined) {
				return { kind: 'null', span: span(start, end) };
			}
			// Timestamps, binary and the like: what matters to a rule is the text as written.
			return stringNode(text, scalar, scalar.source ?? '', isLiteral);
	}
}

/** The string a scalar key stands for, as written (`80`, `true`, `<<` stay as they read). */
export function keyText(scalar: Scalar.Parsed): string {
	return typeof scalar.value === 'string' ? scalar.value : scalar.source ?? String(scalar.value ?? '');
}

function stringNode(text: string, scalar: Scalar.Parsed, value: string, isLiteral: LiteralTest): StringNode {
	const located = locate(text, scalar, value);
	return { kind: 'string', span: located.span, value, map: located.map, isLiteral: isLiteral(value) };
}

interface Located {
	readonly span: Span;
	readonly map: OffsetMap;
}

function locate(text: string, scalar: Scalar.Parsed, value: string): Located {
	const [start, end] = scalar.range;
	const whole = span(start, end);
	switch (scalar.type) {
		case 'QUOTE_DOUBLE':
		case 'QUOTE_SINGLE': {
			// Most quoted strings have no escapes and fit on one line: their value is the source.
			if (value.length === end - start - 2 && text.startsWith(value, start + 1)) {
				return { span: unclosedSpan(text, start, end), map: verbatimMap(start + 1, value.length) };
			}
			const decoded = scalar.type === 'QUOTE_DOUBLE' ? decodeDoubleQuoted(text, start, end) : decodeSingleQuoted(text, start, end);
			return { span: unclosedSpan(text, start, end), map: checked(decoded, value, start + 1) };
		}
		case 'BLOCK_LITERAL':
		case 'BLOCK_FOLDED': {
			const token = scalar.srcToken;
			if (token?.type !== 'block-scalar') {
				return { span: whole, map: coarseMap(start) };
			}
			const block = decodeBlockScalar(text, token);
			// The span ends with the last line of text, not with the line breaks that follow it.
			const last = Math.max(block.headerEnd, block.text.sourceEnd ?? 0);
			return { span: span(start, Math.min(end, last)), map: checked(block.text, value, block.headerEnd) };
		}
		default: {
			if (value.length === end - start && text.startsWith(value, start)) {
				return { span: whole, map: verbatimMap(start, value.length) };
			}
			return { span: whole, map: checked(decodePlain(text, start, end), value, start) };
		}
	}
}

/**
 * The decoder's map when it built the value `yaml` resolved; otherwise (broken input the two
 * read differently) every character points at the start, which is coarse but never wrong.
 */
function checked(decoded: MappedText, expected: string, origin: number): OffsetMap {
	return decoded.value === expected ? decoded.map : coarseMap(origin);
}

/** A quoted string still being typed runs to the next line; its span stops where its text does. */
function unclosedSpan(text: string, start: number, end: number): Span {
	if (end - start >= 2 && text[end - 1] === text[start]) {
		return span(start, end);
	}
	let last = end;
	while (last > start + 1 && /\s/.test(text[last - 1])) {
		last--;
	}
	return span(start, last);
}

function coarseMap(origin: number): OffsetMap {
	return { segments: [{ valueStart: 0, sourceStart: origin, length: 0 }] };
}
