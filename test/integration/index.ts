// Entry point that VS Code's extension host calls with `extensionTestsPath`: under code-server
// (scripts/run-integration.mjs) and under @vscode/test-electron alike. It runs mocha in the
// extension host and, because code-server gives the runner no exit code to read, writes a
// JSON report to the file named by AUP_GUARD_TEST_RESULT. With AUP_GUARD_TEST_SCREENSHOT=1 it
// then leaves a finding on screen and waits for `<result>.ack`, so the runner's screenshot
// shows the workbench before the test run ends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { showcase } from './showcase';

export interface TestRecord {
	readonly title: string;
	readonly file?: string;
	readonly state: 'passed' | 'failed' | 'pending';
	readonly durationMs?: number;
	readonly error?: { readonly message: string; readonly stack?: string };
}

export interface TestReport {
	readonly passes: number;
	readonly failures: number;
	readonly pending: number;
	readonly tests: readonly TestRecord[];
	/** Failures outside any test: a test file that does not load, a crash of mocha itself. */
	readonly errors: readonly string[];
	readonly vscodeVersion: string;
	readonly appName: string;
	readonly durationMs: number;
}

export async function run(): Promise<void> {
	const started = Date.now();
	const tests: TestRecord[] = [];
	const errors: string[] = [];
	try {
		await runMocha(tests);
	} catch (error) {
		errors.push(messageOf(error));
	}
	const failures = tests.filter(test => test.state === 'failed').length + errors.length;
	const report: TestReport = {
		passes: tests.filter(test => test.state === 'passed').length,
		failures,
		pending: tests.filter(test => test.state === 'pending').length,
		tests,
		errors,
		vscodeVersion: vscode.version,
		appName: vscode.env.appName,
		durationMs: Date.now() - started,
	};
	const resultFile = process.env.AUP_GUARD_TEST_RESULT;
	const screenshot = process.env.AUP_GUARD_TEST_SCREENSHOT === '1';
	if (screenshot) {
		// Leave the workbench showing findings for the runner's screenshot; best effort only.
		await showcase().catch(() => undefined);
	}
	if (resultFile) {
		writeAtomically(resultFile, `${JSON.stringify(report, null, '\t')}\n`);
		if (screenshot) {
			await waitForAcknowledgement(`${resultFile}.ack`, 60_000);
		}
	}
	if (failures > 0 || report.passes === 0) {
		// @vscode/test-electron turns a rejection into a non-zero exit code.
		throw new Error(`${failures} failed, ${report.passes} passed`);
	}
}

async function runMocha(tests: TestRecord[]): Promise<void> {
	const mocha = new Mocha({
		ui: 'bdd',
		color: false,
		timeout: Number(process.env.AUP_GUARD_TEST_TIMEOUT_MS) || 30_000,
		reporter: 'spec',
	});
	if (process.env.AUP_GUARD_TEST_GREP) {
		mocha.grep(process.env.AUP_GUARD_TEST_GREP);
	}
	for (const file of testFiles(__dirname)) {
		mocha.addFile(file);
	}
	await mocha.loadFilesAsync();
	await new Promise<void>(resolve => {
		const runner = mocha.run(() => resolve());
		const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
		runner.on(EVENT_TEST_PASS, test => tests.push(record(test, 'passed')));
		runner.on(EVENT_TEST_PENDING, test => tests.push(record(test, 'pending')));
		// also fires for hooks (before/after), whose failure must count too
		runner.on(EVENT_TEST_FAIL, (test, error: unknown) => tests.push(record(test, 'failed', error)));
	});
}

/** Every compiled `*.test.js` under this folder, in a stable order. */
function testFiles(root: string): string[] {
	return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
		.filter(file => file.endsWith('.test.js'))
		.sort()
		.map(file => path.join(root, file));
}

function record(test: Mocha.Runnable, state: TestRecord['state'], error?: unknown): TestRecord {
	return {
		title: test.fullTitle(),
		file: test.file ? path.basename(test.file) : undefined,
		state,
		durationMs: test.duration,
		error: state === 'failed' ? { message: messageOf(error), stack: error instanceof Error ? error.stack : undefined } : undefined,
	};
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function writeAtomically(file: string, text: string): void {
	// the runner polls for the file: it must never see half of it
	fs.writeFileSync(`${file}.tmp`, text);
	fs.renameSync(`${file}.tmp`, file);
}

/** Keeps the extension host (and the workbench) alive until the runner has its screenshot. */
async function waitForAcknowledgement(file: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!fs.existsSync(file) && Date.now() < deadline) {
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}
