import type { FileReport } from '../../../src/cli/report';
import type { Finding, Rule } from '../../../src/engine/index';
import { defineRule } from '../../../src/engine/rules/rule';

/** Hand-made scan results, so the formatters are tested without parsers or rules. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId'>): Finding {
	return {
		severity: 'warning',
		message: 'ingress allows port 22 from 0.0.0.0/0; restrict cidr_blocks to your network',
		range: { start: { line: 4, character: 18 }, end: { line: 4, character: 29 } },
		aupSection: '4',
		category: 'network-exposure',
		fixes: [],
		...overrides,
	};
}

export const NETWORK_RULE: Rule = defineRule({
	id: 'AUP-NET-901',
	title: 'Administrative port open to the internet',
	severity: 'warning',
	aupSection: '4',
	category: 'network-exposure',
	formats: ['terraform', 'cloudformation'],
	docs: 'SSH and RDP open to 0.0.0.0/0 are scanned and brute-forced within minutes.\n\nAllow only your own ranges, or use a bastion.',
	check: () => undefined,
});

export const MINING_RULE: Rule = defineRule({
	id: 'AUP-MIN-901',
	title: 'Crypto-miner image',
	severity: 'error',
	aupSection: '2',
	category: 'mining',
	formats: ['kubernetes', 'compose'],
	docs: 'Mining cryptocurrency on our infrastructure is prohibited by the AUP, whatever the account.',
	check: () => undefined,
});

export const REPORTS: readonly FileReport[] = [
	{
		path: 'infra/network.tf',
		format: 'terraform',
		findings: [
			finding({ ruleId: 'AUP-NET-901' }),
			finding({
				ruleId: 'AUP-NET-901',
				range: { start: { line: 11, character: 18 }, end: { line: 11, character: 29 } },
				message: 'ingress allows port 3389 from 0.0.0.0/0; restrict cidr_blocks to your network',
				suppressed: { reason: 'bastion behind the VPN', until: '2027-03-31' },
			}),
		],
		notes: [],
		errors: [],
		lineTexts: { 4: '    cidr_blocks = ["0.0.0.0/0"]', 11: '\tcidr_blocks   = ["0.0.0.0/0"]  ' },
	},
	{
		path: 'k8s/miner deploy.yaml',
		format: 'kubernetes',
		findings: [
			finding({
				ruleId: 'AUP-MIN-901',
				severity: 'error',
				message: "image 'xmrig/xmrig' is a crypto-miner; remove the container",
				range: { start: { line: 0, character: 0 }, end: { line: 2, character: 5 } },
				aupSection: '2',
				category: 'mining',
			}),
			finding({ ruleId: 'AUP-XYZ-999', severity: 'info', message: 'an info from a rule the run does not list', category: 'ai-review' }),
		],
		notes: [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 3 } }, message: 'YAML: bad indentation; the rest of this document was skipped' }],
		errors: [{ ruleId: 'AUP-MIN-901', message: 'boom' }],
		lineTexts: { 0: 'image: xmrig/xmrig', 4: 'kind: Pod' },
	},
	{ path: 'main.tf', format: 'terraform', findings: [], notes: [], errors: [] },
	{ path: 'big.tf', format: 'terraform', findings: [], notes: [], errors: [], skipped: 'larger than --max-file-size (3000000 > 2097152 bytes)' },
];
