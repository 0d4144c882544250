import * as vscode from 'vscode';
import { contentHash, isGenerated, reviewLensTitle } from '../../engine/review/index';
import { settingsFor } from '../scan-plan';
import { COMMANDS } from '../command-ids';
import type { ReviewStore } from './review-store';

/**
 * A CodeLens at the top of each Autoscalr-generated file saying whether it was reviewed, by whom
 * and when (AUP section 4). VS Code asks again after every edit, so "changed since review"
 * shows as soon as the text differs from what was reviewed, before it is even saved.
 */
export class ReviewLensProvider implements vscode.CodeLensProvider {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChangeCodeLenses = this.changed.event;
	private readonly subscriptions: vscode.Disposable[] = [this.changed];

	constructor(private readonly reviews: ReviewStore) {
		this.subscriptions.push(reviews.onDidChange(() => this.changed.fire()));
		this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('aupGuard.review')) {
				this.changed.fire();
			}
		}));
	}

	async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
		const text = document.getText();
		if (!isGenerated(text, settingsFor(document.uri)['review.generatedMarkers'])) {
			return [];
		}
		const status = await this.reviews.status(document.uri, await contentHash(text));
		if (!status || token.isCancellationRequested) {
			return [];
		}
		const range = new vscode.Range(0, 0, 0, 0);
		const title = reviewLensTitle(status);
		if (status.state === 'reviewed') {
			// No command: the lens only informs. (A lens needs a command object to show at all.)
			return [new vscode.CodeLens(range, { title, command: '' })];
		}
		return [new vscode.CodeLens(range, {
			title,
			command: COMMANDS.markReviewed,
			arguments: [document.uri],
			tooltip: 'Record in .aupguard/reviews.json that you reviewed this generated file as it is now',
		})];
	}

	dispose(): void {
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}
}
