import type { ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { flatten, get, literalString, objectsIn } from '../../model/query';
import type { PolicyStatement, StatementContext } from './policy-documents';

/**
 * Statements of a policy written as JSON (a string, `jsonencode`, or a CloudFormation object):
 * `Statement` as one object or a list; `Action` and `Resource` as a string or a list;
 * `Principal` as `"*"` or a map of principal types.
 */
export function jsonStatements(document: ObjectNode, context: StatementContext): PolicyStatement[] {
	const statement = get(document, 'Statement');
	return objectsIn(statement ? flatten(statement) : []).map(item => {
		const notActions = get(item, 'Action') === undefined && get(item, 'NotAction') !== undefined;
		return {
			...context,
			// Effect is required; a computed one is not assumed to allow.
			allow: literalString(get(item, 'Effect')) === 'Allow',
			actions: literals(get(item, notActions ? 'NotAction' : 'Action')),
			notActions,
			resources: literals(get(item, 'Resource')),
			principals: principals(get(item, 'Principal')),
			conditionKeys: conditionKeys(get(item, 'Condition')),
		};
	});
}

/** `"*"`, `{ "AWS": "*" }`, `{ "AWS": ["arn:..."] }`: the AWS principals; other types (Service, Federated) are not anyone. */
function principals(node: ValueNode | undefined): StringNode[] | undefined {
	if (node === undefined) {
		return undefined;
	}
	if (node.kind === 'string') {
		return literals(node);
	}
	const aws = get(node, 'AWS');
	return aws === undefined ? [] : literals(aws);
}

function conditionKeys(node: ValueNode | undefined): string[] {
	if (node?.kind !== 'object') {
		return [];
	}
	return node.entries.flatMap(operator => operator.value.kind === 'object' ? operator.value.entries.map(entry => entry.key.toLowerCase()) : []);
}

export function literals(node: ValueNode | undefined): StringNode[] {
	return (node ? flatten(node) : []).filter((item): item is StringNode => item.kind === 'string' && item.isLiteral);
}
