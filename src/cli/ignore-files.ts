import ignore, { type Ignore } from 'ignore';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Read in each folder, in this order, so `.aupguardignore` can re-include (`!`) what git ignores. */
export const IGNORE_FILES = ['.gitignore', '.aupguardignore'] as const;

interface Layer {
	/** The folder whose ignore files these are: their patterns are relative to it. */
	readonly dir: string;
	readonly rules: Ignore;
}

/**
 * The ignore files in effect for a folder: its own and its ancestors', the deepest deciding
 * first, which is how git lets a nested `.gitignore` override or negate its parent's patterns.
 * Immutable: entering a folder returns a new stack, so sibling folders do not see each other's rules.
 */
export class IgnoreStack {
	static readonly empty = new IgnoreStack([]);

	private constructor(private readonly layers: readonly Layer[]) { }

	/** The stack inside `dir`, with its ignore files (if any) on top. */
	enter(dir: string): IgnoreStack {
		const texts = IGNORE_FILES.map(name => readOptional(path.join(dir, name)));
		const patterns = texts.filter((text): text is string => text !== undefined);
		if (patterns.length === 0) {
			return this;
		}
		// Case as the file system has it: git on macOS and Windows ignores case by default, on Linux not.
		const rules = ignore({ ignorecase: process.platform === 'darwin' || process.platform === 'win32' });
		// One add per file: `add` splits a string into lines but takes an array's items as single patterns.
		for (const text of patterns) {
			rules.add(text);
		}
		return new IgnoreStack([...this.layers, { dir, rules }]);
	}

	/** Whether `target` (an absolute path below every layer's folder) is ignored. */
	ignores(target: string, isFolder: boolean): boolean {
		for (let i = this.layers.length - 1; i >= 0; i--) {
			const layer = this.layers[i];
			const relative = path.relative(layer.dir, target).split(path.sep).join('/');
			if (!relative || relative.startsWith('../')) {
				continue;
			}
			// A trailing slash is how `ignore` tells folders apart, for patterns like `build/`.
			const verdict = layer.rules.test(isFolder ? `${relative}/` : relative);
			if (verdict.ignored) {
				return true;
			}
			if (verdict.unignored) {
				return false;
			}
		}
		return false;
	}
}

/** Synchronous, as the whole walk is: the CLI has nothing else to do meanwhile, and each await cost a thread-pool round trip. */
function readOptional(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		// Missing, a folder, or unreadable: none of these should stop a scan.
		return undefined;
	}
}
