import type { Comment, ParsedFile } from '../../model/file';
import { LineIndex } from '../../text/line-index';
import { syntaxErrorNote } from '../tree-sitter-note';
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
		notes: flat.problem ? [syntaxErrorNote(text, flat.problem, 'Terraform')] : [],
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
