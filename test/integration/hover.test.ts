// Hovers on flagged ranges in the real VS Code: what a user reads when pointing at a squiggle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFixture, waitForDiagnostics } from './helpers/index';

describe('Hovers', () => {
	let document: vscode.TextDocument;

	before(async () => {
		await activateExtension();
		document = await openFixture('fixes/hover.tf');
		await waitForDiagnostics(document.uri, found => found.some(diagnostic => diagnostic.code !== undefined && JSON.stringify(diagnostic.code).includes('AUP-CRD-003')), undefined, 'the password');
	});

	after(async () => {
		await closeAllEditors([document]);
	});

	/** The Markdown of our hovers at a position; other extensions' hovers are left out. */
	async function hoverText(position: vscode.Position): Promise<string[]> {
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
		return hovers.flatMap(hover => hover.contents)
			.map(content => typeof content === 'string' ? content : content.value)
			.filter(text => text.includes('AUP-'));
	}

	it('explains the finding under the cursor: rule, message, why, AUP section, docs link', async () => {
		const [text, ...others] = await hoverText(new vscode.Position(7, 24));
		assert.equal(others.length, 0);
		assert.ok(text, 'a hover for the finding');
		assert.match(text, /^\*\*AUP-NET-001: Administrative or database port open to the internet\*\* · warning/);
		// The message is Markdown-escaped, and must wrap: plain spaces, not &nbsp;.
		assert.match(text, /\n\nRDP \\\(3389\\\) is open to the whole internet \\\(0\.0\.0\.0\/0\\\) in aws\\_security\\_group\.admin\. /);
		assert.match(text, /\*\*Why it matters\.\*\* /);
		assert.match(text, /\*\*AUP section 3, What you must not do\.\*\* /);
		assert.match(text, /\[Rule documentation\]\(command:aupGuard\.showRuleDocs\?%5B%22AUP-NET-001%22%5D /);
	});

	it('lists the fixes on offer', async () => {
		const [text] = await hoverText(new vscode.Position(12, 22));
		assert.match(text, /^\*\*AUP-CRD-003: Password written in configuration\*\* · error/);
		assert.match(text, /\*\*Quick fix:\*\* Replace with var\.admin\\_password, declared sensitive at the end of the file\n/);
	});

	it('says nothing away from a finding', async () => {
		assert.deepEqual(await hoverText(new vscode.Position(1, 4)), []);
	});
});
