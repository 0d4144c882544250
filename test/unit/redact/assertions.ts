import * as assert from 'node:assert/strict';
import { redact, type RedactResult } from '../../../src/engine/redact/index';

export function lineCount(text: string): number {
	return text.split(/\r\n|\r|\n/).length;
}

/**
 * Fails when any 10-character piece of a secret is still in `text`: removing most of a key and
 * leaving its tail is a leak too.
 */
export function assertNoLeak(text: string, secret: string, where = 'output'): void {
	const window = Math.min(10, secret.length);
	for (let start = 0; start + window <= secret.length; start++) {
		const piece = secret.slice(start, start + window);
		assert.ok(!text.includes(piece), `${where} still holds '${piece}' of a secret`);
	}
}

/**
 * Redacts `input` and checks the contract: each secret gone, each expected marker present, the
 * line count unchanged, and every reported output range pointing at its marker.
 */
export function assertRedacts(input: string, secrets: readonly string[], kinds: readonly string[]): RedactResult {
	const result = redact(input);
	for (const secret of secrets) {
		assert.ok(input.includes(secret), 'the test input holds the secret');
		assertNoLeak(result.text, secret);
	}
	for (const kind of kinds) {
		assert.ok(result.text.includes(`<redacted: ${kind}>`), `no '${kind}' marker in:\n${result.text}`);
	}
	assert.equal(lineCount(result.text), lineCount(input), 'line count');
	for (const redaction of result.redactions) {
		assert.equal(result.text.slice(redaction.output.start, redaction.output.end), `<redacted: ${redaction.kind}>`);
	}
	return result;
}

/** A look-alike: nothing in it is a secret, so nothing changes. */
export function assertUntouched(input: string): void {
	const result = redact(input);
	assert.deepEqual(result.redactions.map(redaction => `${redaction.kind}: ${input.slice(redaction.range.start, redaction.range.end)}`), []);
	assert.equal(result.text, input);
}
