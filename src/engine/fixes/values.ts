import type { Format } from '../model/format';

/**
 * A value for a fix to write: text already written the way the file's format writes it
 * (`true`, `7`, `"db-final"`), or nested keys, which become a nested block in Terraform
 * (`point_in_time_recovery { enabled = true }`), an indented map in YAML and an object in JSON.
 */
export type FixValue = string | { readonly [key: string]: FixValue };

export type Syntax = 'hcl' | 'yaml' | 'json';

/** How a value is written in the file: the JSON flavours of Terraform and CloudFormation write JSON. */
export function syntaxOf(format: Format, text: string, objectStart: number): Syntax {
	if (format === 'terraform') {
		return 'hcl';
	}
	if (format === 'terraform-json' || format === 'arm') {
		return 'json';
	}
	// A YAML flow map, or a CloudFormation template written in JSON: both take JSON's syntax.
	return text[objectStart] === '{' ? 'json' : 'yaml';
}

/** A string literal in the file's syntax. */
export function quoted(syntax: Syntax, value: string): string {
	const json = JSON.stringify(value);
	if (syntax === 'hcl') {
		// In HCL `${` and `%{` start a template; doubling the marker writes it literally.
		return json.replace(/([$%])\{/g, '$1$1{');
	}
	if (syntax === 'yaml' && /^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(value) && !YAML_WORDS.has(value.toLowerCase())) {
		return value;
	}
	return json;
}

/** Plain YAML scalars that would not read back as strings. */
const YAML_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', 'y', 'n', '~']);

/** Renders `key` and its value at `indent`, in lines joined by `eol`, with no leading indent or trailing break. */
export function renderEntry(syntax: Syntax, key: string, value: FixValue, indent: string, unit: string, eol: string): string {
	if (typeof value === 'string') {
		return syntax === 'hcl' ? `${key} = ${value}` : syntax === 'yaml' ? `${key}: ${value}` : `${JSON.stringify(key)}: ${value}`;
	}
	const inner = indent + unit;
	const children = Object.entries(value).map(([childKey, child]) => renderEntry(syntax, childKey, child, inner, unit, eol));
	switch (syntax) {
		case 'hcl':
			return `${key} {${eol}${children.map(line => inner + line).join(eol)}${eol}${indent}}`;
		case 'yaml':
			return `${key}:${eol}${children.map(line => inner + line).join(eol)}`;
		case 'json':
			return `${JSON.stringify(key)}: {${eol}${children.map(line => inner + line).join(`,${eol}`)}${eol}${indent}}`;
	}
}
