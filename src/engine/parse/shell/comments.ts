import type { Comment } from '../../model/file';

/** Characters after which a `#` starts a word, and so a comment. */
const WORD_BREAKS = ' \t\n\r;&|()<>';

const HEREDOC = /^<<(-?)[ \t]*(['"]?)([A-Za-z0-9_.-]{1,64})\2/;

/**
 * The `#` comments of a shell script in `text.slice(start, end)`, so suppression directives work
 * in scripts. Not a shell parser, and on the cautious side: a `#` inside quotes, inside `${...}`
 * (`${#list[@]}`, `${var#prefix}`) or Terraform's `%{...}`, inside a heredoc's body, or in the
 * middle of a word (`a#b`) is not a comment, and after a quote that is never closed nothing is.
 * The shebang line is not a comment.
 */
export function shellComments(text: string, start = 0, end = text.length): Comment[] {
	const comments: Comment[] = [];
	const heredocs: { word: string; stripTabs: boolean }[] = [];
	let quote: string | undefined;
	let braces = 0;
	let i = start;
	if (text.startsWith('#!', i) || text.startsWith('\uFEFF#!', i)) {
		i = lineEnd(text, i, end);
	}
	while (i < end) {
		const char = text[i];
		if (quote !== undefined) {
			if (char === '\\' && quote !== '\'') {
				i += 2;
				continue;
			}
			if (char === quote) {
				quote = undefined;
			}
			i++;
		} else if (braces > 0) {
			braces += char === '{' ? 1 : char === '}' ? -1 : 0;
			i++;
		} else if (char === '\\') {
			i += 2;
		} else if (char === '\'' || char === '"' || char === '`') {
			quote = char;
			i++;
		} else if ((char === '$' || char === '%') && text[i + 1] === '{') {
			braces = 1;
			i += 2;
		} else if (char === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
			const heredoc = HEREDOC.exec(text.slice(i, i + 80));
			if (heredoc) {
				heredocs.push({ word: heredoc[3], stripTabs: heredoc[1] === '-' });
			}
			i += heredoc ? heredoc[0].length : 2;
		} else if (char === '#' && (i === start || WORD_BREAKS.includes(text[i - 1]))) {
			const stop = lineEnd(text, i, end);
			comments.push({ span: { start: i, end: stop }, text: text.slice(i + 1, stop) });
			i = stop;
		} else if (char === '\n' || char === '\r') {
			i = nextLine(text, i);
			if (heredocs.length > 0) {
				i = skipBodies(text, i, end, heredocs.splice(0));
			}
		} else {
			i++;
		}
	}
	return comments;
}

/** Past the bodies of the heredocs opened on the line before `from`, each up to its end word. */
function skipBodies(text: string, from: number, end: number, heredocs: readonly { word: string; stripTabs: boolean }[]): number {
	let i = from;
	for (const heredoc of heredocs) {
		while (i < end) {
			const stop = lineEnd(text, i, end);
			const line = text.slice(i, stop);
			i = stop < end ? nextLine(text, stop) : end;
			if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.word) {
				break;
			}
		}
	}
	return i;
}

function lineEnd(text: string, from: number, end: number): number {
	let i = from;
	while (i < end && text[i] !== '\n' && text[i] !== '\r') {
		i++;
	}
	return i;
}

function nextLine(text: string, at: number): number {
	return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}
