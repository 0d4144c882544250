import ignore from 'ignore';

// No `vscode` or Node import: the web extension reads `.aupguardignore` through VS Code's file
// service and hands the text here. (The CLI's IgnoreStack reads nested files with node:fs.)

export const IGNORE_FILE_NAME = '.aupguardignore';

/** Paths are relative to the folder holding the ignore file, with forward slashes. */
export interface IgnoreMatcher {
	ignores(relativePath: string): boolean;
}

export const IGNORE_NOTHING: IgnoreMatcher = { ignores: () => false };

/**
 * The rules of one ignore file, in gitignore syntax (`#` comments, `!` re-includes, trailing `/`
 * for folders). Case-sensitive, as the workspace folders the editor opens mostly are; a path
 * that is not relative (outside the folder) is never ignored rather than an error.
 */
export function parseIgnoreFile(text: string | undefined): IgnoreMatcher {
	if (!text || text.trim() === '') {
		return IGNORE_NOTHING;
	}
	const rules = ignore().add(text.replace(/^\uFEFF/, ''));
	return {
		ignores(relativePath: string): boolean {
			const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
			if (!path || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
				return false;
			}
			// `ignore` matches a folder pattern (`build/`) against the file's parent folders itself.
			return rules.ignores(path);
		},
	};
}
