import * as assert from 'node:assert/strict';
import { formatJson } from '../../../src/cli/format/json';
import { formatRulesJson, formatRulesText } from '../../../src/cli/format/rules';
import { MINING_RULE, NETWORK_RULE, REPORTS } from './reports';

describe('cli json format', () => {
	it('prints exactly the documented shape: every finding, suppressed ones with their reason, and every file', () => {
		const report: unknown = JSON.parse(formatJson(REPORTS.slice(0, 1).concat(REPORTS.slice(2))));
		assert.deepEqual(report, {
			findings: [
				{
					ruleId: 'AUP-NET-901', severity: 'warning', file: 'infra/network.tf',
					range: { start: { line: 4, character: 18 }, end: { line: 4, character: 29 } },
					message: 'ingress allows port 22 from 0.0.0.0/0; restrict cidr_blocks to your network',
					aupSection: '4', category: 'network-exposure',
				},
				{
					ruleId: 'AUP-NET-901', severity: 'warning', file: 'infra/network.tf',
					range: { start: { line: 11, character: 18 }, end: { line: 11, character: 29 } },
					message: 'ingress allows port 3389 from 0.0.0.0/0; restrict cidr_blocks to your network',
					aupSection: '4', category: 'network-exposure',
					suppressed: { reason: 'bastion behind the VPN', until: '2027-03-31' },
				},
			],
			files: [
				{ path: 'infra/network.tf', format: 'terraform' },
				{ path: 'main.tf', format: 'terraform' },
				{ path: 'big.tf', format: 'terraform', error: 'not scanned: larger than --max-file-size (3000000 > 2097152 bytes)' },
			],
		});
	});

	it('gives a file whose rule failed an error, and leaves fixes out', () => {
		const report = JSON.parse(formatJson([REPORTS[1]])) as { findings: Record<string, unknown>[]; files: unknown[] };
		assert.deepEqual(report.files, [{ path: 'k8s/miner deploy.yaml', format: 'kubernetes', error: 'rule AUP-MIN-901 failed: boom' }]);
		assert.ok(report.findings.every(item => !('fixes' in item) && !('suppressed' in item)));
	});

	it('prints an empty report for an empty scan', () => {
		assert.deepEqual(JSON.parse(formatJson([])), { findings: [], files: [] });
	});
});

describe('cli rules format', () => {
	it('lists the documented fields of every rule as JSON', () => {
		assert.deepEqual(JSON.parse(formatRulesJson([NETWORK_RULE, MINING_RULE])), [
			{ id: 'AUP-NET-901', title: 'Administrative port open to the internet', severity: 'warning', aupSection: '4', category: 'network-exposure', formats: ['terraform', 'cloudformation'] },
			{ id: 'AUP-MIN-901', title: 'Crypto-miner image', severity: 'error', aupSection: '2', category: 'mining', formats: ['kubernetes', 'compose'] },
		]);
	});

	it('aligns the text table', () => {
		assert.equal(formatRulesText([NETWORK_RULE, MINING_RULE]), [
			'ID           SEVERITY  SECTION  CATEGORY          FORMATS                   TITLE',
			'AUP-NET-901  warning   4        network-exposure  terraform,cloudformation  Administrative port open to the internet',
			'AUP-MIN-901  error     2        mining            kubernetes,compose        Crypto-miner image',
			'',
		].join('\n'));
	});
});
