// The workspace scan, the Findings view, closed files' diagnostics and the status bar, after a
// real scan of the fixture workspace. Other suites' fixtures are scanned too, so assertions name
// known files rather than pinning whole trees.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AupGuardApi } from '../../src/extension/activate';
import type { TreeSnapshot } from '../../src/extension/workspace/register-workspace';
import { activateExtension, aupDiagnostics, closeAllEditors, DEFAULT_WAIT_MS, findings, fixtureUri, openFixture, openView, ruleId, status, waitForDiagnostics, waitForState } from './helpers/index';

interface ScanSummary {
	readonly files: number;
	readonly scanned: number;
	readonly findings: number;
	readonly cancelled: boolean;
}

describe('Workspace view', () => {
	let api: AupGuardApi;
	const ignoreFile = (): vscode.Uri => fixtureUri('.aupguardignore');

	before(async () => {
		api = (await activateExtension()).exports as AupGuardApi;
		await vscode.workspace.fs.writeFile(ignoreFile(), new TextEncoder().encode('# rendered samples for a detection pipeline\nworkspace-view/ignored/\n'));
	});

	after(async () => {
		await vscode.workspace.fs.delete(ignoreFile()).then(undefined, () => undefined);
		await closeAllEditors(vscode.workspace.textDocuments.filter(document => document.uri.scheme === 'file'));
	});

	it('scans the workspace and groups findings by AUP section, then file', async () => {
		const summary = await vscode.commands.executeCommand<ScanSummary>('aupGuard.scanWorkspace');
		assert.equal(summary.cancelled, false);
		assert.ok(summary.scanned >= 8, `scanned ${summary.scanned} files`);
		const roots = api.workspace.findingsTree();
		const prohibited = roots.find(node => node.label === 'AUP §3 Prohibited Activities');
		assert.ok(prohibited, `no section 3 group in ${labels(roots)}`);
		assert.match(prohibited.description ?? '', /^\d+ errors?, \d+ warnings?.* in \d+ files$/);
		const admin = prohibited.children.find(node => node.label === 'admin-sg.tf');
		assert.deepEqual(admin && { description: admin.description, icon: admin.icon, children: admin.children.map(child => [child.description, child.icon]) }, {
			description: 'workspace-view · 1 warning',
			icon: 'file',
			children: [['AUP-NET-001 · Ln 16', 'warning']],
		});
		const miner = prohibited.children.find(node => node.label === 'miner-deployment.yaml');
		const minerFindings = miner?.children.map(child => child.description) ?? [];
		assert.ok(minerFindings.includes('AUP-MIN-001 · Ln 20') && minerFindings.includes('AUP-MIN-002 · Ln 22'), minerFindings.join(', '));
		assert.ok(!everything(roots).some(node => node.label === 'clean.tf' || node.label === 'web.tf' || node.label === 'values.yaml'), 'clean and non-IaC files are not listed');
	});

	it('gives the AUP view the standing of every scanned file, closed ones included', async () => {
		await closeAllEditors(vscode.workspace.textDocuments.filter(document => document.uri.scheme === 'file'));
		const probe = await openView(undefined);
		// miner-deployment.yaml is closed: only the workspace scan knows its miner and pool.
		const state = await waitForState(probe, current => current.source === 'workspace' && findings(current, 'illegal-harmful') >= 2, 'the workspace standing');
		assert.equal(status(state, 'illegal-harmful'), 'findings');
		await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	});

	it('honours .aupguardignore at the folder root', () => {
		const all = everything(api.workspace.findingsTree());
		assert.ok(!all.some(node => node.label === 'rendered-miner.yaml'), 'the ignored folder is not scanned');
		assert.deepEqual(aupDiagnostics(fixtureUri('workspace-view/ignored/rendered-miner.yaml')), []);
	});

	it('lists generated files to review first, and suppressed findings apart with their reasons', () => {
		const roots = api.workspace.findingsTree();
		assert.equal(roots[0]?.label, 'Generated, Not Reviewed');
		const generated = roots[0].children.find(node => node.label === 'generated-db-sg.tf');
		assert.match(generated?.description ?? '', /^review · 1 warning · not reviewed$/);
		const suppressed = roots.at(-1);
		assert.equal(suppressed?.label, 'Suppressed');
		assert.ok(suppressed.children.some(node => /^AUP-NET-001 · bastion\.tf:\d+ · .+/.test(node.description ?? '')), labels(suppressed.children));
	});

	it('puts closed files\' findings in the Problems panel', async () => {
		const diagnostics = await waitForDiagnostics(fixtureUri('workspace-view/admin-sg.tf'), found => found.length > 0);
		assert.deepEqual(diagnostics.map(diagnostic => `${ruleId(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`), ['AUP-NET-001 15:20']);
	});

	it('scans the scripts Terraform files read, whatever their names', async () => {
		// references/bootstrap has no extension and no shebang: references/main.tf reads it with file().
		const script = fixtureUri('references/bootstrap');
		const diagnostics = await waitForDiagnostics(script, found => found.length > 0);
		assert.deepEqual(diagnostics.map(diagnostic => `${ruleId(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}`), ['AUP-ATK-001 4:0']);
		assert.deepEqual(diagnostics[0].relatedInformation?.map(info => vscode.workspace.asRelativePath(info.location.uri)), ['references/main.tf']);
		const prohibited = api.workspace.findingsTree().find(node => node.label === 'AUP §3 Prohibited Activities');
		assert.ok(prohibited?.children.some(node => node.label === 'bootstrap'), labels(prohibited?.children ?? []));
	});

	it('groups by file when asked', async () => {
		await vscode.commands.executeCommand('aupGuard.findings.groupByFile');
		try {
			const roots = api.workspace.findingsTree();
			const admin = roots.find(node => node.label === 'admin-sg.tf');
			assert.equal(admin?.kind, 'file');
			assert.equal(admin?.description, 'workspace-view · 1 warning');
			assert.ok(!roots.some(node => node.kind === 'section'));
		} finally {
			await vscode.commands.executeCommand('aupGuard.findings.groupBySection');
		}
		assert.ok(api.workspace.findingsTree().some(node => node.kind === 'section'));
	});

	it('counts the active file and the workspace in the status bar', async () => {
		const workspaceOnly = api.workspace.statusBarText();
		assert.match(workspaceOnly ?? '', /^\$\(shield\) (\d+ · )?\d+$/);
		await openFixture('workspace-view/admin-sg.tf');
		const text = await waitFor(() => {
			const current = api.workspace.statusBarText();
			return current && /^\$\(shield\) 1 · \d+$/.test(current) ? current : undefined;
		}, 'the status bar to count the active file');
		const total = Number(text.split(' · ')[1]);
		assert.ok(total >= 6, text);
	});

	it('rescans a closed file when it appears, and forgets it when deleted', async () => {
		const added = fixtureUri('workspace-view/added-later.tf');
		const text = 'resource "aws_security_group_rule" "ssh" {\n  type        = "ingress"\n  from_port   = 22\n  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n';
		await vscode.workspace.fs.writeFile(added, new TextEncoder().encode(text));
		await waitFor(() => everything(api.workspace.findingsTree()).find(node => node.label === 'added-later.tf'), 'the new file in the tree');
		await vscode.workspace.fs.delete(added);
		await waitFor(() => everything(api.workspace.findingsTree()).some(node => node.label === 'added-later.tf') ? undefined : true, 'the deleted file to leave the tree');
		assert.deepEqual(aupDiagnostics(added), []);
	});

	/** Resolves with `probe()` once defined, checked now and after each change of the store or editor. */
	function waitFor<T>(probe: () => T | undefined, waitingFor: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
		return new Promise((resolve, reject) => {
			const subscriptions: vscode.Disposable[] = [];
			const timer = setTimeout(() => {
				finish();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${waitingFor}; status bar: ${api.workspace.statusBarText()}`));
			}, timeoutMs);
			function finish(): void {
				clearTimeout(timer);
				subscriptions.forEach(subscription => subscription.dispose());
			}
			function check(): void {
				const value = probe();
				if (value !== undefined) {
					finish();
					resolve(value);
				}
			}
			subscriptions.push(api.workspace.onDidChangeFindings(check), vscode.window.onDidChangeActiveTextEditor(() => queueMicrotask(check)));
			check();
		});
	}
});

function everything(nodes: readonly TreeSnapshot[]): TreeSnapshot[] {
	return nodes.flatMap(node => [node, ...everything(node.children)]);
}

function labels(nodes: readonly TreeSnapshot[]): string {
	return nodes.map(node => `${node.label} (${node.description ?? ''})`).join(', ');
}
