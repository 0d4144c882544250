import * as assert from 'node:assert/strict';
import { ANSI, useColor } from '../../../src/cli/format/color';
import { formatText, formatWarnings, summary } from '../../../src/cli/format/text';
import { REPORTS } from './reports';

describe('cli text format', () => {
	it('prints compiler-style lines with 1-based positions and a summary, hiding suppressed findings', () => {
		assert.equal(formatText(REPORTS), [
			'infra/network.tf:5:19: warning AUP-NET-901 ingress allows port 22 from 0.0.0.0/0; restrict cidr_blocks to your network',
			"k8s/miner deploy.yaml:1:1: error AUP-MIN-901 image 'xmrig/xmrig' is a crypto-miner; remove the container",
			'k8s/miner deploy.yaml:5:19: info AUP-XYZ-999 an info from a rule the run does not list',
			'1 error, 1 warning, 1 info, 1 suppressed in 4 files',
			'',
		].join('\n'));
	});

	it('shows suppressed findings with their reason when asked', () => {
		const text = formatText(REPORTS, { showSuppressed: true });
		assert.match(text, /^infra\/network\.tf:12:19: warning AUP-NET-901 ingress allows port 3389 .* \(suppressed: bastion behind the VPN, until 2027-03-31\)$/m);
	});

	it('colours only the severity', () => {
		const line = formatText([REPORTS[0]], { palette: ANSI }).split('\n')[0];
		assert.equal(line, 'infra/network.tf:5:19: \u001b[33mwarning\u001b[0m AUP-NET-901 ingress allows port 22 from 0.0.0.0/0; restrict cidr_blocks to your network');
	});

	it('summarises counts with plurals, leaving out empty severities', () => {
		assert.equal(summary({ error: 3, warning: 1, info: 0, suppressed: 2, files: 12 }), '3 errors, 1 warning, 2 suppressed in 12 files');
		assert.equal(summary({ error: 0, warning: 0, info: 2, suppressed: 0, files: 1 }), '2 infos in 1 file');
		assert.equal(summary({ error: 0, warning: 0, info: 0, suppressed: 0, files: 0 }), 'no findings in 0 files');
		assert.equal(summary({ error: 0, warning: 0, info: 0, suppressed: 1, files: 3 }), 'no findings, 1 suppressed in 3 files');
	});

	it('turns notes, failed rules and skipped files into warnings for stderr', () => {
		assert.deepEqual(formatWarnings(REPORTS, ['README.md: not a recognised IaC format, skipped']), [
			'k8s/miner deploy.yaml:8:3: warning: YAML: bad indentation; the rest of this document was skipped',
			'k8s/miner deploy.yaml: warning: rule AUP-MIN-901 failed: boom',
			'big.tf: warning: not scanned: larger than --max-file-size (3000000 > 2097152 bytes)',
			'warning: README.md: not a recognised IaC format, skipped',
		]);
	});

	it('colours only a terminal, and never against NO_COLOR or --no-color', () => {
		assert.equal(useColor({ isTTY: true, env: {}, allowed: true }), true);
		assert.equal(useColor({ isTTY: true, env: { NO_COLOR: '' }, allowed: true }), true);
		assert.equal(useColor({ isTTY: true, env: { NO_COLOR: '1' }, allowed: true }), false);
		assert.equal(useColor({ isTTY: true, env: {}, allowed: false }), false);
		assert.equal(useColor({ isTTY: false, env: {}, allowed: true }), false);
		assert.equal(useColor({ env: {}, allowed: true }), false);
	});
});
