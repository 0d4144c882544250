// A script an open Terraform file reads with file() is scanned from disk whatever its name, its
// findings point back at the call, and they follow the script on disk and the Terraform edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, openFixture, summarise, waitForDiagnostics } from './helpers/index';

const TERRAFORM = 'references/main.tf';
/** No extension and no shebang: only main.tf's `file("${path.module}/bootstrap")` says it is a script. */
const SCRIPT = 'references/bootstrap';
const CALL = 'file("${path.module}/bootstrap")';

describe('Scripts read by an open Terraform file', () => {
	let document: vscode.TextDocument;
	let original: Uint8Array;

	before(async () => {
		await activateExtension();
		original = await vscode.workspace.fs.readFile(fixtureUri(SCRIPT));
		document = await openFixture(TERRAFORM);
	});

	after(async () => {
		await vscode.workspace.fs.writeFile(fixtureUri(SCRIPT), original);
		if (!document.isClosed) {
			await vscode.commands.executeCommand('workbench.action.files.revert');
			await closeAllEditors([document]);
		}
	});

	it('puts the reverse shell in the script on the script, pointing back at the file() call', async () => {
		const diagnostics = await waitForDiagnostics(fixtureUri(SCRIPT), found => found.length > 0, undefined, 'the script\'s reverse shell');
		assert.deepEqual(diagnostics.map(diagnostic => summarise(diagnostic)), [{ code: 'AUP-ATK-001', severity: 'error', range: '4:0-4:41' }]);
		const related = diagnostics[0].relatedInformation ?? [];
		assert.deepEqual(related.map(info => [info.location.uri.toString(), info.message]), [[document.uri.toString(), 'Terraform reads this script here']]);
		assert.equal(document.getText(related[0].location.range), '"${path.module}/bootstrap"');
		assert.equal(related[0].location.range.start.line, 4);
	});

	it('follows the script on disk: fixed, the finding goes; back, it returns', async () => {
		await vscode.workspace.fs.writeFile(fixtureUri(SCRIPT), new TextEncoder().encode('set -eu\napt-get update -y\n'));
		await waitForDiagnostics(fixtureUri(SCRIPT), found => found.length === 0, undefined, 'the fixed script to be clean');
		await vscode.workspace.fs.writeFile(fixtureUri(SCRIPT), original);
		await waitForDiagnostics(fixtureUri(SCRIPT), found => found.length === 1, undefined, 'the finding to come back');
	});

	it('withdraws the script\'s findings while main.tf does not read it, and points at the call where it moves', async () => {
		const start = document.getText().indexOf(CALL);
		const call = new vscode.Range(document.positionAt(start), document.positionAt(start + CALL.length));
		const edit = new vscode.WorkspaceEdit();
		edit.replace(document.uri, call, 'null');
		assert.ok(await vscode.workspace.applyEdit(edit));
		await waitForDiagnostics(fixtureUri(SCRIPT), found => found.length === 0, undefined, 'the findings to be withdrawn');

		// Back, two lines lower: the pointer follows the call.
		const restore = new vscode.WorkspaceEdit();
		restore.replace(document.uri, new vscode.Range(call.start, call.start.translate(0, 'null'.length)), CALL);
		restore.insert(document.uri, new vscode.Position(0, 0), '# reviewed\n# by the platform team\n');
		assert.ok(await vscode.workspace.applyEdit(restore));
		const diagnostics = await waitForDiagnostics(fixtureUri(SCRIPT),
			found => found[0]?.relatedInformation?.[0]?.location.range.start.line === 6, undefined, 'the findings back, pointing two lines lower');
		assert.deepEqual(diagnostics.map(diagnostic => summarise(diagnostic)), [{ code: 'AUP-ATK-001', severity: 'error', range: '4:0-4:41' }]);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});
});
