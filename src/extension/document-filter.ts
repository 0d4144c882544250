import { Minimatch } from 'minimatch';
import type { Format } from '../engine/index';

// No `vscode` import here: which documents get scanned is decided on plain values, so it is unit-testable.

/** Real files, new unsaved files, and GitHub/Azure Repos files in vscode.dev (virtual workspaces). */
export const SCANNED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-vfs']);

/**
 * Languages whose documents may hold IaC, each with a file name that stands for the language
 * when the document's own name says nothing (an untitled buffer, a generated `output-3`).
 * Plain text has no stand-in: it is scanned only when its name is an IaC name (`main.tf`
 * without a Terraform extension installed).
 */
const LANGUAGE_STAND_INS: ReadonlyMap<string, string | undefined> = new Map([
	['terraform', 'untitled.tf'],
	['terraform-vars', 'untitled.tfvars'],
	['yaml', 'untitled.yaml'],
	['json', 'untitled.json'],
	['jsonc', 'untitled.json'],
	['dockerfile', 'Dockerfile'],
	['dockercompose', 'compose.yaml'],
	['bicep', 'untitled.bicep'],
	['shellscript', 'untitled.sh'],
	['plaintext', undefined],
]);

export function isScannedScheme(scheme: string): boolean {
	return SCANNED_SCHEMES.has(scheme);
}

export function isScannedLanguage(languageId: string): boolean {
	return LANGUAGE_STAND_INS.has(languageId);
}

/**
 * The format to scan a document as, or undefined to leave it alone. The name decides first
 * (with content sniffing for YAML and JSON); the language the user or VS Code chose decides
 * when the name does not.
 */
export function documentFormat(
	languageId: string,
	path: string,
	text: string,
	formatOf: (path: string, text: string) => Format | undefined,
): Format | undefined {
	if (!isScannedLanguage(languageId)) {
		return undefined;
	}
	const byName = formatOf(path, text);
	if (byName) {
		return byName;
	}
	const standIn = LANGUAGE_STAND_INS.get(languageId);
	return standIn ? formatOf(standIn, text) : undefined;
}

/**
 * Whether a path relative to its workspace folder passes include and exclude. An empty include
 * list means every file, so clearing it does not silently turn the extension off.
 */
export function matchesGlobs(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
	const path = normalisePath(relativePath);
	const included = include.length === 0 || include.some(glob => compile(glob).match(path));
	return included && !exclude.some(glob => compile(glob).match(path));
}

/**
 * Forward slashes and no leading root, so `**` globs written for workspace-relative paths
 * also apply to files opened from outside any workspace folder.
 */
function normalisePath(path: string): string {
	return path.replace(/\\/g, '/').replace(/^[A-Za-z]:\//, '').replace(/^\/+/, '');
}

/** Settings change rarely and documents are matched on every edit: compile each glob once. */
const compiled = new Map<string, Minimatch>();
const CACHE_LIMIT = 500;

function compile(glob: string): Minimatch {
	let matcher = compiled.get(glob);
	if (!matcher) {
		if (compiled.size >= CACHE_LIMIT) {
			compiled.clear();
		}
		matcher = new Minimatch(normalisePath(glob), { dot: true });
		compiled.set(glob, matcher);
	}
	return matcher;
}

/**
 * UTF-8 byte length, which is what `aupGuard.maxFileSize` counts. Counting only when the
 * character count cannot settle it keeps the check free for ordinary files.
 */
export function exceedsByteSize(text: string, maxBytes: number): boolean {
	if (text.length > maxBytes) {
		return true;
	}
	if (text.length * 3 <= maxBytes) {
		return false;
	}
	return utf8Length(text) > maxBytes;
}

export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) {
			bytes += 1;
		} else if (code < 0x800) {
			bytes += 2;
		} else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
			// A surrogate pair is one code point: four bytes for both halves.
			bytes += 4;
			i++;
		} else {
			bytes += 3;
		}
	}
	return bytes;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
