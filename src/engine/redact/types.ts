import type { Span } from '../model/range';

/** A stretch of text one detector takes for a secret. */
export interface Candidate {
	/** What the secret is, in words a marker can show: 'AWS secret access key', 'password'. */
	readonly kind: string;
	readonly start: number;
	readonly end: number;
	/** Lower wins when candidates overlap: a vendor's name for a secret beats 'high-entropy string'. */
	readonly priority: number;
}

/** Detector priorities, most specific first. */
export const PRIORITY = {
	vendor: 0,
	privateKey: 1,
	url: 2,
	jwt: 3,
	field: 4,
	entropy: 5,
} as const;

export interface Redaction {
	readonly kind: string;
	/** Where the secret was, in the input text (offsets, end exclusive). */
	readonly range: Span;
	/** Where its marker is, in the output text. */
	readonly output: Span;
}

export interface RedactResult {
	readonly text: string;
	readonly redactions: readonly Redaction[];
}
