import type { Span } from '../model/range';
import { PRIORITY, type Candidate } from './types';

/**
 * Generic secrets no vendor pattern names: long random-looking base64, base64url or hex strings.
 *
 * Random text differs from what else fills IaC files in three measurable ways, and a token must
 * show all three: it mixes character classes (a random 24-character base64 string almost always
 * holds upper case, lower case and digits), it has high Shannon entropy per character, and its
 * letters do not fall into words (an identifier such as `MyLaunchTemplateVersion2` splits into
 * segments averaging more than 4 characters; random strings average under 2).
 *
 * Kept on purpose: UUIDs (tenant, subscription and object ids far outnumber UUID secrets; a UUID in
 * a credential-named field still goes), AWS resource ids (`ami-0abc...`), ARNs (split at `:`),
 * SSH public keys and certificates, and digests whose own line calls them a checksum, digest or
 * commit. A bare 64-character hex string with no such word nearby goes: it may as well be an API
 * secret, and the issue prefers removing too much to leaking.
 */
export function findHighEntropyTokens(text: string, publicBlocks: readonly Span[]): Candidate[] {
	const found: Candidate[] = [];
	const token = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{20,}={0,2}/g;
	let block = 0;
	for (const match of text.matchAll(token)) {
		const start = match.index;
		const end = start + match[0].length;
		while (block < publicBlocks.length && publicBlocks[block].end <= start) {
			block++;
		}
		if (block < publicBlocks.length && publicBlocks[block].start <= start) {
			continue;
		}
		if (looksSecret(match[0]) && !isExplained(text, start, end)) {
			found.push({ kind: 'high-entropy string', start, end, priority: PRIORITY.entropy });
		}
	}
	return found;
}

/** Whether a token has the shape of random key material, judged on at most its first 512 characters. */
export function looksSecret(token: string): boolean {
	if (KEPT_SHAPES.some(shape => shape.test(token))) {
		return false;
	}
	const core = token.slice(0, 512).replace(/=+$/, '').replace(UUID, '');
	const hasLower = /[a-z]/.test(core);
	const hasUpper = /[A-Z]/.test(core);
	const hasDigit = /[0-9]/.test(core);
	if (/^[0-9a-fA-F]+$/.test(core)) {
		return core.length >= 32 && hasDigit && (hasLower || hasUpper) && shannonEntropy(core) >= 3.0;
	}
	const classes = Number(hasLower) + Number(hasUpper) + Number(hasDigit);
	if (classes < 2 || core.length < (classes === 3 ? 24 : 32)) {
		return false;
	}
	return shannonEntropy(core) >= (classes === 3 ? 3.5 : 3.0) && averageSegmentLength(core) < 3.5;
}

/** Bits per character. */
export function shannonEntropy(text: string): number {
	const counts = new Map<string, number>();
	for (const char of text) {
		counts.set(char, (counts.get(char) ?? 0) + 1);
	}
	let entropy = 0;
	for (const count of counts.values()) {
		const share = count / text.length;
		entropy -= share * Math.log2(share);
	}
	return entropy;
}

/** Mean length of the word-like pieces of a token: `Name`, `NAME`, `name`, `2024`. */
function averageSegmentLength(core: string): number {
	const segments = core.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
	const letters = segments.reduce((sum, segment) => sum + segment.length, 0);
	return segments.length === 0 ? 0 : letters / segments.length;
}

/**
 * A word on the same line that says what the token is. Both sides count: a verification script
 * writes `echo "<digest>  app.zip" | sha256sum -c`, with the word after the digest.
 */
function isExplained(text: string, start: number, end: number): boolean {
	let from = start;
	while (from > 0 && start - from < 120 && text[from - 1] !== '\n' && text[from - 1] !== '\r') {
		from--;
	}
	let to = end;
	while (to < text.length && to - end < 120 && text[to] !== '\n' && text[to] !== '\r') {
		to++;
	}
	const before = text.slice(from, start);
	return CONTEXT.test(before) || CONTEXT.test(text.slice(end, to)) || SSH_KEY_TYPE.test(before) || /(?:^|[^A-Za-z0-9])(?:h1|zh):$/.test(before);
}

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

const KEPT_SHAPES: readonly RegExp[] = [
	// AWS resource ids: ami-, sg-, subnet-, vpc-, i-, vol-, snap-, eni-, rtb-, eipalloc- ...
	/^[a-z][a-z0-9]{0,15}-[0-9a-f]{8,32}$/,
	// Subresource integrity: `sha384-<base64>`.
	/^sha(?:1|256|384|512)-/,
	// A certificate, base64-encoded once more (Kubernetes `caBundle`, kubeconfig `certificate-authority-data`).
	/^LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS/,
];

/** Checksums, digests, commits and certificates say what they are on their own line. */
const CONTEXT = /sha-?(?:1|224|256|384|512)\b|sha(?:1|256|512)sum|md5|checksum|digest|\bhash|integrity|fingerprint|thumbprint|etag|commit|revision|\brev\b|\bref\b|certificate|\bcert\b|ca[-_]?bundle|ca[-_]?data/i;

const SSH_KEY_TYPE = /(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-[a-z0-9-]{1,40}@openssh\.com)[ \t]+$/;
