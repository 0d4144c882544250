import type { ParsedFile } from '../model/file';
import type { Entry, ObjectNode } from '../model/nodes';
import type { EditDraft } from './edits';
import { insertAlignedAttribute } from './hcl-alignment';
import { indentAt, indentUnitOf, lineBreakOf, lineEndAt, lineStartAt, nextLineStart, restOfLineIsBlank, startsItsLine } from './text';
import { renderEntry, syntaxOf, type FixValue, type Syntax } from './values';

/**
 * The edits that add `key` with `value` to an object: a Terraform block, a YAML map or a JSON
 * object. The new line takes the indentation of the object's existing keys (or one step more
 * than the line that opens it), follows the file's line breaks, and in Terraform lines up its
 * `=` with the attributes above as `terraform fmt` would (see hcl-alignment.ts).
 * Returns null where no edit is clearly safe: a one-line block, a comment sharing the line.
 */
export function insertAttribute(file: Pick<ParsedFile, 'text' | 'format'>, object: ObjectNode, key: string, value: FixValue): readonly EditDraft[] | null {
	const syntax = syntaxOf(file.format, file.text, object.span.start);
	const layout: Layout = { text: file.text, syntax, eol: lineBreakOf(file.text), unit: indentUnitOf(file) };
	switch (syntax) {
		case 'hcl':
			return insertInHcl(layout, object, key, value);
		case 'yaml':
			return asList(insertInYaml(layout, object, key, value));
		case 'json':
			return asList(insertInJson(layout, object, key, value));
	}
}

interface Layout {
	readonly text: string;
	readonly syntax: Syntax;
	readonly eol: string;
	readonly unit: string;
}

const HCL_COMMENTS = ['#', '//'];

function insertInHcl(layout: Layout, block: ObjectNode, key: string, value: FixValue): readonly EditDraft[] | null {
	const { text, eol, unit } = layout;
	if (text[block.span.start] !== '{') {
		return null;
	}
	const outer = indentAt(text, block.span.start);
	const entries = block.entries;
	if (entries.length === 0 && text.slice(block.span.start + 1, block.span.end - 1).trim() === '') {
		// `{}`: the body opens onto its own lines.
		const inner = outer + unit;
		return [{ span: block.span, newText: `{${eol}${inner}${renderEntry('hcl', key, value, inner, unit, eol)}${eol}${outer}}` }];
	}
	if (entries.length > 0 && !entries.every(entry => startsItsLine(text, entry.span.start))) {
		return null;
	}
	const indent = entries.length > 0 ? indentAt(text, entries[0].span.start) : outer + unit;
	// Terraform's style puts attributes before nested blocks: the new one joins the attributes.
	const firstBlock = entries.findIndex(entry => !isHclAttribute(text, entry));
	const attributes = firstBlock < 0 ? entries : entries.slice(0, firstBlock);
	const anchor = attributes.at(-1);
	const after = anchor ? anchor.span.end : block.span.start + 1;
	if (!restOfLineIsBlank(text, after, HCL_COMMENTS)) {
		return null;
	}
	const at = nextLineStart(text, after);
	if (at === undefined) {
		return null;
	}
	if (typeof value !== 'string') {
		// A nested block has no `=` to line up.
		return [{ span: { start: at, end: at }, newText: `${indent}${renderEntry('hcl', key, value, indent, unit, eol)}${eol}` }];
	}
	return insertAlignedAttribute(text, attributes, indent, key, padded => renderEntry('hcl', padded, value, indent, unit, eol), at, eol);
}

/** An attribute has `=` between its name and its value; a block has only labels or nothing. */
function isHclAttribute(text: string, entry: Entry): boolean {
	return text.slice(entry.keySpan.end, entry.value.span.start).includes('=');
}

function insertInYaml(layout: Layout, map: ObjectNode, key: string, value: FixValue): EditDraft | null {
	const { text, eol, unit } = layout;
	const first = map.entries[0];
	const last = map.entries.at(-1);
	if (!first || !last || !restOfLineIsBlank(text, last.span.end, ['#'])) {
		return null;
	}
	// A map that starts a list item (`- Key: a`) indents its keys past the dash: spaces, not the dash.
	const indent = ' '.repeat(first.keySpan.start - lineStartAt(text, first.keySpan.start));
	const line = `${indent}${renderEntry('yaml', key, value, indent, unit, eol)}`;
	const at = nextLineStart(text, last.span.end);
	if (at === undefined) {
		const end = lineEndAt(text, last.span.end);
		return { span: { start: end, end }, newText: `${eol}${line}` };
	}
	return { span: { start: at, end: at }, newText: `${line}${eol}` };
}

function insertInJson(layout: Layout, object: ObjectNode, key: string, value: FixValue): EditDraft | null {
	const { text, eol, unit } = layout;
	const last = object.entries.at(-1);
	if (!last) {
		if (text.slice(object.span.start + 1, object.span.end - 1).trim() !== '') {
			return null;
		}
		const outer = indentAt(text, object.span.start);
		return { span: object.span, newText: `{ ${renderEntry('json', key, value, outer, unit, eol)} }` };
	}
	const first = object.entries[0];
	if (!startsItsLine(text, first.span.start)) {
		// `{"a": 1}` on one line stays on one line.
		return { span: { start: last.span.end, end: last.span.end }, newText: `, ${renderEntry('json', key, value, '', '', ' ')}` };
	}
	const indent = indentAt(text, first.span.start);
	return { span: { start: last.span.end, end: last.span.end }, newText: `,${eol}${indent}${renderEntry('json', key, value, indent, unit, eol)}` };
}

function asList(edit: EditDraft | null): readonly EditDraft[] | null {
	return edit ? [edit] : null;
}
