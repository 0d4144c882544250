import type { ParsedFile } from '../../model/file';
import type { ObjectNode } from '../../model/nodes';
import { get, getAll, literalString, objectsIn } from '../../model/query';
import type { PolicyStatement, StatementContext } from './policy-documents';
import { literals } from './policy-statements';

/**
 * Statements of a Terraform `data "aws_iam_policy_document" "<name>"` block: `statement` blocks
 * with `effect` (Allow by default), `actions` or `not_actions`, `resources`, `principals { type
 * identifiers }` and `condition { test variable values }`.
 */
export function dataDocumentStatements(file: ParsedFile, name: string, context: StatementContext): PolicyStatement[] {
	const statements: PolicyStatement[] = [];
	for (const body of documentBodies(file, name)) {
		for (const statement of objectsIn(getAll(body, 'statement'))) {
			const effect = get(statement, 'effect');
			const notActions = get(statement, 'actions') === undefined && get(statement, 'not_actions') !== undefined;
			const blocks = objectsIn(getAll(statement, 'principals'));
			statements.push({
				...context,
				allow: effect === undefined || literalString(effect) === 'Allow',
				actions: literals(get(statement, notActions ? 'not_actions' : 'actions')),
				notActions,
				resources: literals(get(statement, 'resources')),
				principals: blocks.length === 0 ? undefined : blocks
					.filter(block => ['AWS', '*'].includes(literalString(get(block, 'type')) ?? ''))
					.flatMap(block => literals(get(block, 'identifiers'))),
				conditionKeys: objectsIn(getAll(statement, 'condition'))
					.map(condition => literalString(get(condition, 'variable'))?.toLowerCase())
					.filter((key): key is string => key !== undefined),
			});
		}
	}
	return statements;
}

function documentBodies(file: ParsedFile, name: string): ObjectNode[] {
	return file.roots.flatMap(root => objectsIn(getAll(root, 'data')))
		.flatMap(data => objectsIn(getAll(data, 'aws_iam_policy_document')))
		.flatMap(documents => objectsIn(getAll(documents, name)));
}
