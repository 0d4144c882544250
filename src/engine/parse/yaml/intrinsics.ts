import type { ArrayNode, MapSegment, ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { sourceOffset, sourceSpan } from '../../model/nodes';
import { span, type Span } from '../../model/range';

/**
 * CloudFormation's short-form tags and the key of the long form each stands for. Rules read
 * `{ "Fn::Sub": ... }` whichever form the template was written in.
 */
const LONG_FORMS = new Map<string, string>([
	['Ref', 'Ref'],
	['Condition', 'Condition'],
	...['And', 'Base64', 'Cidr', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'FindInMap', 'ForEach',
		'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or', 'RefAll', 'Select', 'Split', 'Sub',
		'ToJsonString', 'Transform', 'ValueOf', 'ValueOfAll'].map((name): [string, string] => [name, `Fn::${name}`]),
]);

/** The long-form key for a node's tag (`!Sub` -> `Fn::Sub`), or undefined for any other tag. */
export function intrinsicKey(tag: string | undefined): string | undefined {
	return tag?.startsWith('!') ? LONG_FORMS.get(tag.slice(1)) : undefined;
}

/** `!Ref X` as `{ Ref: X }`, with the key located at the tag. */
export function wrapIntrinsic(key: string, value: ValueNode, tagSpan: Span, valueEnd: number): ObjectNode {
	let inner = value;
	if (key === 'Fn::GetAtt') {
		inner = splitGetAtt(value);
	} else if (key === 'Fn::Sub') {
		inner = markTemplate(value);
	}
	const whole = span(tagSpan.start, Math.max(tagSpan.end, valueEnd));
	return { kind: 'object', span: whole, entries: [{ key, keySpan: tagSpan, value: inner, span: whole }] };
}

/**
 * `Fn::Sub`'s string (alone or first in its list) is a template when it has `${...}`:
 * its value is only known at deploy time. `${!Name}` is Sub's escape for a literal `${Name}`.
 */
export function markTemplate(value: ValueNode): ValueNode {
	if (value.kind === 'string') {
		return value.isLiteral && /\$\{(?!!)/.test(value.value) ? { ...value, isLiteral: false } : value;
	}
	if (value.kind === 'array' && value.items[0]?.kind === 'string') {
		const first = markTemplate(value.items[0]);
		return first === value.items[0] ? value : { ...value, items: [first, ...value.items.slice(1)] };
	}
	return value;
}

/** `!GetAtt Resource.Attribute` is the short form of `[Resource, Attribute]`; attributes may hold dots. */
function splitGetAtt(value: ValueNode): ValueNode {
	if (value.kind !== 'string') {
		return value;
	}
	const dot = value.value.indexOf('.');
	if (dot <= 0) {
		return value;
	}
	const items = [sliceString(value, 0, dot), sliceString(value, dot + 1, value.value.length)];
	const array: ArrayNode = { kind: 'array', span: value.span, items };
	return array;
}

/** Part of a string as a string of its own, its map cut to match. */
export function sliceString(node: StringNode, start: number, end: number): StringNode {
	const segments: MapSegment[] = [];
	for (const segment of node.map.segments) {
		const from = Math.max(segment.valueStart, start);
		const to = Math.min(segment.valueStart + segment.length, end);
		if (to > from || (segment.length === 0 && segment.valueStart >= start && segment.valueStart < end)) {
			segments.push({ valueStart: from - start, sourceStart: segment.sourceStart + (from - segment.valueStart), length: Math.max(0, to - from) });
		}
	}
	if (segments.length === 0 || segments[0].valueStart > 0) {
		segments.unshift({ valueStart: 0, sourceStart: sourceOffset(node.map, start), length: 0 });
	}
	return {
		kind: 'string',
		span: sourceSpan(node, start, end),
		value: node.value.slice(start, end),
		map: { segments },
		isLiteral: node.isLiteral,
	};
}
