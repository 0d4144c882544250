import type { Parser } from '../parser';
import { createJsonParser } from './index';

/**
 * CloudFormation templates are written in YAML or in JSON, under any file name. JSON is also
 * YAML, but read as YAML it would lose what the JSON parser gives (one clear note for a half-typed
 * file, comments kept), so a template whose first character is `{` goes to the JSON parser.
 */
export function createCloudFormationParser(yaml: Parser): Parser {
	const json = createJsonParser('cloudformation');
	return {
		parse: input => (isJsonText(input.text) ? json : yaml).parse(input),
		forget: path => yaml.forget?.(path),
		dispose: () => yaml.dispose?.(),
	};
}

/** The first character that is not a blank or a byte order mark opens a JSON object. */
export function isJsonText(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char !== '\uFEFF' && !/\s/.test(char)) {
			return char === '{';
		}
	}
	return false;
}
