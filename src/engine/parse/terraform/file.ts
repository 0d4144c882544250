import type { Comment, ParsedFile, ParseNote } from '../../model/file';
import type { Span } from '../../model/range';
import { LineIndex } from '../../text/line-index';
import type { ParseInput } from '../parser';
import { buildRoot } from './blocks';
import type { FlatTree } from './flat-tree';

/** The located model of one file, from its flattened syntax tree. */
export function buildFile(input: ParseInput, flat: FlatTree): ParsedFile {
	const { text } = input;
	const { root, resources } = buildRoot({ flat, text });
	return {
		path: input.path,
		format: 'terraform',
		text,
		lines: new LineIndex(text),
		roots: [root],
		resources,
		comments: flat.comments.map(index => comment(text, flat.starts[index], flat.ends[index])),
		notes: flat.problem ? [syntaxNote(text, flat.problem)] : [],
	};
}

/** `# x`, `// x` and `/* x *\/` without their markers; a `\r` the grammar counts in is dropped. */
function comment(text: string, start: number, end: number): Comment {
	while (end > start && text.charCodeAt(end - 1) === 0x0d) {
		end--;
	}
	let from = start;
	let to = end;
	if (text.startsWith('#', start)) {
		from += 1;
	} else if (text.startsWith('//', start)) {
		from += 2;
	} else if (text.startsWith('/*', start)) {
		from += 2;
		if (end - start >= 4 && text.startsWith('*/', end - 2)) {
			to -= 2;
		}
	}
	return { span: { start, end }, text: text.slice(from, to) };
}

/**
 * One note for the whole file, at the first syntax error, and only over its first line: error
 * recovery can wrap the rest of the file in one ERROR node, which would underline everything.
 */
function syntaxNote(text: string, problem: Span): ParseNote {
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
		message: 'Part of this file could not be read as Terraform (a syntax error starts here), so findings in that part may be missing.',
	};
}
