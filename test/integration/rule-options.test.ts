// aupGuard.ruleOptions in the real VS Code: a threshold set in the workspace settings reaches
// the rules at once, and putting the old value back brings the finding back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFixture, ruleId, setSetting, summarise, waitForDiagnostics } from './helpers/index';

const FIXTURE = 'rule-options/web-deployment.yaml';
const REPLICAS = { code: 'AUP-CST-001', severity: 'warning', range: '6:12-6:14', text: '80' };

describe('Rule options setting', () => {
	const opened: vscode.TextDocument[] = [];
	let restore: (() => Promise<void>) | undefined;

	before(async () => {
		await activateExtension();
	});

	afterEach(async () => {
		// The setting goes back even when an assertion failed, so later suites see the defaults.
		await restore?.();
		restore = undefined;
		await closeAllEditors(opened.splice(0));
	});

	it('reports 80 replicas at the default threshold and not once maxReplicas is 100', async () => {
		const document = await openFixture(FIXTURE);
		opened.push(document);
		const replicas = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter(diagnostic => ruleId(diagnostic) === 'AUP-CST-001');
		const before = await waitForDiagnostics(document.uri, found => replicas(found).length > 0, undefined, 'AUP-CST-001 at the default threshold');
		assert.deepEqual(replicas(before).map(diagnostic => summarise(diagnostic, document)), [REPLICAS]);

		restore = await setSetting('aupGuard', 'ruleOptions', { 'AUP-CST-001': { maxReplicas: 100 } });
		await waitForDiagnostics(document.uri, found => replicas(found).length === 0, undefined, 'AUP-CST-001 gone with maxReplicas 100');

		await restore();
		restore = undefined;
		const after = await waitForDiagnostics(document.uri, found => replicas(found).length > 0, undefined, 'AUP-CST-001 back once the setting is restored');
		assert.deepEqual(replicas(after).map(diagnostic => summarise(diagnostic, document)), [REPLICAS]);
	});

	it('reads ids in any case and falls back to the default for a value that is not a positive whole number', async () => {
		const document = await openFixture(FIXTURE);
		opened.push(document);
		const limit = (value: number) => (found: vscode.Diagnostic[]) =>
			found.some(diagnostic => ruleId(diagnostic) === 'AUP-CST-001' && diagnostic.message.includes(`above the limit of ${value} (option maxReplicas)`));
		await waitForDiagnostics(document.uri, limit(50), undefined, 'AUP-CST-001 at the default threshold');
		restore = await setSetting('aupGuard', 'ruleOptions', { 'aup-cst-001': { maxReplicas: 60 } });
		await waitForDiagnostics(document.uri, limit(60), undefined, 'the limit of 60 from a lower-case id');
		await setSetting('aupGuard', 'ruleOptions', { 'AUP-CST-001': { maxReplicas: 'many' } });
		const diagnostics = await waitForDiagnostics(document.uri, limit(50), undefined, 'the default limit again for maxReplicas "many"');
		assert.equal(diagnostics.filter(diagnostic => ruleId(diagnostic) === 'AUP-CST-001').length, 1);
	});
});
