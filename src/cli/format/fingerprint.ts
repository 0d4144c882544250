import { createHash } from 'node:crypto';

/**
 * Key of our fingerprint in `partialFingerprints`. Versioned, as SARIF asks, so a change in how it
 * is computed does not make every old alert look fixed and every new one look new.
 */
export const FINGERPRINT_KEY = 'aupGuardLineHash/v1';

/**
 * Fingerprints that survive lines moving: a hash of the rule, the file and the finding's line with
 * its whitespace normalised, plus which occurrence of that same triple it is, so two identical
 * lines in a file stay two alerts.
 */
export class Fingerprinter {
	private readonly seen = new Map<string, number>();

	next(ruleId: string, file: string, lineText: string): string {
		const normalized = lineText.trim().replace(/\s+/g, ' ');
		const hash = createHash('sha256').update(`${ruleId}\u0000${file}\u0000${normalized}`).digest('hex').slice(0, 32);
		const occurrence = (this.seen.get(hash) ?? 0) + 1;
		this.seen.set(hash, occurrence);
		return `${hash}:${occurrence}`;
	}
}
