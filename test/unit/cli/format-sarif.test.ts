import * as assert from 'node:assert/strict';
import { FINGERPRINT_KEY } from '../../../src/cli/format/fingerprint';
import { formatSarif } from '../../../src/cli/format/sarif';
import type { FileReport } from '../../../src/cli/report';
import { finding, MINING_RULE, NETWORK_RULE, REPORTS } from './reports';

interface SarifResult {
	ruleId: string;
	ruleIndex: number;
	level: string;
	message: { text: string };
	locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
	partialFingerprints: Record<string, string>;
	suppressions?: { kind: string; status: string; justification: string; properties?: { until: string } }[];
}

interface SarifLog {
	$schema: string;
	version: string;
	runs: {
		tool: { driver: { name: string; version: string; rules: { id: string; name: string; defaultConfiguration: { level: string }; properties: Record<string, unknown>; help: { markdown: string }; fullDescription: { text: string } }[] } };
		originalUriBaseIds?: Record<string, { uri: string }>;
		results: SarifResult[];
		invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; associatedRule?: { id: string } }[] }[];
	}[];
}

function sarif(files: readonly FileReport[], srcRoot?: string): SarifLog {
	return JSON.parse(formatSarif(files, { rules: [NETWORK_RULE, MINING_RULE], version: '1.2.3', srcRoot })) as SarifLog;
}

describe('cli sarif format', () => {
	it('writes one SARIF 2.1.0 run from AUP Guard with every rule the scan ran', () => {
		const log = sarif(REPORTS, 'file:///work/repo/');
		assert.equal(log.version, '2.1.0');
		assert.match(log.$schema, /sarif-2\.1\.0/);
		assert.equal(log.runs.length, 1);
		const [run] = log.runs;
		assert.equal(run.tool.driver.name, 'AUP Guard');
		assert.equal(run.tool.driver.version, '1.2.3');
		assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/repo/' } });
		const network = run.tool.driver.rules[0];
		assert.equal(network.id, 'AUP-NET-901');
		assert.equal(network.name, 'AdministrativePortOpenToTheInternet');
		assert.equal(network.defaultConfiguration.level, 'warning');
		assert.deepEqual(network.properties, { aupSection: '4', category: 'network-exposure', tags: ['security', 'aup', 'network-exposure'] });
		assert.equal(network.fullDescription.text, 'SSH and RDP open to 0.0.0.0/0 are scanned and brute-forced within minutes.');
		assert.match(network.help.markdown, /use a bastion\.$/);
	});

	it('points every result at its rule by index, adding a descriptor for a rule the run did not list', () => {
		const [run] = sarif(REPORTS).runs;
		assert.deepEqual(run.results.map(result => [result.ruleId, result.ruleIndex, result.level]), [
			['AUP-NET-901', 0, 'warning'],
			['AUP-NET-901', 0, 'warning'],
			['AUP-MIN-901', 1, 'error'],
			['AUP-XYZ-999', 2, 'note'],
		]);
		for (const result of run.results) {
			assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
		}
	});

	it('gives 1-based regions with an exclusive end column and relative, encoded URIs', () => {
		const [run] = sarif(REPORTS).runs;
		assert.deepEqual(run.results[0].locations[0].physicalLocation, {
			artifactLocation: { uri: 'infra/network.tf', uriBaseId: '%SRCROOT%' },
			region: { startLine: 5, startColumn: 19, endLine: 5, endColumn: 30 },
		});
		assert.equal(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'k8s/miner%20deploy.yaml');
	});

	it('keeps suppressed findings as results with an in-source suppression and its justification', () => {
		const [run] = sarif(REPORTS).runs;
		assert.equal(run.results[0].suppressions, undefined);
		assert.deepEqual(run.results[1].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'bastion behind the VPN', properties: { until: '2027-03-31' } }]);
	});

	it('fingerprints a finding by rule, file and line text, so moving the line keeps it and identical lines stay apart', () => {
		const report = (line: number, texts: Record<number, string>, count = 1): FileReport => ({
			path: 'infra/network.tf', format: 'terraform', notes: [], errors: [], lineTexts: texts,
			findings: Array.from({ length: count }, (_, index) => finding({ ruleId: 'AUP-NET-901', range: { start: { line: line + index * 5, character: 4 }, end: { line: line + index * 5, character: 9 } } })),
		});
		const fingerprint = (file: FileReport, index = 0): string => sarif([file]).runs[0].results[index].partialFingerprints[FINGERPRINT_KEY];
		const before = fingerprint(report(4, { 4: '  cidr_blocks = ["0.0.0.0/0"]' }));
		assert.match(before, /^[0-9a-f]{32}:1$/);
		assert.equal(fingerprint(report(9, { 9: '\tcidr_blocks  =  ["0.0.0.0/0"]   ' })), before);
		assert.notEqual(fingerprint(report(4, { 4: '  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]' })), before);
		assert.notEqual(fingerprint({ ...report(4, { 4: '  cidr_blocks = ["0.0.0.0/0"]' }), path: 'infra/other.tf' }), before);
		const twice = report(4, { 4: '  cidr_blocks = ["0.0.0.0/0"]', 9: '  cidr_blocks = ["0.0.0.0/0"]' }, 2);
		assert.deepEqual([fingerprint(twice, 0), fingerprint(twice, 1)], [before, before.replace(/:1$/, ':2')]);
	});

	it('reports notes, failed rules and skipped files as tool notifications', () => {
		const [invocation] = sarif(REPORTS).runs[0].invocations;
		assert.equal(invocation.executionSuccessful, true);
		assert.deepEqual(invocation.toolExecutionNotifications.map(item => [item.level, item.message.text, item.associatedRule?.id]), [
			['note', 'YAML: bad indentation; the rest of this document was skipped', undefined],
			['error', 'boom', 'AUP-MIN-901'],
			['warning', 'not scanned: larger than --max-file-size (3000000 > 2097152 bytes)', undefined],
		]);
	});

	it('omits the source root when it is not known and still lists the rules for an empty scan', () => {
		const [run] = sarif([]).runs;
		assert.equal(run.originalUriBaseIds, undefined);
		assert.deepEqual(run.results, []);
		assert.equal(run.tool.driver.rules.length, 2);
	});
});
