// Diagnostics follow the document: edits, settings changes and closing the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	activateExtension, aupDiagnostics, closeAllEditors, describeDiagnostics, openFixture, ruleId, setSetting, summarise, waitForDiagnostics,
} from './helpers/index';

const FLAGGED = [
	{ code: 'AUP-NET-001', severity: 'warning', range: '24:20-24:29' },
	{ code: 'AUP-EXE-001', severity: 'warning', range: '44:4-44:62' },
];

describe('Diagnostics over a document\'s life', () => {
	let document: vscode.TextDocument;

	before(async () => {
		await activateExtension();
		document = await openFixture('flagged/network.tf');
		await waitForFindings(FLAGGED, 'the findings of the unedited file');
	});

	after(async () => {
		if (!document.isClosed) {
			await closeAllEditors([document]);
		}
	});

	it('follows edits: a fixed finding goes, the others move with their text', async () => {
		const sshSource = diagnosticOf('AUP-NET-001').range;
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(0, 0), '# reviewed: SSH only from the VPN\n');
		edit.replace(document.uri, sshSource, '10.20.0.0/16');
		assert.ok(await vscode.workspace.applyEdit(edit));
		await waitForFindings([{ code: 'AUP-EXE-001', severity: 'warning', range: '45:4-45:62' }], 'the edit to be scanned');

		// back to the file on disk: the findings come back where they were
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await waitForFindings(FLAGGED, 'the reverted file to be scanned');
	});

	it('turns a rule off through aupGuard.rules, and back on', async () => {
		const restore = await setSetting('aupGuard', 'rules', { 'AUP-EXE-001': 'off' });
		try {
			await waitForFindings([FLAGGED[0]], 'AUP-EXE-001 to be turned off');
		} finally {
			await restore();
		}
		await waitForFindings(FLAGGED, 'AUP-EXE-001 to be back after the setting was restored');
	});

	it('applies a severity override from aupGuard.rules', async () => {
		const restore = await setSetting('aupGuard', 'rules', { 'AUP-NET-001': 'error' });
		try {
			await waitForFindings([{ ...FLAGGED[0], severity: 'error' }, FLAGGED[1]], 'AUP-NET-001 to become an error');
		} finally {
			await restore();
		}
		await waitForFindings(FLAGGED, 'AUP-NET-001 to be a warning again');
	});

	it('clears the diagnostics when the file is closed', async () => {
		await closeAllEditors([document]);
		await waitForDiagnostics(document.uri, found => found.length === 0, undefined, 'no diagnostics after closing');
		assert.equal(aupDiagnostics(document.uri).length, 0);
	});

	function diagnosticOf(code: string): vscode.Diagnostic {
		const found = aupDiagnostics(document.uri).find(diagnostic => ruleId(diagnostic) === code);
		assert.ok(found, `no ${code} among ${describeDiagnostics(aupDiagnostics(document.uri))}`);
		return found;
	}

	async function waitForFindings(expected: readonly object[], waitingFor: string): Promise<void> {
		const matches = (found: vscode.Diagnostic[]): boolean => {
			try {
				assert.deepEqual(found.map(diagnostic => summarise(diagnostic)), expected);
				return true;
			} catch {
				return false;
			}
		};
		await waitForDiagnostics(document.uri, matches, undefined, `${waitingFor}: ${JSON.stringify(expected)}`);
	}
});
