import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/finding';
import { AUP_SUMMARY } from '../../../src/engine/policy/aup-summary';
import { computeStanding, type FileFinding } from '../../../src/engine/policy/standing';
import { buildViewModel, MAX_FINDINGS_PER_ITEM, resolveAnchor, webUrl } from '../../../src/extension/policy-view/model';

function backupFinding(line: number): FileFinding {
	const finding: Finding = { ruleId: 'AUP-BAK-001', severity: 'warning', message: 'no backups', range: { start: { line, character: 0 }, end: { line, character: 5 } }, aupSection: '4', category: 'backup-recovery', fixes: [] };
	return { file: 'infra/rds.tf', finding };
}

describe('AUP view model', () => {
	it('resolves item ids, section ids, numbers and anchors; nothing else', () => {
		assert.equal(resolveAnchor('backups', AUP_SUMMARY), 'item-backups');
		assert.equal(resolveAnchor({ item: 'mfa' }, AUP_SUMMARY), 'item-mfa');
		assert.equal(resolveAnchor('4', AUP_SUMMARY), 'section-4');
		assert.equal(resolveAnchor('§ 7', AUP_SUMMARY), 'section-7');
		assert.equal(resolveAnchor({ section: '5' }, AUP_SUMMARY), 'section-5');
		assert.equal(resolveAnchor('reporting', AUP_SUMMARY), 'section-7');
		assert.equal(resolveAnchor('section-3', AUP_SUMMARY), 'section-3');
		for (const other of ['8', 'nope', '', 4, undefined, null, { section: 4 }, ['4']]) {
			assert.equal(resolveAnchor(other, AUP_SUMMARY), undefined, String(other));
		}
	});

	it('accepts only http(s) policy URLs', () => {
		assert.equal(webUrl(' https://autoscalr.example/aup '), 'https://autoscalr.example/aup');
		for (const value of ['', undefined, 'command:workbench.action.openSettings', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
			assert.equal(webUrl(value), undefined, String(value));
		}
	});

	it('numbers findings in page order and keeps their links only on the extension side', () => {
		const findings = Array.from({ length: MAX_FINDINGS_PER_ITEM + 3 }, (_, index) => backupFinding(index));
		const standing = computeStanding(findings, AUP_SUMMARY, { filesChecked: 1 });
		const { model, links } = buildViewModel(AUP_SUMMARY, standing, { kind: 'workspace', filesChecked: 1 }, undefined);
		const backups = model.sections.flatMap(section => section.items).find(item => item.id === 'backups');
		assert.ok(backups);
		assert.equal(backups.total, MAX_FINDINGS_PER_ITEM + 3);
		assert.equal(backups.findings.length, MAX_FINDINGS_PER_ITEM);
		assert.equal(backups.hidden, 3);
		assert.deepEqual(backups.findings.map(finding => finding.line).slice(0, 3), [1, 2, 3]);
		assert.equal(links.size, MAX_FINDINGS_PER_ITEM);
		assert.equal(links.get('f1')?.range.start.line, 0);
		assert.equal(model.scopeNote, 'Standing from the workspace scan: 1 file checked.');
		assert.equal(model.policyUrl, undefined);
	});
});
