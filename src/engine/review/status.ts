import type { Attestation } from './attestations';

export type ReviewStatus =
	| { readonly state: 'unreviewed' }
	| { readonly state: 'reviewed'; readonly by: string; readonly date: string }
	/** Reviewed once, but the content is no longer what was reviewed. */
	| { readonly state: 'changed'; readonly by: string; readonly date: string };

export function reviewStatus(attestation: Attestation | undefined, currentHash: string): ReviewStatus {
	if (!attestation) {
		return { state: 'unreviewed' };
	}
	const state = attestation.sha256 === currentHash ? 'reviewed' : 'changed';
	return { state, by: attestation.reviewer, date: attestation.date };
}

/** Whether a generated file still needs someone to look at it (AUP section 4). */
export function needsReview(status: ReviewStatus): boolean {
	return status.state !== 'reviewed';
}

/** The CodeLens title: what the review state is and what to do about it. */
export function reviewLensTitle(status: ReviewStatus): string {
	switch (status.state) {
		case 'unreviewed':
			return 'AUP review: not reviewed — Mark as Reviewed';
		case 'reviewed':
			return `AUP review: reviewed by ${status.by} on ${status.date}`;
		case 'changed':
			return `AUP review: changed since review by ${status.by} on ${status.date} — Review Again`;
	}
}
