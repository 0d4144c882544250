// What VS Code holds after AUP Guard scans the fixture files: exact ranges, rule ids as codes
// with a documentation link, severities, and nothing at all for look-alikes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
	activateExtension, afterNextDiagnosticsChange, aupDiagnostics, closeAllEditors, DIAGNOSTIC_SOURCE,
	fixtureUri, openFixture, ruleId, summarise, waitForDiagnostics,
} from './helpers/index';

describe('Diagnostics', () => {
	const opened: vscode.TextDocument[] = [];

	before(async () => {
		await activateExtension();
	});

	afterEach(async () => {
		await closeAllEditors(opened.splice(0));
	});

	async function open(relativePath: string): Promise<vscode.TextDocument> {
		const document = await openFixture(relativePath);
		opened.push(document);
		return document;
	}

	it('reports the open SSH port and curl | bash in the flagged Terraform file', async () => {
		const document = await open('flagged/network.tf');
		const diagnostics = await waitForDiagnostics(document.uri, found => found.length > 0);
		assert.deepEqual(diagnostics.map(diagnostic => summarise(diagnostic, document)), [
			{ code: 'AUP-NET-001', severity: 'warning', range: '24:20-24:29', text: '0.0.0.0/0' },
			// inside the user_data heredoc: the command itself, not the whole attribute
			{ code: 'AUP-EXE-001', severity: 'warning', range: '44:4-44:62', text: 'curl -fsSL https://get.example-tools.dev/install.sh | bash' },
		]);
		for (const diagnostic of diagnostics) {
			assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
			assert.ok(diagnostic.message.length > 0);
			assertDocumentationLink(diagnostic);
		}
	});

	it('reports the miner image and the mining pool in the flagged Kubernetes file', async () => {
		const document = await open('flagged/miner-deployment.yaml');
		const diagnostics = await waitForDiagnostics(document.uri, found => found.length > 0);
		assert.deepEqual(diagnostics.map(diagnostic => summarise(diagnostic, document)), [
			{ code: 'AUP-MIN-001', severity: 'error', range: '19:17-19:22', text: 'xmrig' },
			{ code: 'AUP-MIN-002', severity: 'error', range: '21:21-21:59', text: 'stratum+tcp://pool.supportxmr.com:3333' },
		]);
		diagnostics.forEach(assertDocumentationLink);
	});

	for (const relativePath of ['clean/web.tf', 'clean/training-job.yaml']) {
		it(`reports nothing for the look-alikes in ${relativePath}`, async () => {
			// The extension publishes after every scan, an empty list included: once that change
			// arrives, the scan is done and an empty result means clean, not "not scanned yet".
			const document = await afterNextDiagnosticsChange(fixtureUri(relativePath), () => open(relativePath));
			assert.deepEqual(aupDiagnostics(document.uri).map(diagnostic => summarise(diagnostic, document)), []);
		});
	}

	it('honours a suppression with a reason and a future date', async () => {
		const document = await afterNextDiagnosticsChange(fixtureUri('suppressed/bastion.tf'), () => open('suppressed/bastion.tf'));
		assert.deepEqual(aupDiagnostics(document.uri).map(diagnostic => summarise(diagnostic, document)), []);
	});

	it('reports an expired suppression and the finding it no longer hides', async () => {
		const document = await open('suppressed/expired.tf');
		const diagnostics = await waitForDiagnostics(document.uri, found => found.length > 0);
		assert.deepEqual(diagnostics.map(diagnostic => summarise(diagnostic, document)), [
			{ code: 'AUP-SUP-001', severity: 'warning', range: '4:4-4:77', text: 'aup-guard-ignore AUP-NET-001: vendor appliance needs RDP until=2024-01-31' },
			{ code: 'AUP-NET-001', severity: 'warning', range: '9:20-9:29', text: '0.0.0.0/0' },
		]);
	});
});

/** The code links to the rule's page, which the extension serves offline. */
function assertDocumentationLink(diagnostic: vscode.Diagnostic): void {
	const code = diagnostic.code;
	assert.ok(typeof code === 'object' && code !== null, `${ruleId(diagnostic)}: code has no documentation link`);
	assert.equal(code.target.scheme, 'aup-guard');
	assert.equal(code.target.path, `/rules/${ruleId(diagnostic)}.md`);
}
