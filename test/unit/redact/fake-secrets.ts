/**
 * Fake secrets with the real shapes, built at run time so no credential-shaped literal sits in the
 * repository for a secret scanner to trip over.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${ALNUM}+/`;
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A deterministic random string: the same every run, different for every seed. */
export function randomText(length: number, seed: number, alphabet = ALNUM): string {
	let state = seed * 2654435761 % 4294967296 || 1;
	let text = '';
	while (text.length < length) {
		state = (state * 1664525 + 1013904223) % 4294967296;
		text += alphabet[Math.floor(state / 4294967296 * alphabet.length)];
	}
	return text;
}

export const AWS_KEY_ID = 'AKIA' + randomText(16, 1, UPPER_DIGITS);
export const AWS_SECRET = randomText(18, 2, BASE64) + '/' + randomText(21, 3, BASE64);
export const GITHUB_TOKEN = 'ghp' + '_' + randomText(36, 4);
export const GITHUB_FINE_GRAINED = 'github' + '_pat_' + randomText(22, 5) + '_' + randomText(59, 6);
export const SLACK_TOKEN = 'xox' + 'b-' + '123456789012-1234567890123-' + randomText(24, 7);
export const SLACK_WEBHOOK = 'https://hooks.slack.com/services/' + 'T0ABC1DEF2/B3GHI4JKL5/' + randomText(24, 8);
export const STRIPE_KEY = 'sk' + '_live_' + randomText(24, 9);
export const AZURE_ACCOUNT_KEY = randomText(86, 10, BASE64) + '==';
export const RANDOM_BASE64 = randomText(40, 11, BASE64);
export const RANDOM_HEX = randomText(40, 12, '0123456789abcdef');
export const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.' + 'eyJzdWIiOiJkZXBsb3llciIsImV4cCI6MTg5MzQ1NjAwMH0' + '.' + randomText(43, 13, `${ALNUM}-_`);

/** The body lines of a PEM key: 64 base64 characters each, like OpenSSL writes them. */
export function keyLines(count: number, seed: number): string[] {
	return Array.from({ length: count }, (_, index) => randomText(64, seed + index, BASE64));
}

export function pem(label: string, lines: readonly string[], separator = '\n', indent = ''): string {
	return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].map((line, index) => (index > 0 ? indent : '') + line).join(separator);
}
