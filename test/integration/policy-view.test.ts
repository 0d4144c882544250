// The AUP view in the real VS Code: it opens at a section, shows the standing of the fixture
// workspace read back from the page itself, follows edits live, and accepts only known messages.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedState } from '../../src/extension/policy-view/messages';
import { activateExtension, closeAllEditors, DEFAULT_WAIT_MS, findings, item, openFixture, openView, status, waitForDiagnostics, waitForState } from './helpers/index';

const FIXTURE = 'policy/orders-db.tf';
const PASSWORD_LINE = '  password            = "Pelican-Harbour-4417"';

describe('AUP view', () => {
	const opened: vscode.TextDocument[] = [];

	before(async () => {
		await activateExtension();
	});

	afterEach(async () => {
		await closeAllEditors(opened.splice(0));
	});

	it('opens at the asked-for item and shows the standing of the open files', async () => {
		const document = await openFixture(FIXTURE);
		opened.push(document);
		await waitForDiagnostics(document.uri, found => found.some(diagnostic => codeOf(diagnostic) === 'AUP-CRD-003'));
		const probe = await openView('credentials');
		const state = await waitForState(probe, current => findings(current, 'credentials') === 1, 'one credentials finding');
		assert.equal(state.highlighted, 'item-credentials');
		assert.equal(state.source, 'open-documents');
		assert.equal(status(state, 'credentials'), 'findings');
		// MFA on an account and rate limits are outside the files: the page must not claim them clear.
		// No file can prove MFA is on; with no rule for MFA settings in configs yet, it is 'not-checked'.
		assert.ok(['clear', 'not-checked'].includes(status(state, 'mfa')), status(state, 'mfa'));
		assert.equal(status(state, 'rate-limits'), 'outside-files');
		assert.equal(status(state, 'platform-abuse'), 'outside-files');
	});

	it('follows an edit that removes the finding and one that brings it back', async () => {
		const document = await openFixture(FIXTURE);
		opened.push(document);
		await waitForDiagnostics(document.uri, found => found.some(diagnostic => codeOf(diagnostic) === 'AUP-CRD-003'));
		const probe = await openView(undefined);
		await waitForState(probe, current => findings(current, 'credentials') === 1, 'the finding before the edit');
		const line = lineOf(document, PASSWORD_LINE);
		await edit(document, line, '  password            = var.orders_password');
		await waitForState(probe, current => status(current, 'credentials') === 'clear', 'credentials clear after the edit');
		await edit(document, line, PASSWORD_LINE);
		await waitForState(probe, current => findings(current, 'credentials') === 1, 'the finding back after undoing the edit');
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	it('reveals a finding the page names, and rejects messages of unknown shape', async () => {
		const document = await openFixture(FIXTURE);
		opened.push(document);
		const diagnostics = await waitForDiagnostics(document.uri, found => found.some(entry => codeOf(entry) === 'AUP-CRD-003'));
		const diagnostic = diagnostics.find(entry => codeOf(entry) === 'AUP-CRD-003');
		assert.ok(diagnostic);
		const probe = await openView('4');
		await waitForState(probe, current => findings(current, 'credentials') === 1, 'the finding to reveal');
		const shown = waitForSelection(document.uri);
		assert.equal(await probe.receive({ type: 'reveal', findingId: firstFindingId(await probe.rendered()) }), true);
		const editor = await shown;
		assert.ok(editor.selection.isEqual(new vscode.Selection(diagnostic.range.start, diagnostic.range.end)), `selection ${JSON.stringify(editor.selection)}`);
		for (const bad of [{ type: 'reveal', findingId: '../../etc/passwd' }, { type: 'openPolicy', url: 'https://evil.example' }, { type: 'run', command: 'workbench.action.quit' }, 'ready']) {
			assert.equal(await probe.receive(bad), false, JSON.stringify(bad));
		}
	});
});

function firstFindingId(state: RenderedState): string {
	const [id] = item(state, 'credentials').links;
	assert.ok(id, 'the credentials item lists no finding');
	return id;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function lineOf(document: vscode.TextDocument, text: string): number {
	const line = document.getText().split(/\r?\n/).indexOf(text);
	assert.ok(line >= 0, `no line ${text}`);
	return line;
}

async function edit(document: vscode.TextDocument, line: number, text: string): Promise<void> {
	const change = new vscode.WorkspaceEdit();
	change.replace(document.uri, document.lineAt(line).range, text);
	assert.ok(await vscode.workspace.applyEdit(change));
}

function waitForSelection(uri: vscode.Uri): Promise<vscode.TextEditor> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			subscription.dispose();
			reject(new Error('the finding was not revealed'));
		}, DEFAULT_WAIT_MS);
		const subscription = vscode.window.onDidChangeTextEditorSelection(event => {
			if (event.textEditor.document.uri.toString() === uri.toString() && !event.selections[0].isEmpty) {
				clearTimeout(timer);
				subscription.dispose();
				resolve(event.textEditor);
			}
		});
	});
}
