import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError, type ScanArgs } from '../../../src/cli/args';
import { main, type CliStream } from '../../../src/cli/main';
import { withRuleOptions } from '../../../src/cli/rule-options';
import type { FileScanner } from '../../../src/cli/scan-one';
import type { ScanOptions } from '../../../src/engine/index';

function scan(...argv: string[]): ScanArgs {
	const args = parseArgs(['scan', ...argv]);
	assert.equal(args.command, 'scan');
	return args as ScanArgs;
}

describe('cli --rule-option', () => {
	it('reads repeated options into options per rule id, in both flag forms', () => {
		const args = scan('infra', '--rule-option', 'AUP-CST-001.maxInstances=200', '--rule-option=aup-cst-001.maxReplicas=300',
			'--rule-option', 'AUP-CST-002.maxGpus = 16', '--rule-option', 'AUP-CST-002.label=gpu team', '--rule-option', 'AUP-CST-002.strict=false');
		assert.deepEqual(args.ruleOptions, {
			'AUP-CST-001': { maxInstances: 200, maxReplicas: 300 },
			'AUP-CST-002': { maxGpus: 16, label: 'gpu team', strict: false },
		});
		assert.deepEqual(args.paths, ['infra']);
	});

	it('lets a later value of the same option win and leaves the field out when not given', () => {
		assert.deepEqual(scan('--rule-option', 'AUP-CST-001.maxInstances=200', '--rule-option', 'AUP-CST-001.maxInstances=80').ruleOptions, { 'AUP-CST-001': { maxInstances: 80 } });
		assert.ok(!('ruleOptions' in scan('infra')));
	});

	it('rejects malformed options and unknown rule ids as usage errors of scan', () => {
		const cases: [string, RegExp][] = [
			['maxInstances=200', /must look like RULE-ID\.option=value/],
			['AUP-CST-001.maxInstances', /must look like RULE-ID\.option=value/],
			['AUP-CST-001=200', /must look like RULE-ID\.option=value/],
			['AUP-CST-001.maxInstances=', /AUP-CST-001\.maxInstances needs a value/],
			['AUP-CST-009.maxInstances=5', /names no rule 'AUP-CST-009'/],
		];
		for (const [value, message] of cases) {
			assert.throws(() => parseArgs(['scan', '--rule-option', value]), (error: unknown) => {
				assert.ok(error instanceof UsageError, String(error));
				assert.match(error.message, message);
				assert.equal(error.topic, 'scan');
				return true;
			}, value);
		}
		assert.throws(() => parseArgs(['scan', '--rule-option']), /--rule-option needs a value/);
	});

	it('adds the options to every scan, over the options the scan already had', async () => {
		const seen: ScanOptions[] = [];
		const inner: FileScanner = {
			formatOf: () => 'kubernetes',
			forget: () => undefined,
			scan: async (_input, options = {}) => {
				seen.push(options);
				return { format: 'kubernetes', findings: [], notes: [], errors: [], cancelled: false };
			},
		};
		const scanner = withRuleOptions(inner, { 'AUP-CST-001': { maxReplicas: 100 } });
		await scanner.scan({ path: 'a.yaml', text: '' }, { maxFileSize: 10, ruleOptions: { 'AUP-CST-001': { maxReplicas: 5, maxInstances: 7 }, 'AUP-CST-002': { maxGpus: 2 } } });
		assert.deepEqual(seen, [{ maxFileSize: 10, ruleOptions: { 'AUP-CST-001': { maxReplicas: 100, maxInstances: 7 }, 'AUP-CST-002': { maxGpus: 2 } } }]);
		assert.equal(withRuleOptions(inner, undefined), inner);
	});
});

class Buffered implements CliStream {
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 80
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

describe('aup-guard scan --rule-option', () => {
	let folder: string;

	before(async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'aup-guard-rule-options-'));
		await writeFile(path.join(folder, 'web.yaml'), DEPLOYMENT);
	});

	after(async () => {
		await rm(folder, { recursive: true, force: true });
	});

	async function cst001(...flags: string[]): Promise<{ code: number; lines: number[]; stderr: string }> {
		const stdout = new Buffered();
		const stderr = new Buffered();
		const code = await main(['scan', '--format', 'json', '--fail-on', 'warning', ...flags, '.'], { stdout, stderr, cwd: folder, env: {} });
		const report = JSON.parse(stdout.text) as { findings: { ruleId: string; range: { start: { line: number } } }[] };
		return { code, lines: report.findings.filter(finding => finding.ruleId === 'AUP-CST-001').map(finding => finding.range.start.line), stderr: stderr.text };
	}

	it('reports 80 replicas at the default threshold and not once maxReplicas is 100', async () => {
		assert.deepEqual((await cst001()).lines, [5]);
		const raised = await cst001('--rule-option', 'AUP-CST-001.maxReplicas=100');
		assert.deepEqual(raised, { code: 0, lines: [], stderr: '' });
	});

	it('wins over the ruleOptions of the organisation rules file, option by option', async () => {
		await mkdir(path.join(folder, '.aupguard'), { recursive: true });
		await writeFile(path.join(folder, '.aupguard', 'rules.yaml'), 'version: 1\nruleOptions:\n  AUP-CST-001:\n    maxReplicas: 100\n    maxInstances: 10\n');
		try {
			assert.deepEqual((await cst001()).lines, [], 'the rules file raises the threshold');
			assert.deepEqual((await cst001('--rule-option', 'AUP-CST-001.maxReplicas=60')).lines, [5], 'the command line lowers it again');
		} finally {
			await rm(path.join(folder, '.aupguard'), { recursive: true, force: true });
		}
	});
});
