// Organisation rules in the real VS Code: a .aupguard/rules.yaml created while the extension
// runs takes effect at once, its problems show on the file itself, and deleting it restores
// the built-in rules alone. The runner opens a temporary copy of the fixture workspace, and the
// rule matches only test/fixtures/workspace/org-rules/, so the other suites never see it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	activateExtension, afterNextDiagnosticsChange, aupDiagnostics, closeAllEditors, fixtureUri, openFixture, ruleId, summarise, waitForDiagnostics,
} from './helpers/index';

const RULES = `version: 1
rules:
  - id: ACME-GCP-001
    title: Machine types outside the e2 family
    message: "{resource} uses {value}; our policy allows the e2 family only"
    severity: warning
    aupSection: 5
    category: cost-scale
    formats: [terraform]
    match:
      resource: google_compute_instance
      attribute: machine_type
      value: { notRegex: "^e2-" }
`;

const BROKEN_RULE = `  - id: ACME-GCP-002
    title: A rule with a typo
    severity: urgent
    aupSection: 5
    category: cost-scale
    match: { resource: google_compute_instance }
`;

describe('Organisation rules', () => {
	const opened: vscode.TextDocument[] = [];
	const rulesFile = (): vscode.Uri => fixtureUri('.aupguard/rules.yaml');

	before(async () => {
		await activateExtension();
	});

	afterEach(async () => {
		await closeAllEditors(opened.splice(0));
		await removeRules();
	});

	// Through workspace edits and a save, as a user creates, edits and deletes the file in VS Code.
	async function removeRules(): Promise<void> {
		const edit = new vscode.WorkspaceEdit();
		edit.deleteFile(fixtureUri('.aupguard'), { recursive: true, ignoreIfNotExists: true });
		await vscode.workspace.applyEdit(edit);
	}

	async function create(text: string): Promise<void> {
		const edit = new vscode.WorkspaceEdit();
		edit.createFile(rulesFile(), { contents: new TextEncoder().encode(text), overwrite: true });
		assert.ok(await vscode.workspace.applyEdit(edit));
	}

	async function replace(text: string): Promise<void> {
		const document = await vscode.workspace.openTextDocument(rulesFile());
		const edit = new vscode.WorkspaceEdit();
		edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
		assert.ok(await vscode.workspace.applyEdit(edit));
		assert.ok(await document.save());
	}

	const hasOrgFinding = (found: vscode.Diagnostic[]): boolean => found.some(diagnostic => ruleId(diagnostic) === 'ACME-GCP-001');

	it('runs a rules file created, edited and deleted while documents are open', async () => {
		const document = await afterNextDiagnosticsChange(fixtureUri('org-rules/compute.tf'), () => openFixture('org-rules/compute.tf'));
		opened.push(document);
		assert.deepEqual(aupDiagnostics(document.uri).map(diagnostic => summarise(diagnostic, document)), []);

		await create(RULES);
		const found = await waitForDiagnostics(document.uri, hasOrgFinding, undefined, 'ACME-GCP-001 after the rules file was created');
		assert.deepEqual(found.map(diagnostic => summarise(diagnostic, document)), [
			{ code: 'ACME-GCP-001', severity: 'warning', range: '4:17-4:32', text: '"n2-highmem-32"' },
		]);
		assert.match(found[0].message, /google_compute_instance\.reporting uses n2-highmem-32; our policy allows the e2 family only/);
		assert.match(found[0].message, /\(AUP §5\)$/);

		// A broken rule is reported on its line; the file's valid rule keeps running.
		await replace(`${RULES}${BROKEN_RULE}`);
		const problems = await waitForDiagnostics(rulesFile(), list => list.length > 0, undefined, 'the problem in the rules file');
		assert.deepEqual(problems.map(diagnostic => summarise(diagnostic)), [{ code: '', severity: 'error', range: '15:14-15:20' }]);
		assert.match(problems[0].message, /'severity' must be one of error, warning, info/);
		assert.ok(hasOrgFinding(aupDiagnostics(document.uri)));

		await removeRules();
		await waitForDiagnostics(document.uri, list => !hasOrgFinding(list), undefined, 'ACME-GCP-001 to go with the rules file');
		await waitForDiagnostics(rulesFile(), list => list.length === 0, undefined, 'the rules file problems to clear');
	});
});
