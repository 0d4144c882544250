// Code actions on findings in the real VS Code: the quick fixes offered, the file after applying
// them (rescanned: the finding gone, nothing new reported), fix-all for a rule, fix on save, and
// suppression comments inserted by the command with the reason supplied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	activateExtension, closeAllEditors, openFixture, ruleId, setSetting, waitForDiagnostics,
} from './helpers/index';

describe('Code actions', () => {
	const opened: vscode.TextDocument[] = [];

	before(async () => {
		await activateExtension();
	});

	afterEach(async () => {
		await closeAllEditors(opened.splice(0));
	});

	/**
	 * Opens a fixture and waits for `count` findings of `id`. Other rules may flag the same file as
	 * the catalog grows; the tests look only at the rule they are about, and check that a fix
	 * leaves the others as they were.
	 */
	async function openFlagged(relativePath: string, id: string, count: number): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[]; others: string[] }> {
		const document = await openFixture(relativePath);
		opened.push(document);
		const all = await waitForDiagnostics(document.uri, found => of(id, found).length === count, undefined, `${count} ${id} findings`);
		return { document, diagnostics: of(id, all), others: othersThan(id, all) };
	}

	async function actionsAt(document: vscode.TextDocument, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
		const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind?.value);
		return actions.filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
	}

	it('offers the engine\'s fixes, fix-all, suppress, explain and report for a hard-coded password', async () => {
		const { document, diagnostics } = await openFlagged('fixes/orders-db.tf', 'AUP-CRD-003', 2);
		const actions = await actionsAt(document, diagnostics[0].range);
		const ours = actions.filter(action => /AUP-CRD-003|var\.orders_password|manage_master_user_password/.test(action.title));
		// VS Code orders actions itself (preferred first); what matters is which are offered and how.
		assert.deepEqual(ours.map(action => [action.title, action.isPreferred === true]).sort(), [
			['Explain AUP-CRD-003 (AUP section 3)', false],
			['Fix all AUP-CRD-003 problems in this file', false],
			['Let RDS keep the master password in Secrets Manager (manage_master_user_password)', false],
			['Replace with var.orders_password, declared sensitive at the end of the file', true],
			['Report AUP-CRD-003…', false],
			['Suppress AUP-CRD-003 on this line…', false],
		]);
		for (const action of ours) {
			assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value, action.title);
		}
		const byTitle = (prefix: string): vscode.CodeAction | undefined => ours.find(action => action.title.startsWith(prefix));
		assert.equal(byTitle('Suppress')?.command?.command, 'aupGuard.suppressFinding');
		assert.deepEqual(byTitle('Explain')?.command?.arguments, [{ section: '3' }]);
		const reported = byTitle('Report')?.command?.arguments?.[0] as { uri: string; ruleId: string; range: unknown; message: string };
		assert.equal(byTitle('Report')?.command?.command, 'aupGuard.reportViolation');
		assert.deepEqual({ ...reported, message: typeof reported.message }, {
			uri: document.uri.toString(), ruleId: 'AUP-CRD-003', message: 'string',
			range: { start: { line: 7, character: 23 }, end: { line: 7, character: 44 } },
		});
	});

	it('applies the preferred fix: the variable is declared, the finding goes and nothing new appears', async () => {
		const { document, diagnostics, others } = await openFlagged('fixes/orders-db.tf', 'AUP-CRD-003', 2);
		const fix = (await actionsAt(document, diagnostics[0].range)).find(action => action.isPreferred);
		assert.ok(fix?.edit, 'a preferred fix with an edit');
		const after = waitForDiagnostics(document.uri, found => of('AUP-CRD-003', found).length === 1, undefined, 'only the reports password');
		assert.ok(await vscode.workspace.applyEdit(fix.edit));
		const remaining = await after;
		assert.equal(of('AUP-CRD-003', remaining)[0].range.start.line, 16);
		assert.deepEqual(othersThan('AUP-CRD-003', remaining), others, 'the fix added no finding and the file still parses');
		const text = document.getText();
		assert.match(text, /^ {2}password {10}= var\.orders_password$/m);
		assert.ok(text.endsWith('}\n\nvariable "orders_password" {\n  type      = string\n  sensitive = true\n}\n'), text);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	it('names the variable apart from those the module\'s other files declare', async () => {
		// variables.tf beside main.tf already declares billing_password.
		const { document, diagnostics } = await openFlagged('fixes-module/main.tf', 'AUP-CRD-003', 1);
		const fix = (await actionsAt(document, diagnostics[0].range)).find(action => action.isPreferred);
		assert.equal(fix?.title, 'Replace with var.billing_password_2, declared sensitive at the end of the file');
		assert.ok(fix.edit, 'the fix has an edit');
		const after = waitForDiagnostics(document.uri, found => of('AUP-CRD-003', found).length === 0, undefined, 'no password finding');
		assert.ok(await vscode.workspace.applyEdit(fix.edit));
		await after;
		assert.match(document.getText(), /^variable "billing_password_2" \{$/m);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	it('fixes every finding of the rule at once', async () => {
		const { document, diagnostics, others } = await openFlagged('fixes/orders-db.tf', 'AUP-CRD-003', 2);
		const fixAll = (await actionsAt(document, diagnostics[1].range)).find(action => action.title === 'Fix all AUP-CRD-003 problems in this file');
		assert.ok(fixAll?.edit);
		const cleared = waitForDiagnostics(document.uri, found => of('AUP-CRD-003', found).length === 0, undefined, 'no password findings');
		assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
		assert.deepEqual(othersThan('AUP-CRD-003', await cleared), others);
		assert.match(document.getText(), /password {10}= var\.orders_password[\s\S]*password {10}= var\.reports_password[\s\S]*variable "orders_password"[\s\S]*variable "reports_password"/);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	it('fixes the file on save with editor.codeActionsOnSave', async () => {
		const restore = await setSetting('editor', 'codeActionsOnSave', { 'source.fixAll.aupGuard': 'explicit' });
		try {
			const { document } = await openFlagged('fixes/save-fix.tf', 'AUP-CRD-003', 1);
			const edit = new vscode.WorkspaceEdit();
			edit.insert(document.uri, new vscode.Position(0, 0), '# Billing database credentials\n');
			assert.ok(await vscode.workspace.applyEdit(edit));
			const cleared = waitForDiagnostics(document.uri, found => found.length === 0, undefined, 'no findings after save');
			const saved = new Promise<void>(resolve => {
				const subscription = vscode.workspace.onDidSaveTextDocument(savedDocument => {
					if (savedDocument === document) {
						subscription.dispose();
						resolve();
					}
				});
			});
			await vscode.commands.executeCommand('workbench.action.files.save');
			await saved;
			await cleared;
			assert.equal(document.getText(), [
				'# Billing database credentials',
				'locals {',
				'  billing_db_user     = "billing_admin"',
				'  billing_db_password = var.billing_db_password',
				'}',
				'',
				'variable "billing_db_password" {',
				'  type      = string',
				'  sensitive = true',
				'}',
				'',
			].join('\n'));
		} finally {
			await restore();
		}
	});

	it('narrows a world-open security group rule to a variable it declares', async () => {
		const { document, diagnostics, others } = await openFlagged('fixes/bastion.tf', 'AUP-NET-001', 1);
		const actions = await actionsAt(document, diagnostics[0].range);
		const narrow = actions.find(action => action.title.startsWith('Narrow the source to var.bastion_allowed_cidrs'));
		assert.ok(narrow?.edit, `a narrowing fix among ${actions.map(action => action.title).join('; ')}`);
		// Only the user knows the right range: never preferred, so fix-on-save leaves it alone.
		assert.equal(narrow.isPreferred, false);
		assert.equal(narrow.kind?.value, vscode.CodeActionKind.QuickFix.value);
		const cleared = waitForDiagnostics(document.uri, found => of('AUP-NET-001', found).length === 0, undefined, 'no open SSH port after the fix');
		assert.ok(await vscode.workspace.applyEdit(narrow.edit));
		assert.deepEqual(othersThan('AUP-NET-001', await cleared), others, 'the fix added no finding and the file still parses');
		const text = document.getText();
		assert.match(text, /^ {4}cidr_blocks = var\.bastion_allowed_cidrs$/m);
		assert.ok(text.endsWith('}\n\nvariable "bastion_allowed_cidrs" {\n  type        = list(string)\n  description = "Source ranges (CIDR) allowed to reach aws_security_group.bastion instead of the whole internet"\n}\n'), text);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	for (const [relativePath, line, indentation, id] of [['fixes/bastion.tf', 8, '    ', 'AUP-NET-001'], ['fixes/benchmark.yaml', 13, '          ', 'AUP-MIN-001']] as const) {
		it(`inserts a suppression above the finding in ${relativePath}, indented like its line`, async () => {
			const { document, diagnostics, others } = await openFlagged(relativePath, id, 1);
			const finding = diagnostics[0];
			assert.equal(finding.range.start.line, line);
			const original = document.lineAt(line).text;
			const cleared = waitForDiagnostics(document.uri, found => of(id, found).length === 0, undefined, 'the finding suppressed');
			const inserted = await vscode.commands.executeCommand<boolean>('aupGuard.suppressFinding',
				{ uri: document.uri.toString(), ruleId: id, range: { start: finding.range.start, end: finding.range.end } },
				{ reason: 'approved by the platform team for the lab account', until: '2099-12-31' });
			assert.equal(inserted, true);
			assert.deepEqual(othersThan(id, await cleared), others.map(entry => entry.replace(/ (\d+):/, (_match, at: string) => ` ${Number(at) >= line ? Number(at) + 1 : at}:`)), 'no AUP-SUP-001, nothing else changed');
			assert.equal(document.lineAt(line).text, `${indentation}# aup-guard-ignore ${id}: approved by the platform team for the lab account until=2099-12-31`);
			assert.equal(document.lineAt(line + 1).text, original);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		});
	}
});

function of(id: string, diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
	return diagnostics.filter(diagnostic => ruleId(diagnostic) === id);
}

/** The other rules' findings as `AUP-XXX-000 line:character`, to compare before and after. */
function othersThan(id: string, diagnostics: readonly vscode.Diagnostic[]): string[] {
	return diagnostics.filter(diagnostic => ruleId(diagnostic) !== id).map(diagnostic => `${ruleId(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
}
