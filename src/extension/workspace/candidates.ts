import { matchesGlobs } from '../document-filter';
import type { IgnoreMatcher } from './ignore-file';

// No `vscode` import: which files a workspace scan reads is decided on plain paths, unit-tested.

/**
 * The names a workspace scan reads. Content sniffing would need every file read, which is too
 * costly for a whole repository, so only names that can hold a format the engine knows count;
 * an open document is still scanned whatever its name.
 */
const CANDIDATE_NAMES = [
	'*.tf', '*.tfvars', '*.json', '*.yaml', '*.yml', '*.template', '*.bicep',
	'*.sh', '*.bash', '*.tpl', '*.tftpl', 'Dockerfile', 'Dockerfile.*', '*.dockerfile', 'Containerfile',
];

/** For `workspace.findFiles` and the file watcher. */
export const CANDIDATE_GLOB = `**/{${CANDIDATE_NAMES.join(',')}}`;

const CANDIDATE_NAME = new RegExp(`^(?:${CANDIDATE_NAMES.map(globToRegExp).join('|')})$`, 'i');

export interface CandidateFilter {
	readonly include: readonly string[];
	readonly exclude: readonly string[];
	readonly ignore: IgnoreMatcher;
}

/** Whether a path relative to its workspace folder is one a workspace scan should read. */
export function isWorkspaceCandidate(relativePath: string, filter: CandidateFilter): boolean {
	const path = relativePath.replace(/\\/g, '/');
	const name = path.slice(path.lastIndexOf('/') + 1);
	return CANDIDATE_NAME.test(name) && passesFilter(path, filter);
}

/**
 * Whether include, exclude and the ignore file let a path through, whatever its name: for a
 * script a Terraform file reads (`bootstrap`), which is read because of the reference, not its name.
 */
export function passesFilter(relativePath: string, filter: CandidateFilter): boolean {
	const path = relativePath.replace(/\\/g, '/');
	return matchesGlobs(path, filter.include, filter.exclude) && !filter.ignore.ignores(path);
}

/** One glob for several, as `findFiles` takes a single exclude pattern; undefined for none. */
export function joinGlobs(globs: readonly string[]): string | undefined {
	if (globs.length === 0) {
		return undefined;
	}
	return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

function globToRegExp(glob: string): string {
	return glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
}
