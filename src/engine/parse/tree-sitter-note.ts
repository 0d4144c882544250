import type { ParseNote } from '../model/file';
import type { Span } from '../model/range';

/**
 * The one note for a file tree-sitter could not read in full: at the first syntax error and only
 * over its first line, since error recovery can wrap the rest of the file in one ERROR node,
 * which would underline everything. `language` names the format for the user.
 */
export function syntaxErrorNote(text: string, problem: Span, language: string): ParseNote {
	let end = problem.end;
	for (let i = problem.start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x0a || code === 0x0d) {
			end = i;
			break;
		}
	}
	return {
		span: { start: problem.start, end: Math.max(problem.start, end) },
		message: `Part of this file could not be read as ${language} (a syntax error starts here), so findings in that part may be missing.`,
	};
}
