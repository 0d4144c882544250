import { PRIORITY, type Candidate } from './types';

/**
 * The password in a URL's user information: `postgres://app:s3cret@db:5432/app`,
 * `https://user:token@git.example.com`. The user name stays (it helps a reader and is rarely the
 * secret); a token written as the user alone is left to the vendor and high-entropy rules.
 */
export function findUrlPasswords(text: string): Candidate[] {
	const found: Candidate[] = [];
	let from = 0;
	for (;;) {
		const separator = text.indexOf('://', from);
		if (separator < 0) {
			return found;
		}
		const authority = separator + 3;
		// The user information ends at the last '@' before the host part ends.
		let at = -1;
		let index = authority;
		for (; index < text.length && index - authority < 1024; index++) {
			const char = text[index];
			if (AUTHORITY_END.has(char)) {
				break;
			}
			if (char === '@') {
				at = index;
			}
		}
		from = Math.max(index, authority);
		if (at < 0) {
			continue;
		}
		const colon = text.slice(authority, at).indexOf(':') + authority;
		if (colon < authority || colon >= at - 1) {
			continue;
		}
		const password = text.slice(colon + 1, at);
		if (!/^(?:\$\{|\$[A-Za-z_(]|\{\{|%\{|<redacted: )/.test(password)) {
			found.push({ kind: 'password in URL', start: colon + 1, end: at, priority: PRIORITY.url });
		}
	}
}

/**
 * Characters that end a URL's authority, or the URL itself in prose and quotes. Not `;`, `,` or
 * `)`: people write them unencoded in passwords, and missing the password is the worse mistake.
 */
const AUTHORITY_END = new Set(['/', '?', '#', ' ', '\t', '\r', '\n', '"', '\'', '`', '<', '>', '\\']);

/**
 * A JSON Web Token: header and payload are base64url JSON objects (so both start `eyJ`), then a
 * signature that may be empty. The lookbehind lets a run start only once, which keeps it linear.
 */
export function findJwts(text: string): Candidate[] {
	const found: Candidate[] = [];
	const jwt = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
	for (const match of text.matchAll(jwt)) {
		found.push({ kind: 'JSON Web Token', start: match.index, end: match.index + match[0].length, priority: PRIORITY.jwt });
	}
	return found;
}
