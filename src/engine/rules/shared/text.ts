import type { ParsedFile } from '../../model/file';
import { stringValues } from '../../model/query';
import { memoized, memoKey } from '../../model/memo';

/**
 * Blanks out template expressions (`${var.x}`, `{{ .Values.x }}`, `$(VAR)`) with spaces of the
 * same length: what they hold is decided at deploy time, and a name inside one
 * (`${var.xmrig_image}`) says nothing about the value. Offsets stay valid for ranges.
 */
export function maskTemplates(text: string): string {
	if (!text.includes('${') && !text.includes('{{') && !text.includes('$(')) {
		return text;
	}
	return text.replace(/\$\{[^{}]{0,500}\}|\{\{[^{}]{0,500}\}\}|\$\([^()]{0,500}\)/g, match => ' '.repeat(match.length));
}

/** Whether a value is, in whole or in part, decided at deploy time. */
export function hasTemplate(text: string): boolean {
	return /\$\{|\{\{|\$\(|\$[A-Za-z_]/.test(text);
}

const SEARCH_TEXT = memoKey<string>('search text');

/**
 * Every string value of the file as one text, without what a shell drops from a word (quotes,
 * backslashes, line continuations), so `x"m"rig` reads `xmrig` here as it does to the shell.
 * Rules that look for names from a fixed list (miners, attack tools) first look for any of them
 * here, once per file, and read command by command only when one is there: most files name none.
 */
export function searchText(file: ParsedFile): string {
	return memoized(file, SEARCH_TEXT, () => stringValues(file).map(ref => ref.node.value).join('\n').replace(/\\\r?\n|["'\\]/g, ''));
}
