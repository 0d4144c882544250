import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../../src/cli/args';
import { main, type CliStream } from '../../../src/cli/main';
import { BUILTIN_RULES } from '../../../src/engine/index';

class Buffered implements CliStream {
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const stdout = new Buffered();
	const stderr = new Buffered();
	const code = await main(argv, { stdout, stderr, cwd, env: {} });
	return { code, stdout: stdout.text, stderr: stderr.text };
}

const RULES = `version: 1
rules:
  - id: ACME-CST-001
    title: Instances outside the t3 family
    message: "{resource} uses {value}; our policy allows the t3 family only"
    severity: warning
    aupSection: 5
    category: cost-scale
    match: { resource: aws_instance, attribute: instance_type, value: { notRegex: "^t3\\\\." } }
overrides:
  AUP-NET-001: error
`;

const MAIN_TF = `resource "aws_instance" "api" {
  instance_type = "m5.large"
}

resource "aws_instance" "worker" {
  instance_type = "t3.small"
}

resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

interface JsonFinding {
	readonly ruleId: string;
	readonly severity: string;
	readonly range: { readonly start: { readonly line: number } };
}

function findings(stdout: string): string[] {
	const parsed = JSON.parse(stdout) as { findings: JsonFinding[] };
	return parsed.findings.map(finding => `${finding.ruleId}:${finding.severity}:${finding.range.start.line}`);
}

describe('cli organisation rules', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'aup-guard-org-'));
		await writeFile(path.join(dir, 'main.tf'), MAIN_TF);
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	async function writeRules(text: string, file = '.aupguard/rules.yaml'): Promise<void> {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), text);
	}

	it('reads .aupguard/rules.yaml of the current folder: its rules run and its overrides apply', async () => {
		await writeRules(RULES);
		const result = await run(dir, 'scan', '--format', 'json');
		assert.equal(result.stderr, '');
		assert.deepEqual(findings(result.stdout), ['ACME-CST-001:warning:1', 'AUP-NET-001:error:13']);
		assert.equal(result.code, 1, 'the override made AUP-NET-001 an error');
	});

	it('reads the rules of the one folder scanned, from another folder', async () => {
		await writeRules(RULES);
		const elsewhere = await mkdtemp(path.join(tmpdir(), 'aup-guard-cwd-'));
		try {
			const result = await run(elsewhere, 'scan', dir, '--format', 'json');
			assert.deepEqual(findings(result.stdout), ['ACME-CST-001:warning:1', 'AUP-NET-001:error:13']);
		} finally {
			await rm(elsewhere, { recursive: true, force: true });
		}
	});

	it('--rules names another file and --no-org-rules runs the built-in rules only', async () => {
		await writeRules(RULES, 'policy/acme.yaml');
		assert.deepEqual(findings((await run(dir, 'scan', '--format', 'json')).stdout), ['AUP-NET-001:warning:13']);
		assert.deepEqual(findings((await run(dir, 'scan', '--format', 'json', '--rules', 'policy/acme.yaml')).stdout), ['ACME-CST-001:warning:1', 'AUP-NET-001:error:13']);
		await writeRules(RULES);
		const builtIn = await run(dir, 'scan', '--format', 'json', '--no-org-rules');
		assert.deepEqual(findings(builtIn.stdout), ['AUP-NET-001:warning:13']);
		assert.equal(builtIn.code, 0);
	});

	it('keeps a suppression of an organisation rule valid under --no-org-rules', async () => {
		await writeRules(RULES);
		await writeFile(path.join(dir, 'main.tf'), MAIN_TF.replace('resource "aws_instance" "api"', '# aup-guard-ignore ACME-CST-001: the API needs the memory\nresource "aws_instance" "api"'));
		const withRules = JSON.parse((await run(dir, 'scan', '--format', 'json')).stdout) as { findings: { ruleId: string; suppressed?: { reason: string } }[] };
		assert.deepEqual(withRules.findings.map(finding => [finding.ruleId, finding.suppressed?.reason]), [['ACME-CST-001', 'the API needs the memory'], ['AUP-NET-001', undefined]]);
		// Without the rules the id cannot be checked: no AUP-SUP-001 calling it invalid.
		assert.deepEqual(findings((await run(dir, 'scan', '--format', 'json', '--no-org-rules')).stdout), ['AUP-NET-001:warning:14']);
	});

	it('prints problems in the file as file:line:col, runs its valid rules, and exits 2 on errors', async () => {
		await writeRules(`${RULES}  AUP-NOPE-001: off\n`.replace('    severity: warning\n', '    severity: warning\n    colour: red\n'));
		const result = await run(dir, 'scan', '--format', 'json', '--fail-on', 'none');
		assert.equal(result.stderr, [
			".aupguard/rules.yaml:7:5: warning: unknown key 'colour' in a rule; expected one of id, title, message, severity, aupSection, category, formats, docs, match",
			".aupguard/rules.yaml:13:3: error: unknown rule AUP-NOPE-001; run 'aup-guard rules' for the list",
			'',
		].join('\n'));
		assert.deepEqual(findings(result.stdout), ['ACME-CST-001:warning:1', 'AUP-NET-001:error:13']);
		assert.equal(result.code, 2);
	});

	it('warnings alone leave the exit code to the findings', async () => {
		await writeRules(RULES.replace('version: 1\n', ''));
		const result = await run(dir, 'scan', '--fail-on', 'none');
		assert.match(result.stderr, /^\.aupguard\/rules\.yaml:1:1: warning: add 'version: 1'/);
		assert.equal(result.code, 0);
	});

	it('a --rules file that cannot be read is an error, not a silent pass', async () => {
		const result = await run(dir, 'scan', '--rules', 'missing.yaml');
		assert.match(result.stderr, /cannot read the rules file missing\.yaml/);
		assert.equal(result.code, 2);
		assert.equal(result.stdout, '');
	});

	it('lists the organisation rules after the built-in ones', async () => {
		await writeRules(RULES);
		const listed = JSON.parse((await run(dir, 'rules', '--format', 'json')).stdout) as { id: string; severity: string }[];
		assert.equal(listed.length, BUILTIN_RULES.length + 1);
		assert.deepEqual(listed[listed.length - 1], {
			id: 'ACME-CST-001', title: 'Instances outside the t3 family', severity: 'warning', aupSection: '5', category: 'cost-scale',
			formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'arm', 'bicep', 'cloud-init', 'shell'],
		});
		assert.match((await run(dir, 'rules')).stdout, /\nACME-CST-001 +warning +5 +cost-scale/);
		assert.equal((JSON.parse((await run(dir, 'rules', '--format', 'json', '--no-org-rules')).stdout) as unknown[]).length, BUILTIN_RULES.length);
	});

	it('parses the flags, present only when given, and refuses both at once', () => {
		assert.deepEqual(parseArgs(['rules', '--rules', 'x.yaml']), { command: 'rules', format: 'text', rulesFile: 'x.yaml' });
		assert.equal((parseArgs(['scan', '--no-org-rules']) as { noOrgRules?: true }).noOrgRules, true);
		assert.equal('rulesFile' in parseArgs(['scan']), false);
		assert.throws(() => parseArgs(['scan', '--rules', 'x.yaml', '--no-org-rules']), /--rules and --no-org-rules cannot be used together/);
	});
});
