import { findSecrets } from '../secrets/patterns';
import { findShortPasswordFlags } from './commands';
import { findHighEntropyTokens } from './entropy';
import { findCredentialFields } from './fields';
import { findPemBlocks } from './pem';
import { PRIORITY, type Candidate, type Redaction, type RedactResult } from './types';
import { findJwts, findUrlPasswords } from './urls';

export type { Redaction, RedactResult } from './types';

/**
 * Replaces every secret in `text` with a marker naming its kind (`<redacted: AWS secret access
 * key>`), so a config can be pasted into a ticket, a chat or a report. Line breaks inside a secret
 * are kept after its marker, so the text keeps its line count and every line number still points
 * where it did; everything that is not a secret is left exactly as it was.
 *
 * Sources, most specific first: the engine's credential patterns, PEM private keys, passwords in
 * URLs, JSON Web Tokens, values of credential-named fields and password flags, and generic
 * high-entropy strings. When they overlap, the union goes and the most specific name labels it.
 */
export function redact(text: string): RedactResult {
	const pem = findPemBlocks(text);
	const candidates: Candidate[] = [
		...findSecrets(text).map(secret => ({ ...secret, priority: PRIORITY.vendor })),
		...pem.privateKeys,
		...findUrlPasswords(text),
		...findCredentialFields(text),
		...findShortPasswordFlags(text),
		...findJwts(text),
		...findHighEntropyTokens(text, pem.publicBlocks),
	];
	return apply(text, merge(candidates));
}

/** The marker that replaces a secret of this kind. */
export function redactionMarker(kind: string): string {
	return `<redacted: ${kind}>`;
}

/** "2 secrets removed: AWS secret access key, password", or undefined when nothing was. */
export function describeRedactions(redactions: readonly Redaction[]): string | undefined {
	if (redactions.length === 0) {
		return undefined;
	}
	const kinds = [...new Set(redactions.map(redaction => redaction.kind))].sort();
	const count = redactions.length === 1 ? '1 secret' : `${redactions.length} secrets`;
	return `${count} removed: ${kinds.join(', ')}`;
}

/** Overlapping candidates become one span, named by the most specific detector, then the longest. */
function merge(candidates: Candidate[]): Candidate[] {
	const sorted = candidates.filter(candidate => candidate.end > candidate.start).sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Candidate[] = [];
	for (const candidate of sorted) {
		const last = merged[merged.length - 1];
		if (last && candidate.start < last.end) {
			const better = candidate.priority < last.priority ? candidate : last;
			merged[merged.length - 1] = { kind: better.kind, priority: better.priority, start: last.start, end: Math.max(last.end, candidate.end) };
		} else {
			merged.push(candidate);
		}
	}
	return merged;
}

function apply(text: string, spans: readonly Candidate[]): RedactResult {
	const parts: string[] = [];
	const redactions: Redaction[] = [];
	let copied = 0;
	let length = 0;
	for (const candidate of spans) {
		// Never start between the halves of a `\r\n`: the marker would split one line break into two.
		const span = text[candidate.start - 1] === '\r' && text[candidate.start] === '\n' ? { ...candidate, start: candidate.start + 1 } : candidate;
		const kept = text.slice(copied, span.start);
		parts.push(kept);
		length += kept.length;
		const marker = redactionMarker(span.kind);
		const replacement = marker + lineBreaks(text.slice(span.start, span.end));
		parts.push(replacement);
		redactions.push({ kind: span.kind, range: { start: span.start, end: span.end }, output: { start: length, end: length + marker.length } });
		length += replacement.length;
		copied = span.end;
	}
	parts.push(text.slice(copied));
	return { text: parts.join(''), redactions };
}

/** The line breaks of a secret, in order and exactly as written (`\r\n` stays `\r\n`). */
function lineBreaks(secret: string): string {
	return (secret.match(/\r\n|\r|\n/g) ?? []).join('');
}
