import { Minimatch } from 'minimatch';

/**
 * The --include and --exclude globs. A path is tested in each of the forms a user may have
 * written it in (relative to the scanned folder, relative to the current folder), so
 * `--exclude 'legacy/**'` works whether the user typed `scan .` or `scan infra`.
 */
export class PathFilter {
	private readonly include: readonly Minimatch[];
	private readonly exclude: readonly Minimatch[];

	constructor(include: readonly string[], exclude: readonly string[]) {
		this.include = include.map(compile);
		this.exclude = exclude.map(compile);
	}

	/** `forms` are relative paths with forward slashes. */
	acceptsFile(forms: readonly string[]): boolean {
		if (this.include.length > 0 && !this.include.some(glob => forms.some(form => glob.match(form)))) {
			return false;
		}
		return !this.exclude.some(glob => forms.some(form => glob.match(form)));
	}

	/** A folder is skipped, with all it holds, when an exclude glob matches it (`legacy`, `legacy/**`). */
	excludesFolder(forms: readonly string[]): boolean {
		return this.exclude.some(glob => forms.some(form => glob.match(form) || glob.match(`${form}/`)));
	}
}

function compile(pattern: string): Minimatch {
	// minimatch does not equate `./a` with `a`; users write both.
	const normalized = pattern.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
	// matchBase: a glob without a slash (`*.generated.tf`) matches the name at any depth, as in .gitignore.
	return new Minimatch(normalized, { dot: true, matchBase: true, nocomment: true, nonegate: true });
}
