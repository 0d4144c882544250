import * as assert from 'node:assert/strict';
import type { EditDraft } from '../../../src/engine/fixes/index';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { Format } from '../../../src/engine/model/format';
import type { ObjectNode } from '../../../src/engine/model/nodes';
import { getPath } from '../../../src/engine/model/query';
import type { Parser } from '../../../src/engine/parse/parser';
import { createParsers } from '../../../src/engine/parse/registry';
import { createNodeHost } from '../../../src/platform/node-host';

let parsers: Partial<Record<Format, Parser>> | undefined;

export async function parse(format: Format, text: string, path = 'test'): Promise<ParsedFile> {
	parsers ??= createParsers(createNodeHost());
	const parser = parsers[format];
	assert.ok(parser, `no parser for ${format}`);
	return parser.parse({ path, text });
}

/** The body of the first resource, or the object at `keys` under it. */
export function resourceObject(file: ParsedFile, ...keys: string[]): ObjectNode {
	const resource = file.resources[0];
	assert.ok(resource, 'the text declares a resource');
	const node = keys.length > 0 ? getPath(resource.body, ...keys) : resource.body;
	assert.equal(node?.kind, 'object', `an object at ${keys.join('.')}`);
	return node as ObjectNode;
}

export function applyEdits(text: string, edits: readonly EditDraft[]): string {
	let result = text;
	for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
		result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
	}
	return result;
}

/** Applies the edit, checks the result, and that it parses with no note in the same format. */
export async function assertEditGives(file: ParsedFile, edit: EditDraft | readonly EditDraft[] | null, expected: string): Promise<void> {
	assert.ok(edit, 'an edit is offered');
	const fixed = applyEdits(file.text, 'span' in edit ? [edit] : edit);
	assert.equal(fixed, expected);
	const reparsed = await parse(file.format, fixed, file.path);
	assert.deepEqual(reparsed.notes.map(note => note.message), [], 'the edited text parses');
}
