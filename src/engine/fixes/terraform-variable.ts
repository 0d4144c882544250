import type { ParsedFile } from '../model/file';
import type { FixContext } from '../rules/rule';
import type { EditDraft } from './edits';
import { indentUnitOf, lineBreakOf } from './text';

/**
 * Fixes that move a value out of a Terraform file declare the variable that replaces it: a
 * `variable` block appended at the end of the file, with the file's line breaks and indentation,
 * its attributes' `=` aligned as `terraform fmt` aligns them, and no default, so whoever applies
 * the configuration must supply the value.
 */

/** Names of the variables the file declares, and those its module's other files declare. */
export function declaredVariables(file: ParsedFile, context: Pick<FixContext, 'moduleVariables'>): Set<string> {
	const names = new Set<string>(context.moduleVariables);
	for (const root of file.roots) {
		for (const entry of root.kind === 'object' ? root.entries : []) {
			if (entry.key === 'variable' && entry.value.kind === 'object') {
				entry.value.entries.forEach(variable => names.add(variable.key));
			}
		}
	}
	return names;
}

/**
 * The edit that appends `variable "<name>" { ... }` after a blank line. `attributes` are written
 * as given (`['type', 'string']`, `['description', '"..."']`): values are HCL expressions.
 */
export function appendVariable(file: Pick<ParsedFile, 'text' | 'format'>, name: string, attributes: readonly (readonly [string, string])[]): EditDraft {
	const newline = lineBreakOf(file.text);
	const indent = indentUnitOf(file);
	const lead = file.text.length === 0 || file.text.endsWith('\n') ? newline : newline + newline;
	const width = Math.max(...attributes.map(([key]) => key.length));
	const lines = attributes.map(([key, value]) => `${indent}${key.padEnd(width)} = ${value}`);
	const block = [`variable "${name}" {`, ...lines, '}', ''].join(newline);
	return { span: { start: file.text.length, end: file.text.length }, newText: lead + block };
}
