import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ParseNote } from '../../model/file';
import { span } from '../../model/range';
import type { LineIndex } from '../../text/line-index';
import { MAX_DEPTH } from './prescan';

/** jsonc-parser's error names in plain words. */
const PROBLEMS: Readonly<Record<string, string>> = {
	InvalidSymbol: 'this is not a JSON value',
	InvalidNumberFormat: 'this number is malformed',
	PropertyNameExpected: 'a property name in double quotes is expected',
	ValueExpected: 'a value is expected',
	ColonExpected: 'a colon is expected',
	CommaExpected: 'a comma is expected',
	CloseBraceExpected: 'a closing brace is expected',
	CloseBracketExpected: 'a closing bracket is expected',
	EndOfFileExpected: 'the file should end after the first value',
	InvalidCommentToken: 'this comment is malformed',
	UnexpectedEndOfComment: 'a comment is not closed',
	UnexpectedEndOfString: 'a string is not closed',
	UnexpectedEndOfNumber: 'a number is cut short',
	InvalidUnicode: 'a \\u escape is malformed',
	InvalidEscapeCharacter: 'this escape is not valid JSON',
	InvalidCharacter: 'a control character must be escaped',
};

/**
 * One note for the file, at its first syntax error and only over that error's first line: the rest
 * of the file was still read as far as the parser could, so findings after it may be missing.
 */
export function syntaxNote(error: ParseError, lines: LineIndex): ParseNote {
	const length = lines.text.length;
	const start = Math.min(Math.max(0, error.offset), length);
	const line = lines.positionAt(start).line;
	const end = Math.min(Math.max(start, error.offset + error.length), lines.lineEnd(line));
	const problem = PROBLEMS[printParseErrorCode(error.error)] ?? 'the JSON is malformed';
	return {
		span: span(start, Math.max(start, end)),
		message: `JSON syntax error on line ${line + 1}: ${problem}. Findings after this point may be missing.`,
	};
}

export function tooDeepNote(at: number): ParseNote {
	return { span: span(at, at), message: `This JSON nests more than ${MAX_DEPTH} levels deep; what lies deeper is not scanned.` };
}
