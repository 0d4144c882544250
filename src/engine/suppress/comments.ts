import type { Comment, ParsedFile } from '../model/file';
import type { Span } from '../model/range';
import { exampleDirective, IGNORE_FILE_KEYWORD, IGNORE_KEYWORD, type Directive } from './directive';
import type { Layout } from './layout';
import { parseDirectiveBody } from './syntax';

/** A directive's text as found in a comment, before it is placed. */
interface FoundText {
	/** The keyword as written, lower-cased; undefined for a look-alike keyword. */
	readonly keyword: typeof IGNORE_KEYWORD | typeof IGNORE_FILE_KEYWORD | undefined;
	readonly word: string;
	readonly span: Span;
	readonly body: string;
}

/** Comment markers and the decoration people put before text: `#`, `//`, `/*`, ` * `. */
const MARKERS = /^[\s#/*]*/;
const KEYWORD = /^aup-guard-ignore(-file)?(?![\w-])/i;
/**
 * Keywords people reach for from other tools; they would silently do nothing, so they are reported.
 * No spaces inside: prose such as 'AUP Guard ignores heredocs' is not an attempt at a directive.
 */
const LOOK_ALIKE = /^aup[-_.]?guard[-_.:]?(?:ignore|disable|skip|suppress|nocheck|off)[\w-]*/i;

/** Every directive written in the file's comments, placed: what each one covers. */
export function commentDirectives(file: ParsedFile, layout: Layout): Directive[] {
	const directives: Directive[] = [];
	for (const comment of file.comments) {
		for (const found of textsIn(file.text, comment)) {
			directives.push(place(found, comment, layout));
		}
	}
	return directives;
}

/**
 * A directive must open its comment, or open a line of a block comment, as ESLint's do: a
 * comment that merely mentions the keyword in prose is not one.
 */
function textsIn(text: string, comment: Comment): FoundText[] {
	const source = text.slice(comment.span.start, comment.span.end);
	const isBlock = source.trimStart().startsWith('/*');
	const found: FoundText[] = [];
	for (const line of source.matchAll(/[^\r\n]+/g)) {
		const lead = MARKERS.exec(line[0])?.[0].length ?? 0;
		let rest = line[0].slice(lead);
		const close = isBlock ? rest.indexOf('*/') : -1;
		rest = (close >= 0 ? rest.slice(0, close) : rest).trimEnd();
		const start = comment.span.start + line.index + lead;
		const span = { start, end: start + rest.length };
		const keyword = KEYWORD.exec(rest);
		if (keyword) {
			const word = keyword[0].toLowerCase() === IGNORE_FILE_KEYWORD ? IGNORE_FILE_KEYWORD : IGNORE_KEYWORD;
			found.push({ keyword: word, word: keyword[0], span, body: rest.slice(keyword[0].length) });
			continue;
		}
		const lookAlike = LOOK_ALIKE.exec(rest);
		if (lookAlike) {
			found.push({ keyword: undefined, word: lookAlike[0], span, body: '' });
		}
	}
	return found;
}

function place(found: FoundText, comment: Comment, layout: Layout): Directive {
	if (found.keyword === undefined) {
		const problem = `'${found.word}' is not an AUP Guard directive, so it suppresses nothing: write ${exampleDirective('comment', [])}; on its own line it covers the next line or block, at the end of a line that line.`;
		return { style: 'comment', span: found.span, ruleIds: [], reason: '', problems: [problem], scope: undefined };
	}
	const text = parseDirectiveBody(found.body, 'comment');
	const placed = found.keyword === IGNORE_FILE_KEYWORD ? fileScope(comment, layout) : lineOrElementScope(comment, layout);
	const problems = placed.problem ? [...text.problems, placed.problem] : text.problems;
	return { style: 'comment', span: found.span, ...text, problems, scope: placed.scope };
}

interface Placement {
	readonly scope: Span | undefined;
	readonly problem?: string;
}

/**
 * At the end of a code line: the findings that start on that line. On its own line: the element
 * that starts on the next line holding code (skipping blanks and other comments).
 */
function lineOrElementScope(comment: Comment, layout: Layout): Placement {
	const first = layout.lineOf(comment.span.start);
	const last = layout.lineOf(Math.max(comment.span.start, comment.span.end - 1));
	if (layout.hasCode(first)) {
		return { scope: layout.lineScope(first) };
	}
	// A block comment followed by code on its last line (`/* ... */ resource ...`) sits on that line.
	if (layout.hasCode(last)) {
		return { scope: layout.lineScope(last) };
	}
	const target = layout.nextCodeLine(last);
	if (target === undefined) {
		return { scope: undefined, problem: 'Suppression has no code after it, so it covers nothing: put it on the line above the code it is for, or at the end of that line.' };
	}
	// The end of a block (`}`, `]`, a YAML `---`) has nothing to suppress: the directive was meant for something else.
	if (!layout.hasElement(target) && /^(?:[\]})]+[,;]?|---|\.\.\.)$/.test(layout.codeText(target))) {
		return { scope: undefined, problem: 'Suppression is followed by the end of a block, so it covers nothing: put it on the line above the code it is for, or at the end of that line.' };
	}
	return { scope: layout.elementScope(target) };
}

/** Whole-file directives belong at the top, where a reader sees them before the code they hide. */
function fileScope(comment: Comment, layout: Layout): Placement {
	const first = layout.lineOf(comment.span.start);
	const firstCode = layout.nextCodeLine(-1);
	if (firstCode !== undefined && firstCode <= first) {
		return { scope: undefined, problem: `'${IGNORE_FILE_KEYWORD}' must be in the comments at the top of the file, before any code, so this one does not apply: move it up, or use '${IGNORE_KEYWORD}' for one line or block.` };
	}
	return { scope: { start: 0, end: Number.MAX_SAFE_INTEGER } };
}
