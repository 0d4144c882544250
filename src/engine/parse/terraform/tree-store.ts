import type { Parser as TreeSitter, Tree } from 'web-tree-sitter';
import type { ParsedFile } from '../../model/file';
import { textEdit } from './text-edit';

interface Kept {
	readonly tree: Tree;
	readonly text: string;
	readonly file: ParsedFile;
}

/**
 * The last tree, text and model of each open file, for the editor: a keystroke then reparses only
 * what changed (`tree.edit` + parse with the old tree), and an unchanged text is not parsed at all.
 * A kept tree costs about 70 times its source in wasm memory, which never shrinks, so trees are
 * deleted as soon as they are replaced or their file is forgotten.
 */
export class TreeStore {
	private readonly kept = new Map<string, Kept>();

	/** The model made from exactly this text, if it is the one kept. */
	unchanged(path: string, text: string): ParsedFile | undefined {
		const kept = this.kept.get(path);
		return kept && kept.text === text ? kept.file : undefined;
	}

	/** Parses `text`, reusing the file's previous tree; the caller must not delete the result. */
	parse(parser: TreeSitter, path: string, text: string): Tree | null {
		const previous = this.kept.get(path);
		if (!previous) {
			return parser.parse(text);
		}
		previous.tree.edit(textEdit(previous.text, text));
		return parser.parse(text, previous.tree);
	}

	keep(path: string, tree: Tree, text: string, file: ParsedFile): void {
		const previous = this.kept.get(path);
		if (previous && previous.tree !== tree) {
			previous.tree.delete();
		}
		this.kept.set(path, { tree, text, file });
	}

	forget(path: string): void {
		this.kept.get(path)?.tree.delete();
		this.kept.delete(path);
	}

	clear(): void {
		for (const kept of this.kept.values()) {
			kept.tree.delete();
		}
		this.kept.clear();
	}
}
