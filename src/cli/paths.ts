import * as path from 'node:path';

/**
 * How the CLI names files and compares them: paths relative to the current folder with forward
 * slashes whatever the platform, in code-unit order, so reports are the same on every machine.
 */

export function displayPath(cwd: string, full: string): string {
	return toSlashes(path.relative(cwd, full)) || '.';
}

export function toSlashes(value: string): string {
	return value.split(path.sep).join('/');
}

/** Whether `child` is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
	const relative = path.relative(parent, child);
	return relative === '' || relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Code-unit order, not locale order, so output is the same on every machine. */
export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A file system error as its code (`ENOENT`, `EACCES`), or its message when it has none. */
export function errorCode(error: unknown): string {
	if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
		return error.code;
	}
	return error instanceof Error ? error.message : String(error);
}
