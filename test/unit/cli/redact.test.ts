import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { main, type CliStream } from '../../../src/cli/main';

class Buffered implements CliStream {
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

// Built from pieces so this file holds no whole credential for scanners to trip over.
const AWS_KEY_ID = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
const AWS_SECRET = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCY', 'NotARealKey9x'].join('/');
const DB_PASSWORD = ['Pelican', 'Harbour', '4417'].join('-');

const CONFIG = `provider "aws" {
  region     = "eu-west-1"
  access_key = "${AWS_KEY_ID}"
  secret_key = "${AWS_SECRET}"
}

resource "aws_db_instance" "orders" {
  username = "orders_admin"
  password = "${DB_PASSWORD}"
}
`;

async function run(argv: string[], options: { cwd?: string; stdin?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
	const stdout = new Buffered();
	const stderr = new Buffered();
	const stdin = Readable.from([Buffer.from(options.stdin ?? '')]);
	const code = await main(argv, { stdout, stderr, cwd: options.cwd ?? process.cwd(), env: {}, stdin });
	return { code, stdout: stdout.text, stderr: stderr.text };
}

function assertNoSecret(text: string): void {
	for (const secret of [AWS_KEY_ID, AWS_SECRET, DB_PASSWORD]) {
		assert.ok(!text.includes(secret), `${secret.slice(0, 4)}… survived`);
	}
}

describe('aup-guard redact', () => {
	let folder: string;

	beforeEach(async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'aup-guard-redact-'));
	});

	afterEach(async () => {
		await rm(folder, { recursive: true, force: true });
	});

	it('parses a file, -, or nothing (standard input), and rejects more', () => {
		assert.deepEqual(parseArgs(['redact', 'main.tf']), { command: 'redact', input: 'main.tf' });
		assert.deepEqual(parseArgs(['redact', '-']), { command: 'redact', input: '-' });
		assert.deepEqual(parseArgs(['redact']), { command: 'redact', input: '-' });
		assert.deepEqual(parseArgs(['redact', '--help']), { command: 'help', topic: 'redact' });
		assert.deepEqual(parseArgs(['help', 'redact']), { command: 'help', topic: 'redact' });
		assert.throws(() => parseArgs(['redact', 'a.tf', 'b.tf']), UsageError);
		assert.throws(() => parseArgs(['redact', '--format', 'json']), UsageError);
	});

	it('redacts a file: markers name each kind, line count and other text stay', async () => {
		await writeFile(path.join(folder, 'main.tf'), CONFIG);
		const { code, stdout, stderr } = await run(['redact', 'main.tf'], { cwd: folder });
		assert.equal(code, 0);
		assertNoSecret(stdout);
		assert.equal(stdout.split('\n').length, CONFIG.split('\n').length);
		assert.match(stdout, /access_key = "<redacted: AWS access key id>"/);
		assert.match(stdout, /secret_key = "<redacted: [^>]*secret[^>]*>"/);
		assert.match(stdout, /password = "<redacted: [^>]+>"/);
		assert.ok(stdout.includes('  region     = "eu-west-1"\n') && stdout.includes('  username = "orders_admin"\n'));
		assert.match(stderr, /^aup-guard: 3 secrets removed: /);
		assertNoSecret(stderr);
	});

	it('reads standard input with -', async () => {
		const { code, stdout } = await run(['redact', '-'], { stdin: CONFIG });
		assert.equal(code, 0);
		assertNoSecret(stdout);
		assert.equal(stdout.split('\n').length, CONFIG.split('\n').length);
	});

	it('prints text without secrets unchanged', async () => {
		const clean = 'resource "aws_s3_bucket" "logs" {\r\n  bucket = "acme-logs"\r\n}\r\n';
		const { code, stdout, stderr } = await run(['redact'], { stdin: clean });
		assert.equal(code, 0);
		assert.equal(stdout, clean);
		assert.equal(stderr, 'aup-guard: no secrets found\n');
	});

	it('exits 2 with a message when the file does not exist', async () => {
		const { code, stdout, stderr } = await run(['redact', 'missing.tf'], { cwd: folder });
		assert.equal(code, 2);
		assert.equal(stdout, '');
		assert.equal(stderr, 'aup-guard: cannot read missing.tf: ENOENT\n');
	});
});
