import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type CliStream } from '../../../src/cli/main';
import { BUILTIN_RULES, findRule } from '../../../src/engine/index';
import pkg from '../../../package.json';

class Buffered implements CliStream {
	text = '';
	constructor(readonly isTTY = false) { }
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
	const stdout = new Buffered();
	const stderr = new Buffered();
	const code = await main(argv, { stdout, stderr, cwd, env: {} });
	return { code, stdout: stdout.text, stderr: stderr.text };
}

interface JsonOutput {
	findings: { ruleId: string; severity: string; file: string; range: { start: { line: number; character: number } }; suppressed?: { reason: string; until?: string } }[];
	files: { path: string; format: string; error?: string }[];
}

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n';
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n';
const OPEN_SSH = `resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

const MINER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: batch-worker
spec:
  replicas: 3
  selector:
    matchLabels:
      app: batch-worker
  template:
    metadata:
      labels:
        app: batch-worker
    spec:
      containers:
        - name: worker
          image: xmrig/xmrig:6.21.0
          resources:
            limits:
              cpu: "4"
`;

describe('cli main', () => {
	let root: string;

	before(async () => {
		root = await mkdtemp(path.join(tmpdir(), 'aup-cli-'));
		const files: Record<string, string> = {
			'.git/HEAD': 'ref: refs/heads/main\n',
			'.gitignore': 'build/\n*.local.tf\n',
			'.aupguardignore': 'fixtures/\n',
			'infra/storage.tf': BUCKET,
			'infra/dev.local.tf': BUCKET,
			'infra/modules/.gitignore': '!keep.local.tf\n',
			'infra/modules/keep.local.tf': BUCKET,
			'build/generated.tf': BUCKET,
			'fixtures/sample.tf': BUCKET,
			'k8s/settings.yaml': CONFIG_MAP,
			'k8s/README.md': '# manifests\n',
			'node_modules/module/main.tf': BUCKET,
		};
		for (const [name, text] of Object.entries(files)) {
			await mkdir(path.join(root, path.dirname(name)), { recursive: true });
			await writeFile(path.join(root, name), text);
		}
	});

	after(async () => {
		await rm(root, { recursive: true, force: true });
	});

	it('scans the current folder as git would see it and lists every file in JSON', async () => {
		const result = await run(root, 'scan', '--format', 'json');
		assert.equal(result.code, 0, result.stderr);
		const output = JSON.parse(result.stdout) as JsonOutput;
		assert.deepEqual(output.files.map(file => [file.path, file.format]), [
			['infra/modules/keep.local.tf', 'terraform'],
			['infra/storage.tf', 'terraform'],
			['k8s/settings.yaml', 'kubernetes'],
		]);
	});

	it('scans explicitly named files even when ignored, with paths relative to the cwd', async () => {
		const result = await run(path.join(root, 'infra'), 'scan', '--format=json', 'dev.local.tf', '../fixtures');
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual((JSON.parse(result.stdout) as JsonOutput).files.map(file => file.path), ['../fixtures/sample.tf', 'dev.local.tf']);
	});

	it('prints a summary in text and writes the report to --output', async () => {
		const text = await run(root, 'scan', 'infra', '--no-color');
		assert.equal(text.code, 0);
		assert.match(text.stdout, /in 2 files\n$/);
		const result = await run(root, 'scan', 'k8s', '--format', 'sarif', '--output', 'report.sarif');
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stdout, '');
		const log = JSON.parse(await readFile(path.join(root, 'report.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { version: string } } }[] };
		assert.equal(log.version, '2.1.0');
		assert.equal(log.runs[0].tool.driver.version, pkg.version);
		await rm(path.join(root, 'report.sarif'));
	});

	it('exits 2 with a one-line message and the usage on a usage error', async () => {
		for (const argv of [['scan', '--fail-on', 'critical'], ['scan', '--colour'], ['lint'], []]) {
			const result = await run(root, ...argv);
			assert.equal(result.code, 2, argv.join(' '));
			assert.equal(result.stdout, '');
			assert.match(result.stderr, /^aup-guard: .+\n\nUsage: aup-guard /);
		}
	});

	it('exits 2 when a path does not exist, rather than passing on nothing', async () => {
		const result = await run(root, 'scan', 'infra', 'infr');
		assert.equal(result.code, 2);
		assert.equal(result.stderr, 'aup-guard: no such file or folder: infr\n');
	});

	it('exits 2 when the report cannot be written', async () => {
		const result = await run(root, 'scan', 'k8s', '--output', 'missing-folder/report.json');
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^aup-guard: cannot write missing-folder\/report\.json: /);
	});

	it('exits 2 with the message on an unexpected failure', async () => {
		const broken: CliStream = { write: () => { throw new Error('stream closed'); } };
		const stderr = new Buffered();
		assert.equal(await main(['--version'], { stdout: broken, stderr, cwd: root, env: {} }), 2);
		assert.equal(stderr.text, 'aup-guard: internal error: stream closed\n');
		const debug = new Buffered();
		await main(['rules'], { stdout: broken, stderr: debug, cwd: root, env: { AUP_GUARD_DEBUG: '1' } });
		assert.match(debug.text, /^aup-guard: internal error: Error: stream closed\n\s+at /);
	});

	it('prints help, per-command help and the version', async () => {
		assert.deepEqual(await run(root, '--version'), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
		const help = await run(root, '--help');
		assert.equal(help.code, 0);
		assert.match(help.stdout, /^Usage: aup-guard <command>/);
		assert.match((await run(root, 'help', 'scan')).stdout, /^Usage: aup-guard scan \[paths\.\.\.\]/);
		assert.match((await run(root, 'scan', '--help')).stdout, /--fail-on <error\|warning\|info\|none>/);
		assert.match((await run(root, 'help', 'rules')).stdout, /^Usage: aup-guard rules/);
	});

	it('lists every built-in rule', async () => {
		const result = await run(root, 'rules', '--format', 'json');
		assert.equal(result.code, 0);
		assert.deepEqual((JSON.parse(result.stdout) as { id: string }[]).map(rule => rule.id), BUILTIN_RULES.map(rule => rule.id));
		const table = await run(root, 'rules');
		assert.equal(table.stdout.split('\n').length, BUILTIN_RULES.length + 2);
	});

	describe('with the network rule', () => {
		let project: string;

		before(async function () {
			if (!findRule('AUP-NET-001')) {
				this.skip(); // AUP-NET-001 is being written; these run once it is registered
			}
			project = await mkdtemp(path.join(tmpdir(), 'aup-cli-net-'));
			await writeFile(path.join(project, 'bastion.tf'), OPEN_SSH);
			await writeFile(path.join(project, 'accepted.tf'), `# aup-guard-ignore AUP-NET-001: reachable only through the VPN until=2099-12-31\n${OPEN_SSH}`);
		});

		after(async () => {
			if (project) {
				await rm(project, { recursive: true, force: true });
			}
		});

		it('reports SSH open to the internet with 0-based ranges, and keeps the suppressed one with its reason', async () => {
			const result = await run(project, 'scan', '--format', 'json');
			const output = JSON.parse(result.stdout) as JsonOutput;
			const net = output.findings.filter(item => item.ruleId === 'AUP-NET-001');
			assert.deepEqual(net.map(item => [item.file, item.suppressed]), [
				['accepted.tf', { reason: 'reachable only through the VPN', until: '2099-12-31' }],
				['bastion.tf', undefined],
			]);
			// Inside the security group, 0-based: the comment above it shifts accepted.tf by one line.
			assert.ok(net[1].range.start.line >= 2 && net[1].range.start.line <= 7, JSON.stringify(net[1].range));
			assert.equal(net[0].range.start.line, net[1].range.start.line + 1);
		});

		it('fails only at or above --fail-on, and never with none', async () => {
			const severity = findRule('AUP-NET-001')?.severity;
			assert.equal((await run(project, 'scan', '--fail-on', 'info')).code, 1);
			assert.equal((await run(project, 'scan', '--fail-on', 'warning')).code, severity === 'info' ? 0 : 1);
			assert.equal((await run(project, 'scan')).code, severity === 'error' ? 1 : 0);
			assert.equal((await run(project, 'scan', '--fail-on', 'none')).code, 0);
		});

		it('prints the finding like a compiler, the suppressed one only when asked', async () => {
			const text = (await run(project, 'scan', 'bastion.tf', 'accepted.tf')).stdout;
			assert.match(text, /^bastion\.tf:\d+:\d+: \w+ AUP-NET-001 /m);
			assert.doesNotMatch(text, /^accepted\.tf:.* AUP-NET-001 /m);
			assert.match(text, /1 suppressed in 2 files\n$/);
			assert.match((await run(project, 'scan', '--show-suppressed')).stdout, /^accepted\.tf:\d+:\d+: .*\(suppressed: reachable only through the VPN, until 2099-12-31\)$/m);
		});
	});

	describe('with the crypto-miner rule', () => {
		let project: string;

		before(async function () {
			if (!findRule('AUP-MIN-001')) {
				this.skip(); // AUP-MIN-001 is being written; this runs once it is registered
			}
			project = await mkdtemp(path.join(tmpdir(), 'aup-cli-min-'));
			await mkdir(path.join(project, 'k8s'));
			await writeFile(path.join(project, 'k8s', 'worker.yaml'), MINER);
		});

		after(async () => {
			if (project) {
				await rm(project, { recursive: true, force: true });
			}
		});

		it('fails the default gate on an error-level finding, and not with --fail-on none', async () => {
			const result = await run(project, 'scan', '--format', 'json');
			assert.equal(result.code, 1, result.stderr);
			const output = JSON.parse(result.stdout) as JsonOutput;
			assert.ok(output.findings.some(item => item.ruleId === 'AUP-MIN-001' && item.file === 'k8s/worker.yaml' && item.severity === 'error'), result.stdout);
			assert.deepEqual(output.files, [{ path: 'k8s/worker.yaml', format: 'kubernetes' }]);
			assert.equal((await run(project, 'scan', '--fail-on', 'none')).code, 0);
		});
	});
});
