import { parseTree, type ParseError } from 'jsonc-parser';
import type { ParsedFile, ParseNote, Resource } from '../../model/file';
import type { ValueNode } from '../../model/nodes';
import { LineIndex } from '../../text/line-index';
import type { ParseInput, Parser } from '../parser';
import { findResources } from '../yaml/resources';
import { armResources } from './arm';
import { convertJson } from './convert';
import { DIALECTS, type JsonFormat } from './dialects';
import { syntaxNote, tooDeepNote } from './notes';
import { prescan } from './prescan';
import { terraformJsonResources } from './terraform';

export type { JsonFormat } from './dialects';

/**
 * The JSON parser behind Terraform JSON, CloudFormation JSON templates and ARM templates, on
 * jsonc-parser: comments and trailing commas are accepted (ARM allows both), and a half-typed file
 * yields everything that parsed and one note at its first error. It never throws.
 */
export function createJsonParser(format: JsonFormat): Parser {
	return { parse: input => parseJson(input, format) };
}

export function parseJson(input: ParseInput, format: JsonFormat): ParsedFile {
	const text = input.text;
	const lines = new LineIndex(text);
	const notes: ParseNote[] = [];
	const roots: ValueNode[] = [];
	let comments: ParsedFile['comments'] = [];
	let resources: Resource[] = [];
	try {
		const scanned = prescan(text);
		comments = scanned.comments;
		const errors: ParseError[] = [];
		const tree = parseTree(scanned.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
		if (tree) {
			roots.push(convertJson({ text, cuts: scanned.cuts, dialect: DIALECTS[format] }, tree));
		}
		if (errors.length > 0 && !scanned.empty) {
			notes.push(syntaxNote(errors[0], lines));
		}
		if (scanned.firstCut !== undefined) {
			notes.push(tooDeepNote(scanned.firstCut));
		}
		resources = resourcesOf(format, roots);
	} catch {
		// Not expected for any input (depth is bounded before parsing); if it happens, say so once.
		notes.push({ span: { start: 0, end: 0 }, message: 'This JSON file could not be read, so it was not checked.' });
	}
	return {
		path: input.path,
		format,
		text,
		lines,
		roots,
		resources,
		comments,
		notes: notes.sort((a, b) => a.span.start - b.span.start),
	};
}

function resourcesOf(format: JsonFormat, roots: readonly ValueNode[]): Resource[] {
	switch (format) {
		case 'terraform-json':
			return terraformJsonResources(roots[0]);
		case 'cloudformation':
			return findResources('cloudformation', roots);
		case 'arm':
			return armResources(roots[0]);
	}
}
