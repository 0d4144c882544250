import type { ParsedFile } from '../model/file';
import type { ObjectNode } from '../model/nodes';
import type { EditDraft } from './edits';
import { insertAttribute } from './insert-attribute';
import { indentAt, indentUnitOf, lineBreakOf, nextLineStart, startsItsLine } from './text';
import { renderEntry, syntaxOf, type FixValue } from './values';

/**
 * Fixes that move a value out of a template declare the parameter that replaces it, with the
 * file's syntax, line breaks and indentation: an entry of CloudFormation's `Parameters` or ARM's
 * `parameters` (the section is created, above the resources, when the template has none), or a
 * Bicep `param` declaration. None has a default, so whoever deploys must supply the value.
 */

export interface TemplateSections {
	/** `Parameters` (CloudFormation) or `parameters` (ARM). */
	readonly parameters: string;
	/** The section a new parameters section goes above: `Resources` or `resources`. */
	readonly resources: string;
}

export const CLOUDFORMATION_SECTIONS: TemplateSections = { parameters: 'Parameters', resources: 'Resources' };
export const ARM_SECTIONS: TemplateSections = { parameters: 'parameters', resources: 'resources' };

/**
 * The edits that add parameter `name` to the template whose root is `root`, or null where no
 * edit is clearly safe: a parameters section that is not a map, a one-line template.
 */
export function addTemplateParameter(file: ParsedFile, root: ObjectNode, sections: TemplateSections, name: string, value: FixValue): readonly EditDraft[] | null {
	const section = root.entries.find(entry => entry.key === sections.parameters);
	if (section) {
		return section.value.kind === 'object' ? insertAttribute(file, section.value, name, value) : null;
	}
	const anchor = root.entries.find(entry => entry.key === sections.resources);
	const { text } = file;
	if (!anchor || !startsItsLine(text, anchor.span.start)) {
		return null;
	}
	const syntax = syntaxOf(file.format, text, root.span.start);
	const eol = lineBreakOf(text);
	const unit = indentUnitOf(file);
	const indent = indentAt(text, anchor.span.start);
	const inner = indent + unit;
	const entry = renderEntry(syntax, name, value, inner, unit, eol);
	// Written just before the resources' key, so that key keeps its own line and indentation.
	const newText = syntax === 'yaml'
		? `${sections.parameters}:${eol}${inner}${entry}${eol}${indent}`
		: `${JSON.stringify(sections.parameters)}: {${eol}${inner}${entry}${eol}${indent}},${eol}${indent}`;
	return [{ span: { start: anchor.span.start, end: anchor.span.start }, newText }];
}

/** Every name a CloudFormation template declares: parameters, resources, mappings, conditions and outputs share one namespace of logical ids. */
export function cloudFormationNames(root: ObjectNode): Set<string> {
	const names = new Set<string>();
	for (const section of root.entries) {
		if (['Parameters', 'Resources', 'Mappings', 'Conditions', 'Outputs'].includes(section.key) && section.value.kind === 'object') {
			section.value.entries.forEach(entry => names.add(entry.key));
		}
	}
	return names;
}

/** ARM's parameter names, lower-cased: ARM compares them without regard to case. */
export function armParameterNames(root: ObjectNode): Set<string> {
	const section = root.entries.find(entry => entry.key === 'parameters')?.value;
	return new Set(section?.kind === 'object' ? section.entries.map(entry => entry.key.toLowerCase()) : []);
}

/** A top-level declaration's keyword and symbolic name, at the start of its line. */
const BICEP_DECLARATION = /^[ \t]*(param|var|resource|module|output|type|func)[ \t]+([A-Za-z_][A-Za-z0-9_]*)/gm;

/**
 * Every symbolic name a Bicep file declares: parameters, variables, resources, modules and
 * outputs share one namespace. Read from the text, as the model keeps parameters only when they
 * have a default.
 */
export function bicepNames(file: ParsedFile): Set<string> {
	return new Set([...file.text.matchAll(BICEP_DECLARATION)].map(match => match[2]));
}

/**
 * The edit that declares `@description('...') param <name> <type>` in a Bicep file: after the
 * last parameter, where readers look for them, or at the end of a file that has none.
 * `root` is the model's top level, which holds a parameter's default when it has one.
 */
export function addBicepParameter(file: ParsedFile, root: ObjectNode, name: string, type: string, description: string): EditDraft {
	const { text } = file;
	const eol = lineBreakOf(text);
	const declaration = `@description('${description.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}')${eol}param ${name} ${type}${eol}`;
	const last = [...text.matchAll(BICEP_DECLARATION)].filter(match => match[1] === 'param').at(-1);
	if (last?.index !== undefined) {
		const nameStart = last.index + last[0].length - last[2].length;
		// A default can run over several lines (an object, a multi-line string): the declaration ends with it.
		const end = root.entries.find(entry => entry.keySpan.start === nameStart)?.span.end ?? nameStart;
		const after = nextLineStart(text, end);
		if (after !== undefined) {
			return { span: { start: after, end: after }, newText: eol + declaration };
		}
	}
	const lead = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
	return { span: { start: text.length, end: text.length }, newText: lead + declaration };
}
