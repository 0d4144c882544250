// Review tracking for generated files: the CodeLens, the attestation file, and an edit after review.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, openFixture } from './helpers/index';

const GENERATED = 'review/generated-db-sg.tf';

describe('Review of generated files', () => {
	const attestations = (): vscode.Uri => fixtureUri('.aupguard/reviews.json');

	before(async () => {
		await activateExtension();
	});

	after(async () => {
		await closeAllEditors(vscode.workspace.textDocuments.filter(document => document.uri.scheme === 'file'));
		// The workspace view suite expects this file unreviewed; the runner's copy is thrown away anyway.
		await vscode.workspace.fs.delete(fixtureUri('.aupguard'), { recursive: true }).then(undefined, () => undefined);
	});

	async function reviewLens(uri: vscode.Uri): Promise<string | undefined> {
		const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
		const titles = lenses.map(lens => lens.command?.title ?? '').filter(title => title.startsWith('AUP review:'));
		assert.ok(titles.length <= 1, titles.join(' | '));
		return titles[0];
	}

	it('offers no review lens on files without a generated marker', async () => {
		const document = await openFixture('flagged/network.tf');
		assert.equal(await reviewLens(document.uri), undefined);
	});

	it('says a generated file is not reviewed, records a review, and notices an edit', async () => {
		const document = await openFixture(GENERATED);
		assert.equal(await reviewLens(document.uri), 'AUP review: not reviewed — Mark as Reviewed');

		const attestation = await vscode.commands.executeCommand<{ sha256: string; reviewer: string; date: string }>(
			'aupGuard.markReviewed', document.uri, 'Ana Reviewer');
		const today = new Date().toISOString().slice(0, 10);
		const sha256 = createHash('sha256').update(document.getText().replace(/\r\n?/g, '\n')).digest('hex');
		assert.deepEqual(attestation, { sha256, reviewer: 'Ana Reviewer', date: today });

		const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(attestations()));
		assert.equal(written, `${JSON.stringify({
			version: 1,
			reviews: { 'review/generated-db-sg.tf': { sha256, reviewer: 'Ana Reviewer', date: today } },
		}, null, 2)}\n`);
		assert.equal(await reviewLens(document.uri), `AUP review: reviewed by Ana Reviewer on ${today}`);

		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(2, 0), '# widened by hand after review\n');
		assert.ok(await vscode.workspace.applyEdit(edit));
		assert.equal(await reviewLens(document.uri), `AUP review: changed since review by Ana Reviewer on ${today} — Review Again`);

		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('workbench.action.files.revert');
		assert.equal(await reviewLens(document.uri), `AUP review: reviewed by Ana Reviewer on ${today}`, 'the reverted text is the reviewed one');
	});

	it('keeps other reviews when another file is marked reviewed', async () => {
		const other = fixtureUri('review/generated-clean.tf');
		await openFixture('review/generated-clean.tf');
		assert.equal(await reviewLens(other), 'AUP review: not reviewed — Mark as Reviewed');
		await vscode.commands.executeCommand('aupGuard.markReviewed', other, 'Bo');
		const file = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(attestations()))) as { reviews: Record<string, { reviewer: string }> };
		assert.deepEqual(Object.keys(file.reviews), ['review/generated-clean.tf', 'review/generated-db-sg.tf']);
		assert.equal(file.reviews['review/generated-db-sg.tf'].reviewer, 'Ana Reviewer');
	});
});
