import type { ValueNode } from '../model/nodes';
import { literalBoolean, literalNumber, literalString } from '../model/query';
import type { Pattern } from './pattern';

export type Scalar = string | number | boolean;

/** What a rule's `value:` says; each flags the values it names, never the ones it cannot know. */
export type Condition =
	| { readonly name: 'equals'; readonly expected: Scalar }
	| { readonly name: 'oneOf' | 'notOneOf'; readonly expected: readonly Scalar[] }
	| { readonly name: 'above' | 'below'; readonly limit: number }
	| { readonly name: 'regex' | 'notRegex'; readonly pattern: Pattern }
	| { readonly name: 'present' | 'absent' };

/**
 * Whether one value is flagged. Only values written out in the file are judged: `var.size` or
 * `!Ref Size` is decided at deploy time, so an allow-list (`notOneOf`, `notRegex`) does not flag
 * it either; guessing would make every parameterised module noisy.
 */
export function flags(condition: Condition, node: ValueNode): boolean {
	switch (condition.name) {
		case 'equals':
			return sameScalar(node, condition.expected);
		case 'oneOf':
			return condition.expected.some(expected => sameScalar(node, expected));
		case 'notOneOf':
			return isKnown(node) && !condition.expected.some(expected => sameScalar(node, expected));
		case 'above': {
			const value = literalNumber(node);
			return value !== undefined && value > condition.limit;
		}
		case 'below': {
			const value = literalNumber(node);
			return value !== undefined && value < condition.limit;
		}
		case 'regex': {
			const text = scalarText(node);
			return text !== undefined && condition.pattern.test(text);
		}
		case 'notRegex': {
			const text = scalarText(node);
			return text !== undefined && !condition.pattern.test(text);
		}
		case 'present':
			return true;
		case 'absent':
			return false;
	}
}

/** A value as text when it is written out: strings as they are, numbers and booleans as written. */
export function scalarText(node: ValueNode): string | undefined {
	switch (node.kind) {
		case 'string':
			return literalString(node);
		case 'number':
		case 'boolean':
			return String(node.value);
		default:
			return undefined;
	}
}

function isKnown(node: ValueNode): boolean {
	return scalarText(node) !== undefined;
}

/** `true` matches `true` and `"true"`, `3` matches `3` and `"3"`: YAML and HCL quote such values freely. */
function sameScalar(node: ValueNode, expected: Scalar): boolean {
	if (typeof expected === 'boolean') {
		return literalBoolean(node) === expected;
	}
	if (typeof expected === 'number') {
		return literalNumber(node) === expected;
	}
	return scalarText(node) === expected;
}
