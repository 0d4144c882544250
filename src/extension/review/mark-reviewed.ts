import * as vscode from 'vscode';
import { contentHash, type Attestation } from '../../engine/review/index';
import type { ReviewStore } from './review-store';

/** Where the reviewer's name comes from; the desktop entry passes `git config user.name`. */
export type ReviewerName = (folder: vscode.Uri) => Promise<string | undefined>;

const LAST_REVIEWER_KEY = 'aupGuard.lastReviewer';

export interface MarkReviewedDependencies {
	readonly reviews: ReviewStore;
	readonly state: vscode.Memento;
	readonly reviewerName?: ReviewerName;
}

/**
 * `aupGuard.markReviewed [uri] [reviewer]`: attests that the file, as it is now, was reviewed.
 * Unsaved changes are saved first, since an attestation of text that is not in the file would
 * never match what a teammate checks out. Returns the attestation, or undefined if not made.
 */
export async function markReviewed(deps: MarkReviewedDependencies, uriArg: unknown, reviewerArg: unknown): Promise<Attestation | undefined> {
	const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
	if (!uri) {
		void vscode.window.showInformationMessage('AUP Guard: open a generated file to mark it reviewed.');
		return undefined;
	}
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) {
		void vscode.window.showWarningMessage('AUP Guard: only files inside a workspace folder can be marked reviewed.');
		return undefined;
	}
	const document = await vscode.workspace.openTextDocument(uri);
	if (document.isDirty && !(await document.save())) {
		return undefined;
	}
	const reviewer = typeof reviewerArg === 'string' && reviewerArg.trim() ? reviewerArg.trim() : await askReviewer(deps, folder.uri);
	if (!reviewer) {
		return undefined;
	}
	const attestation = await deps.reviews.attest(uri, await contentHash(document.getText()), reviewer);
	await deps.state.update(LAST_REVIEWER_KEY, reviewer);
	void vscode.window.setStatusBarMessage(`AUP Guard: ${vscode.workspace.asRelativePath(uri)} marked reviewed by ${reviewer}`, 5000);
	return attestation;
}

/** git's user name when there is one; otherwise ask, offering the name used last time. */
async function askReviewer(deps: MarkReviewedDependencies, folder: vscode.Uri): Promise<string | undefined> {
	const fromGit = await deps.reviewerName?.(folder).catch(() => undefined);
	if (fromGit) {
		return fromGit;
	}
	const last = deps.state.get<string>(LAST_REVIEWER_KEY);
	const name = await vscode.window.showInputBox({
		title: 'AUP Guard: Mark File Reviewed',
		prompt: 'Your name, as it should appear in .aupguard/reviews.json',
		value: typeof last === 'string' ? last : '',
		ignoreFocusOut: true,
		validateInput: value => value.trim() ? undefined : 'A review needs a name',
	});
	return name?.trim() || undefined;
}
