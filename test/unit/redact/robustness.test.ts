import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { redact } from '../../../src/engine/redact/index';
import { assertNoLeak, lineCount } from './assertions';
import { GITHUB_TOKEN, keyLines, pem } from './fake-secrets';

const MEGABYTE = 1 << 20;

function megabyteOf(unit: string): string {
	return unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
}

/**
 * Lines built to make a backtracking regex try every start and every length. The assertion is on
 * the result, not a timer: a quadratic detector would not finish inside mocha's timeout.
 */
const ADVERSARIAL: readonly (readonly [string, string])[] = [
	['one long word', 'a'],
	['JWT prefixes', 'eyJ'],
	['JWT segments without an end', 'eyJaaaaaaaaaa.'],
	['BEGIN lines without END', '-----BEGIN PRIVATE KEY-----'],
	['credential names', 'password='],
	['quoted names', '"password": "'],
	['names inside references', 'password: ${x '],
	['escaped JSON names', '\\"password\\":\\"'],
	['nested flow mappings', 'a password: {'],
	['paired value keys', ',"value":1'],
	['URL schemes and @', 'a://x@'],
	['colons', ':'],
	['dashes', '--password '],
	['base64', 'Ab1+/'],
	['quotes', '"'],
	['MySQL commands', 'mysql '],
	['flags in argument lists', '"--password", '],
];

describe('redact: robustness', function () {
	this.timeout(60000);

	for (const [name, unit] of ADVERSARIAL) {
		it(`handles a 1 MB line of ${name}`, () => {
			const text = `${megabyteOf(unit)}\napi_token = "Hunt3r-2024!"\n`;
			const result = redact(text);
			assert.equal(lineCount(result.text), lineCount(text));
			assert.ok(result.text.endsWith('\napi_token = "<redacted: token>"\n'), 'a secret after the adversarial line is still found');
		});
	}

	it('handles a 1 MB key block and finds a secret after it', () => {
		const text = `${pem('PRIVATE KEY', Array.from({ length: MEGABYTE / 65 }, (_, index) => keyLines(1, index % 97)[0]))}\ntoken: ${GITHUB_TOKEN}\n`;
		const result = redact(text);
		assert.equal(result.text.split('\n')[0], '<redacted: private key>');
		assert.equal(lineCount(result.text), lineCount(text));
		assertNoLeak(result.text, GITHUB_TOKEN);
	});

	const fragments = fc.constantFrom(
		'password', 'token', 'value', 'name', '=', ': ', ' ', '"', '\'', '\\', '{', '}', '[', ',', '$', '${', '@', '://', '#', '|', '<<EOF',
		'EOF', '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', '\n', '\r\n', '\r', '  ', '--', 'eyJ', '.', 'Hunt3r2024',
		'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY', '<redacted: password>', 'é', '\uD83D\uDD11', '\uD800',
	);
	const texts = fc.array(fragments, { maxLength: 60 }).map(parts => parts.join(''));

	it('keeps the line count and every character outside a redaction, for any text', () => {
		fc.assert(fc.property(texts, text => {
			const result = redact(text);
			assert.equal(lineCount(result.text), lineCount(text));
			let input = 0;
			let output = 0;
			for (const redaction of result.redactions) {
				assert.ok(redaction.range.start >= input && redaction.range.end > redaction.range.start);
				assert.equal(result.text.slice(output, redaction.output.start), text.slice(input, redaction.range.start));
				assert.equal(result.text.slice(redaction.output.start, redaction.output.end), `<redacted: ${redaction.kind}>`);
				input = redaction.range.end;
				const breaks = text.slice(redaction.range.start, redaction.range.end).match(/\r\n|\r|\n/g)?.join('') ?? '';
				assert.equal(result.text.slice(redaction.output.end, redaction.output.end + breaks.length), breaks);
				output = redaction.output.end + breaks.length;
			}
			assert.equal(result.text.slice(output), text.slice(input));
		}), { numRuns: 500, seed: 20260324 });
	});
});
