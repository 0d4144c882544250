import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
	CLOUD_SECRET_PATTERNS,
	findSecrets,
	isDocumentedExample,
	PRIVATE_KEY_PATTERN,
	SAAS_TOKEN_PATTERNS,
	SECRET_PATTERNS,
	type SecretMatch,
	type SecretPattern,
} from '../../../src/engine/secrets/patterns';

/**
 * The straightforward findSecrets from before the cached regexes and hints: a fresh regex per
 * pattern per call, no prefilter. The fast one must give exactly its answers.
 */
function findSecretsOracle(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): SecretMatch[] {
	const found: SecretMatch[] = [];
	for (const pattern of patterns) {
		const regex = new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`);
		for (const match of text.matchAll(regex)) {
			const [start, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
			if (!isDocumentedExample(text.slice(start, end))) {
				found.push({ kind: pattern.kind, start, end });
			}
		}
	}
	return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

// Prefixes and key names are split so that secret scanners do not stop this file.
const join = (...parts: string[]): string => parts.join('');
const PREFIXES = [
	'AKIA', 'ASIA', 'AKI', 'akia', 'aws_secret_access_key', 'AWS_SECRET_KEY', 'SecretAccessKey', 'secret_key', 'Secret',
	'"private_key"', '"private_key" : "', 'private_key', join('-----BEGIN ', 'PRIVATE KEY-----'), join('-----BEGIN ', 'RSA PRIVATE KEY-----'),
	join('-----END ', 'PRIVATE KEY-----'), join('-----END ', 'RSA PRIVATE KEY-----'), '-----BEGIN PUBLIC KEY-----', 'Proc-Type: 4,ENCRYPTED',
	'AccountKey=', 'SharedAccessKey=', 'SharedAccessKeyName=', 'AIza', 'AIz', join('gh', 'p_'), join('gh', 's_'), join('gh', 'x_'),
	join('github', '_pat_'), join('gl', 'pat-'), join('xo', 'xb-'), join('xo', 'xq-'), 'https://hooks.slack.com/services/', 'T0123ABCD/',
	'B0456EFGH/', join('sk', '_live_'), join('rk', '_live_'), join('sk', '_test_'), join('np', 'm_'), 'SG.', 'EXAMPLE', 'EXAMPLEKEY',
];
const SEPARATORS = ['=', '==', ' = ', ': "', '"', '\'', '\n', '\\n', '\r\n', '_', '-', '.', '/', '+', ' ', 'x', '0', '1234567'];
const NOISE = ['name', 'value: ', 'resource "aws_instance" "web" {', '${var.key}', 'é', '\uD83D\uDD11', '\t', '{', '}'];
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = `${UPPER}abcdefghijklmnopqrstuvwxyz`;
const BASE64 = `${ALNUM}+/`;
// Secret shapes: what comes before the key material, its characters and length, what follows.
const RECIPES: readonly (readonly [string, string, number, string])[] = [
	['AKIA', UPPER, 16, ''], ['ASIA', UPPER, 16, ''], ['aws_secret_access_key = ', BASE64, 40, ''], ['"SecretAccessKey": "', BASE64, 40, '"'],
	['AccountKey=', BASE64, 86, '=='], ['SharedAccessKey=', BASE64, 43, '='], ['AIza', ALNUM, 35, ''], [join('gh', 'p_'), ALNUM, 36, ''],
	[join('github', '_pat_'), ALNUM, 22, join('_', 'a'.repeat(59))], [join('gl', 'pat-'), ALNUM, 20, ''], [join('xo', 'xb-', '1234567-'), ALNUM, 20, ''],
	['https://hooks.slack.com/services/T0123ABCD/B0456EFGH/', ALNUM, 24, ''], [join('sk', '_live_'), ALNUM, 24, ''], [join('np', 'm_'), ALNUM, 36, ''],
	['SG.', ALNUM, 22, join('.', 'b'.repeat(43))], ['"private_key": "-----BEGIN PRIVATE KEY-----\\n', BASE64, 64, '\\n-----END PRIVATE KEY-----\\n"'],
	[join('-----BEGIN ', 'RSA PRIVATE KEY-----\n'), BASE64, 64, join('\n-----END ', 'RSA PRIVATE KEY-----')],
];
const body = (alphabet: string, length: number): fc.Arbitrary<string> =>
	fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
// A secret of each shape, right or one character short or long, sometimes an EXAMPLE.
const candidate = fc.tuple(fc.constantFrom(...RECIPES), fc.constantFrom(-1, 0, 0, 0, 1)).chain(([[before, alphabet, length, after], jitter]) =>
	fc.tuple(fc.constant(before), body(alphabet, length + jitter), fc.constantFrom(after, after, 'EXAMPLE'))).map(parts => parts.join(''));
const separator = fc.constantFrom(...SEPARATORS);
const fragment = fc.oneof(
	{ arbitrary: candidate, weight: 4 },
	{ arbitrary: fc.constantFrom(...PREFIXES), weight: 2 },
	{ arbitrary: body(BASE64, 40), weight: 1 },
	{ arbitrary: separator, weight: 3 },
	{ arbitrary: fc.constantFrom(...NOISE), weight: 1 },
	{ arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
const texts = fc.array(fragment, { maxLength: 16 }).map(parts => parts.join(''));
const PATTERN_LISTS: readonly (readonly SecretPattern[])[] = [
	SECRET_PATTERNS, CLOUD_SECRET_PATTERNS, SAAS_TOKEN_PATTERNS, [PRIVATE_KEY_PATTERN], ...SECRET_PATTERNS.map(pattern => [pattern]),
];

describe('findSecrets against the uncached implementation', () => {
	it('gives the same matches for any text built from secret fragments, near misses and noise', () => {
		let withMatches = 0;
		fc.assert(fc.property(texts, fc.constantFrom(...PATTERN_LISTS), (text, patterns) => {
			const expected = findSecretsOracle(text, patterns);
			withMatches += expected.length > 0 ? 1 : 0;
			assert.deepEqual(findSecrets(text, patterns), expected);
		}), { numRuns: 3000, seed: 20260415 });
		// The generator must reach real matches, or the comparison proves little.
		assert.ok(withMatches > 100, `${withMatches} texts with matches`);
	});

	it('finds every kind of secret through its hint', () => {
		const secretsOfEveryKind = new Set<string>();
		fc.assert(fc.property(texts, text => {
			for (const match of findSecrets(text)) {
				secretsOfEveryKind.add(match.kind);
			}
		}), { numRuns: 3000, seed: 20260416 });
		// Every kind is reached, so the comparison above covers every hint.
		assert.deepEqual([...secretsOfEveryKind].sort(), [...new Set(SECRET_PATTERNS.map(pattern => pattern.kind))].sort());
	});

	it('leaves the patterns\' own regexes alone and repeats its answer call after call', () => {
		const text = join('id=', 'AKIA', 'QYLPMN5HHHFPZAM2', ' and ', 'AKIA', 'ZZLPMN5HHHFPZAM2');
		for (const pattern of SECRET_PATTERNS) {
			pattern.regex.lastIndex = 0;
		}
		const first = findSecrets(text);
		assert.equal(first.length, 2);
		assert.deepEqual(findSecrets(text), first);
		assert.deepEqual(findSecrets(text.slice(0, 24)), first.slice(0, 1));
		assert.ok(SECRET_PATTERNS.every(pattern => pattern.regex.lastIndex === 0));
	});

	it('runs a caller\'s pattern without a hint or a global flag', () => {
		const pattern: SecretPattern = { kind: 'test token', regex: /tok_(?<secret>[a-z]{4})/d };
		const text = 'a tok_abcd b tok_efgh';
		assert.deepEqual(findSecrets(text, [pattern]), findSecretsOracle(text, [pattern]));
		assert.equal(findSecrets(text, [pattern]).length, 2);
	});
});
