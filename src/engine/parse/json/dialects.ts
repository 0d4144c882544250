import type { StringNode, ValueNode } from '../../model/nodes';
import { span } from '../../model/range';
import { markTemplate, sliceString } from '../yaml/intrinsics';
import type { JsonDialect } from './convert';
import { decodeJsonString } from './strings';

export type JsonFormat = 'terraform-json' | 'cloudformation' | 'arm';

/** A string as JSON reads it: known as written. */
function plainString(text: string, start: number, end: number): StringNode {
	const decoded = decodeJsonString(text, start, end, false);
	return { kind: 'string', span: span(start, end), value: decoded.value, map: decoded.map, isLiteral: true };
}

/**
 * Terraform reads every JSON string as a template, as it would a quoted HCL string: `${...}` and
 * `%{...}` make it a value known only at deploy time, and `$${` is a literal `${`.
 */
function terraformString(text: string, start: number, end: number): StringNode {
	const decoded = decodeJsonString(text, start, end, true);
	return { kind: 'string', span: span(start, end), value: decoded.value, map: decoded.map, isLiteral: !decoded.hasTemplate };
}

/**
 * An ARM template expression is a whole string in brackets, `"[parameters('x')]"`, evaluated at
 * deploy time. `[[` at the start is the escape for a literal `[`: `"[[not an expression]"` is
 * the string `[not an expression]`.
 */
function armString(text: string, start: number, end: number): StringNode {
	const node = plainString(text, start, end);
	const value = node.value;
	if (!value.startsWith('[') || !value.endsWith(']')) {
		return node;
	}
	if (value.startsWith('[[')) {
		return { ...sliceString(node, 1, value.length), span: node.span };
	}
	return { ...node, isLiteral: false };
}

/** CloudFormation's long-form `Fn::Sub` makes its string a template, as in the YAML parser. */
function cloudFormationEntry(key: string, value: ValueNode): ValueNode {
	return key === 'Fn::Sub' ? markTemplate(value) : value;
}

export const DIALECTS: Readonly<Record<JsonFormat, JsonDialect>> = {
	'terraform-json': { string: terraformString },
	cloudformation: { string: plainString, entryValue: cloudFormationEntry },
	arm: { string: armString },
};
