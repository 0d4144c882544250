import * as assert from 'node:assert/strict';

/**
 * Expected texts after the network rules' narrowing fix (AUP-NET-001, AUP-NET-002), written out
 * so a reader sees each edit: the open source replaced, and the declaration the fix adds.
 */

/** `source` with the first `from` replaced by `to`, and `appended` added at the end. */
export function narrowed(source: string, from: string, to: string, appended = ''): string {
	assert.ok(source.includes(from), `the case contains ${from}`);
	// A function, so `$'` and `$&` in the new text (a regular expression) are not replacement patterns.
	return source.replace(from, () => to) + appended;
}

/** The block the Terraform fix appends after a blank line: `=` aligned, no default. */
export function tfVariable(name: string, type: string, description: string): string {
	return `\nvariable "${name}" {\n  type        = ${type}\n  description = "${description}"\n}\n`;
}
