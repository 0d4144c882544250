// Runs test/integration inside a real VS Code: code-server 4.100.3 (VS Code 1.100.3) with its
// workbench open in headless Chromium. VS Code's test mode is asked for through the URL
// payload (extensionDevelopmentPath + extensionTestsPath, as @vscode/test-web does), so the
// remote extension host loads the extension from this repository and calls run() from
// out/test/integration/index.js. That run() writes a JSON report; this script waits for it.
//
// It builds nothing: `npm test` compiles (tsc) and bundles (webpack) first, so what is tested
// is the `main` that ships. Exits non-zero on any failure, on a timeout, or when no test ran.
//
// Environment:
//   AUP_GUARD_INTEGRATION_TIMEOUT_MS  bound on the whole run (default 10 minutes)
//   AUP_GUARD_TEST_GREP               only tests whose full title matches
//   AUP_GUARD_TEST_TIMEOUT_MS         mocha's per-test timeout inside VS Code (default 30 s)
//   AUP_GUARD_EXTENSION_PATH          another extension folder to load (default: this repo)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { isInstalled, REPO_ROOT } from './code-server/install.mjs';
import { startCodeServer } from './code-server/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './code-server/browser.mjs';
import { prepareRun, printReport } from './lib/integration-report.mjs';

const TIMEOUT_MS = Number(process.env.AUP_GUARD_INTEGRATION_TIMEOUT_MS) || 10 * 60_000;
const EXTENSION_PATH = resolve(process.env.AUP_GUARD_EXTENSION_PATH ?? REPO_ROOT);
const TESTS_INDEX = join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURE_WORKSPACE = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const RESULTS_DIR = join(REPO_ROOT, 'test-results');
const PASS_THROUGH_ENV = ['AUP_GUARD_TEST_GREP', 'AUP_GUARD_TEST_TIMEOUT_MS'];

const started = Date.now();
const cleanUps = [];
/** The workbench page, once open: on a failure or a hang its picture shows where it stuck. */
let workbench;
// Ctrl-C or a CI cancel must not leave code-server or Chromium running.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		void cleanUp().finally(() => process.exit(130));
	});
}

let exitCode = 1;
try {
	exitCode = await withDeadline(main(), TIMEOUT_MS);
} catch (error) {
	process.stderr.write(`\n[integration] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
	exitCode = 1;
	if (workbench) {
		await withDeadline(saveScreenshot(workbench, join(RESULTS_DIR, 'integration.png')), 15_000).catch(() => undefined);
		log(`screenshot of the workbench as it was: ${join(RESULTS_DIR, 'integration.png')}`);
	}
} finally {
	await cleanUp();
}
log(`finished in ${seconds(Date.now() - started)}`);
process.exit(exitCode);

async function main() {
	checkPrerequisites();
	mkdirSync(RESULTS_DIR, { recursive: true });
	for (const name of ['integration.json', 'integration.png', 'code-server.log', 'browser-console.log']) {
		rmSync(join(RESULTS_DIR, name), { force: true });
	}
	const { workspace, resultFile, remove } = prepareRun(FIXTURE_WORKSPACE);
	cleanUps.push(remove);

	// AUP_GUARD_TEST_SCREENSHOT: run() leaves a finding on screen and waits for `<result>.ack`.
	const env = { AUP_GUARD_TEST_RESULT: resultFile, AUP_GUARD_TEST_SCREENSHOT: '1' };
	for (const key of PASS_THROUGH_ENV) {
		if (process.env[key]) {
			env[key] = process.env[key];
		}
	}
	log('starting code-server');
	const server = await startCodeServer({ folder: workspace, env, settings: { 'git.enabled': false } });
	cleanUps.push(async () => {
		await server.stop();
		cpSync(server.logFile, join(RESULTS_DIR, 'code-server.log'));
		server.cleanUp();
	});
	log(`code-server ${server.url} (pid ${server.pid}) after ${seconds(Date.now() - started)}`);

	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	cleanUps.push(() => browser.close());
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	workbench = page;
	const consoleLines = [];
	page.on('console', message => consoleLines.push(`[${message.type()}] ${message.text()}`));
	page.on('pageerror', error => consoleLines.push(`[pageerror] ${error.message}`));
	cleanUps.push(() => writeFileSync(join(RESULTS_DIR, 'browser-console.log'), `${consoleLines.join('\n')}\n`));
	let crashed = false;
	page.on('crash', () => {
		crashed = true;
	});

	const url = testUrl(server.port, workspace);
	log(`opening the workbench in headless Chromium: ${url}`);
	await page.goto(url, { waitUntil: 'domcontentloaded' });

	while (!existsSync(resultFile)) {
		if (server.hasExited()) {
			throw new Error(`code-server exited during the run; see ${join(RESULTS_DIR, 'code-server.log')}`);
		}
		if (crashed) {
			throw new Error('the browser page crashed during the run');
		}
		await delay(250);
	}
	const report = JSON.parse(readFileSync(resultFile, 'utf8'));
	writeFileSync(join(RESULTS_DIR, 'integration.json'), `${JSON.stringify(report, null, '\t')}\n`);
	await saveScreenshot(page, join(RESULTS_DIR, 'integration.png'));
	// run() keeps the workbench as it is until this file exists; now it may finish.
	writeFileSync(`${resultFile}.ack`, '');
	process.stdout.write(`screenshot: ${join(RESULTS_DIR, 'integration.png')}\n`);
	return printReport(report);
}

function checkPrerequisites() {
	const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'package.json'), 'utf8'));
	const main = manifest.main ? join(EXTENSION_PATH, manifest.main) : undefined;
	if (!main || !existsSync(main)) {
		throw new Error(`the extension bundle ${main ?? '(no main in package.json)'} does not exist; run \`npm run build\` (npm test does)`);
	}
	if (!existsSync(TESTS_INDEX)) {
		throw new Error(`${TESTS_INDEX} does not exist; run \`npx tsc -p .\` (npm test does)`);
	}
	if (!isInstalled()) {
		throw new Error('code-server is not installed; run `node scripts/code-server/install.mjs` (npm test does)');
	}
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`${CHROMIUM_PATH} is missing; apt-get install chromium (node scripts/code-server/install.mjs does as root)`);
	}
}

/** The workbench URL that puts VS Code into extension test mode, as @vscode/test-web does. */
function testUrl(port, workspace) {
	const remote = path => `vscode-remote://127.0.0.1:${port}${path}`;
	const payload = [
		['extensionDevelopmentPath', remote(EXTENSION_PATH)],
		['extensionTestsPath', remote(TESTS_INDEX)],
	];
	const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
	return `http://127.0.0.1:${port}/?${query}`;
}

async function saveScreenshot(page, file) {
	try {
		await page.screenshot({ path: file });
	} catch (error) {
		// A missing picture must not turn a green run red; the report is what counts.
		log(`could not save a screenshot: ${error instanceof Error ? error.message : String(error)}`);
	}
}

async function cleanUp() {
	for (const step of cleanUps.splice(0).reverse()) {
		try {
			await withDeadline(Promise.resolve().then(step), 20_000);
		} catch (error) {
			log(`clean-up step failed: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}

function withDeadline(promise, ms) {
	let timer;
	const deadline = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${seconds(ms)} (AUP_GUARD_INTEGRATION_TIMEOUT_MS)`)), ms);
	});
	return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function log(message) {
	process.stdout.write(`[integration] ${message}\n`);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function delay(ms) {
	return new Promise(resolve => setTimeout(resolve, ms));
}
