import * as assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { mapLimit } from '../../../src/cli/pool';
import { scanFiles } from '../../../src/cli/scan-files';
import type { FileScanner } from '../../../src/cli/scan-one';
import { detectFormat, type ScanInput, type ScanOptions, type ScanResult } from '../../../src/engine/index';
import { finding } from './reports';

/**
 * Stands in for the engine, whose parsers are written elsewhere: it recognises files as the engine
 * does and flags every line holding 0.0.0.0/0, so this tests the reading and bookkeeping only.
 */
class FakeScanner implements FileScanner {
	readonly scanned: string[] = [];
	readonly forgotten: string[] = [];
	readonly options: (ScanOptions | undefined)[] = [];

	formatOf(filePath: string, text: string): ReturnType<FileScanner['formatOf']> {
		return detectFormat(filePath, text);
	}

	async scan(input: ScanInput, options?: ScanOptions): Promise<ScanResult> {
		this.scanned.push(input.path);
		this.options.push(options);
		if (input.text.includes('\u0000')) {
			return { format: input.format, findings: [], notes: [], errors: [], cancelled: false, skipped: 'binary content' };
		}
		const findings = input.text.split('\n').flatMap((line, index) => {
			const character = line.indexOf('0.0.0.0/0');
			return character < 0 ? [] : [finding({ ruleId: 'AUP-NET-901', range: { start: { line: index, character }, end: { line: index, character: character + 9 } } })];
		});
		return { format: input.format, findings, notes: [], errors: [], cancelled: false };
	}

	forget(filePath: string): void {
		this.forgotten.push(filePath);
	}
}

const SG = `resource "aws_security_group" "ssh" {
  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('cli scan files', () => {
	let root: string;

	beforeEach(async () => {
		root = await mkdtemp(path.join(tmpdir(), 'aup-scan-'));
	});

	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	async function file(name: string, content: string | Uint8Array): Promise<{ path: string; explicit: boolean }> {
		await writeFile(path.join(root, name), content);
		return { path: path.join(root, name), explicit: false };
	}

	it('scans recognised files in path order, keeping the text of finding lines, and forgets each file', async () => {
		const scanner = new FakeScanner();
		const files = [await file('b.tf', SG), await file('a.tf', 'variable "x" {}\n'), await file('notes.txt', '0.0.0.0/0\n')];
		const report = await scanFiles(scanner, files, { cwd: root, maxFileSize: 1000 });
		assert.deepEqual(report.files.map(item => [item.path, item.format, item.findings.length]), [['a.tf', 'terraform', 0], ['b.tf', 'terraform', 1]]);
		assert.deepEqual(report.files[1].lineTexts, { 4: '    cidr_blocks = ["0.0.0.0/0"]' });
		assert.equal(report.files[0].lineTexts, undefined);
		assert.deepEqual(report.warnings, []);
		assert.deepEqual(scanner.forgotten.sort(), ['a.tf', 'b.tf']);
		assert.deepEqual(scanner.options.map(options => options?.fixes), [false, false], 'the CLI never applies a fix, so it asks for none');
	});

	it('reads UTF-8, dropping a byte-order mark', async () => {
		const scanner = new FakeScanner();
		const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# café\n' + SG)]);
		const report = await scanFiles(scanner, [await file('bom.tf', bom)], { cwd: root, maxFileSize: 1000 });
		assert.equal(report.files[0].findings[0].range.start.line, 5);
		assert.equal(report.files[0].lineTexts?.[5], '    cidr_blocks = ["0.0.0.0/0"]');
	});

	it('lists a recognised file that is too large or binary as not scanned, without reading all of it', async () => {
		const scanner = new FakeScanner();
		const files = [await file('huge.tf', SG.repeat(100)), await file('blob.tf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])), await file('huge.log', 'x'.repeat(5000))];
		const report = await scanFiles(scanner, files, { cwd: root, maxFileSize: 1000 });
		assert.deepEqual(report.files.map(item => [item.path, item.skipped]), [
			['blob.tf', 'binary content'],
			['huge.tf', `larger than --max-file-size (${SG.length * 100} > 1000 bytes)`],
		]);
		assert.deepEqual(scanner.scanned, ['blob.tf']);
	});

	it('warns about an explicit file it cannot scan, and stays silent about walked ones', async () => {
		const scanner = new FakeScanner();
		const readme = await file('README.md', '# infra\n');
		const report = await scanFiles(scanner, [{ ...readme, explicit: true }, await file('CHANGELOG.md', '')], { cwd: root, maxFileSize: 1000 });
		assert.deepEqual(report.files, []);
		assert.deepEqual(report.warnings, ['README.md: not a recognised IaC format, skipped']);
	});

	it('lists a recognised file that cannot be read', async function () {
		if (process.platform === 'win32' || process.getuid?.() === 0) {
			this.skip(); // permissions do not stop root, and Windows has no chmod
		}
		const scanner = new FakeScanner();
		const locked = await file('locked.tf', SG);
		await chmod(locked.path, 0);
		const report = await scanFiles(scanner, [locked], { cwd: root, maxFileSize: 1000 });
		assert.deepEqual(report.files.map(item => [item.path, item.skipped]), [['locked.tf', 'cannot be read (EACCES)']]);
	});
});

describe('cli pool', () => {
	it('keeps input order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapLimit([30, 5, 20, 1, 10, 2], 3, async (delay, index) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise(resolve => setTimeout(resolve, delay));
			running--;
			return index;
		});
		assert.deepEqual(results, [0, 1, 2, 3, 4, 5]);
		assert.equal(peak, 3);
		assert.deepEqual(await mapLimit([], 3, async () => 1), []);
	});
});
