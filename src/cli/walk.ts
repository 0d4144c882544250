import { accessSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { PathFilter } from './globs';
import { IgnoreStack } from './ignore-files';
import { compare, displayPath, errorCode, isInside, toSlashes } from './paths';

/** Folders that hold other people's code or tool state, never the user's IaC. */
export const DEFAULT_SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.terraform', 'vendor'];

export interface WalkOptions {
	/** Where relative paths and globs start from. */
	readonly cwd: string;
	readonly include?: readonly string[];
	readonly exclude?: readonly string[];
	readonly skippedFolders?: readonly string[];
}

export interface WalkedFile {
	/** Absolute. */
	readonly path: string;
	/** Named on the command line rather than found in a folder. */
	readonly explicit: boolean;
}

export interface WalkResult {
	/** Sorted by path, each once even when reached from two arguments. */
	readonly files: readonly WalkedFile[];
	/** Arguments that do not exist, as given. */
	readonly missing: readonly string[];
	/** Folders that could not be read and the like: worth telling, not worth stopping for. */
	readonly warnings: readonly string[];
	/** The folders walked, absolute: inside them, what the walk left out it left out on purpose. */
	readonly roots: readonly string[];
}

interface Walk {
	readonly options: WalkOptions;
	readonly filter: PathFilter;
	readonly skipped: ReadonlySet<string>;
	readonly found: Map<string, WalkedFile>;
	readonly warnings: string[];
}

/**
 * The files to consider for `paths`: folders are walked, honouring `.gitignore` and
 * `.aupguardignore` files as git would and the include/exclude globs. Whether a file is IaC is
 * for the engine to say; this only decides which files are candidates. The file system is read
 * synchronously: the CLI has nothing to do meanwhile, and each asynchronous call cost a round trip
 * through the thread pool (with a cold start on the first).
 */
export function walk(paths: readonly string[], options: WalkOptions): WalkResult {
	const state: Walk = {
		options,
		filter: new PathFilter(options.include ?? [], options.exclude ?? []),
		skipped: new Set(options.skippedFolders ?? DEFAULT_SKIPPED_FOLDERS),
		found: new Map(),
		warnings: [],
	};
	const missing: string[] = [];
	const roots: string[] = [];
	for (const given of paths) {
		const target = path.resolve(options.cwd, given);
		const kind = kindOf(target, true);
		if (kind === 'missing') {
			missing.push(given);
		} else if (kind === 'folder') {
			roots.push(target);
			walkRoot(state, target);
		} else if (kind === 'file') {
			// A file named on the command line is scanned even if an ignore file lists it, but the
			// globs given next to it still apply: `scan $(git diff --name-only) --exclude 'test/**'`.
			if (state.filter.acceptsFile(forms(options.cwd, options.cwd, target))) {
				state.found.set(target, { path: target, explicit: true });
			}
		} else {
			state.warnings.push(`${given} is neither a file nor a folder`);
		}
	}
	const files = [...state.found.values()].sort((a, b) => compare(a.path, b.path));
	return { files, missing, warnings: state.warnings, roots };
}

/**
 * Whether a walk of the folders above `target`, a file found another way (a script a Terraform
 * file reads, outside the folders walked), would have taken it: not in a skipped folder, not
 * ignored by an ignore file, and accepted by the globs.
 */
export function wouldWalk(target: string, options: WalkOptions): boolean {
	const skipped = new Set(options.skippedFolders ?? DEFAULT_SKIPPED_FOLDERS);
	const filter = new PathFilter(options.include ?? [], options.exclude ?? []);
	const dir = path.dirname(target);
	const base = ignoreBase(dir, options.cwd);
	let stack = IgnoreStack.empty;
	for (const folder of [...foldersBetween(base, dir), dir]) {
		if (folder !== base && (skipped.has(path.basename(folder)) || stack.ignores(folder, true)
			|| filter.excludesFolder(forms(options.cwd, options.cwd, folder)))) {
			return false;
		}
		stack = stack.enter(folder);
	}
	return !stack.ignores(target, false) && filter.acceptsFile(forms(options.cwd, options.cwd, target));
}

function walkRoot(state: Walk, root: string): void {
	// The ignore files above the root apply too, as they do for git run in a subfolder.
	let stack = IgnoreStack.empty;
	const base = ignoreBase(root, state.options.cwd);
	for (const dir of foldersBetween(base, root)) {
		stack = stack.enter(dir);
	}
	// A folder named on the command line is walked even if ignored; only the rules inside it apply.
	if (stack.ignores(root, true)) {
		stack = IgnoreStack.empty;
	}
	walkFolder(state, root, root, stack);
}

function walkFolder(state: Walk, root: string, dir: string, outer: IgnoreStack): void {
	const stack = outer.enter(dir);
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch (error) {
		state.warnings.push(`cannot read folder ${displayPath(state.options.cwd, dir)}: ${errorCode(error)}`);
		return;
	}
	entries.sort((a, b) => compare(a.name, b.name));
	for (const entry of entries) {
		const full = path.join(dir, entry.name);
		// Symbolic links to folders are not followed: they can loop, and git does not follow them either.
		const kind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? kindOf(full, false) : 'other';
		const relative = forms(state.options.cwd, root, full);
		if (kind === 'folder') {
			if (!state.skipped.has(entry.name) && !stack.ignores(full, true) && !state.filter.excludesFolder(relative)) {
				walkFolder(state, root, full, stack);
			}
		} else if (kind === 'file' && !state.found.has(full)) {
			if (!stack.ignores(full, false) && state.filter.acceptsFile(relative)) {
				state.found.set(full, { path: full, explicit: false });
			}
		}
	}
}

type Kind = 'file' | 'folder' | 'other' | 'missing';

function kindOf(target: string, followFolders: boolean): Kind {
	try {
		const info = statSync(target);
		return info.isFile() ? 'file' : info.isDirectory() && followFolders ? 'folder' : 'other';
	} catch (error) {
		return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? 'missing' : 'other';
	}
}

/** Where ignore files start to count: the git work tree, else the current folder when the root is inside it. */
function ignoreBase(root: string, cwd: string): string {
	for (let dir = root; ; dir = path.dirname(dir)) {
		if (exists(path.join(dir, '.git'))) {
			return dir;
		}
		if (path.dirname(dir) === dir) {
			break;
		}
	}
	return isInside(cwd, root) ? cwd : root;
}

/** `base` and each folder below it down to, not including, `root`. */
function foldersBetween(base: string, root: string): string[] {
	const folders: string[] = [];
	for (let dir = path.dirname(root); isInside(base, dir); dir = path.dirname(dir)) {
		folders.unshift(dir);
		if (dir === base) {
			break;
		}
	}
	return folders;
}

/** The relative forms a glob may be written against: from the scanned folder and from cwd. */
function forms(cwd: string, root: string, full: string): string[] {
	const result = new Set<string>();
	for (const from of [root, cwd]) {
		const relative = toSlashes(path.relative(from, full));
		if (relative && !relative.startsWith('../') && relative !== '..' && !path.isAbsolute(relative)) {
			result.add(relative);
		}
	}
	return [...result];
}

function exists(target: string): boolean {
	try {
		accessSync(target);
		return true;
	} catch {
		return false;
	}
}
