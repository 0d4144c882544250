// End-to-end check of what ships: packages the .vsix with `npm run package`, checks what is
// inside it, installs it into a fresh code-server the way a user does (--install-extension),
// opens a flagged Terraform file in headless Chromium through Quick Open, and waits until the
// status bar's problem counter shows the warnings. A screenshot of that view is kept in
// test-results/vsix-smoke.png. Prints `N passed, M failed` and exits non-zero on any failure.
//
// Needs what `npm test` installs first (node_modules, code-server, Chromium).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../code-server/install.mjs';
import { startCodeServer } from '../code-server/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../code-server/browser.mjs';
import { localBin } from '../lib/dependencies.mjs';
import { run } from '../lib/exec.mjs';

const RESULTS_DIR = join(REPO_ROOT, 'test-results');
const VSIX = join(RESULTS_DIR, 'aup-guard.vsix');
const TIMEOUT_MS = 4 * 60_000;
/** Files the extension cannot run without, and trees that must never ship. */
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/web/extension.js',
	'dist/web-tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'dist/web/web-tree-sitter.wasm', 'dist/web/tree-sitter-terraform.wasm',
	'dist/tree-sitter-bicep.wasm', 'dist/web/tree-sitter-bicep.wasm'];
const FORBIDDEN = /^(src|test|out|node_modules|scripts|examples|\.ci|\.vscode-test)\//;

const results = [];
const cleanUps = [];
const timer = setTimeout(() => {
	process.stderr.write(`[vsix-smoke] timed out after ${TIMEOUT_MS / 1000} s\n`);
	process.exit(1);
}, TIMEOUT_MS);

try {
	mkdirSync(RESULTS_DIR, { recursive: true });
	check('the package holds the bundles and grammars, and no sources, tests or node_modules', checkContents);
	run('npm', ['run', 'package', '--', '--out', VSIX], { cwd: REPO_ROOT });
	await checkAsync('the installed .vsix activates and flags an open Terraform file in the workbench', checkInWorkbench);
} catch (error) {
	results.push({ title: 'setup', error: error instanceof Error ? error.message : String(error) });
} finally {
	for (const step of cleanUps.reverse()) {
		await Promise.resolve().then(step).catch(() => undefined);
	}
	clearTimeout(timer);
}

for (const result of results) {
	process.stdout.write(`  ${result.error ? 'FAIL' : 'ok  '} ${result.title}${result.error ? `\n       ${result.error.replace(/\n/g, '\n       ')}` : ''}\n`);
}
const failed = results.filter(result => result.error).length;
process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);

function checkContents() {
	const listing = spawnSync(localBin(REPO_ROOT, 'vsce'), ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
	if (listing.status !== 0) {
		throw new Error(`vsce ls failed: ${listing.stderr}`);
	}
	const files = listing.stdout.split('\n').map(line => line.trim()).filter(Boolean);
	const missing = REQUIRED.filter(file => !files.includes(file));
	const unwanted = files.filter(file => FORBIDDEN.test(file));
	if (missing.length > 0 || unwanted.length > 0) {
		throw new Error(`missing: ${missing.join(', ') || 'none'}; should not ship: ${unwanted.join(', ') || 'none'}`);
	}
}

async function checkInWorkbench() {
	const workspace = mkdtempSync(join(tmpdir(), 'aup-guard-vsix-'));
	cleanUps.push(() => rmSync(workspace, { recursive: true, force: true }));
	cpSync(join(REPO_ROOT, 'test', 'fixtures', 'workspace', 'flagged', 'network.tf'), join(workspace, 'network.tf'));
	const server = await startCodeServer({ folder: workspace, vsix: [VSIX], settings: { 'git.enabled': false } });
	cleanUps.push(async () => {
		await server.stop();
		server.cleanUp();
	});
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	cleanUps.push(() => browser.close());
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
	await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
	// Quick Open, as a user would: the extension activates on the workspace's *.tf file.
	await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
	await page.keyboard.press('Control+p');
	await page.locator('.quick-input-widget input').fill('network.tf');
	await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
	await page.keyboard.press('Enter');
	// The problems counter reads "No Problems" until the extension publishes its findings.
	const problems = page.locator('#status\\.problems');
	await page.waitForFunction(() => {
		const label = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
		return /Warnings: [1-9]/.test(label);
	}, undefined, { timeout: 60_000 });
	const label = await problems.getAttribute('aria-label');
	await page.screenshot({ path: join(RESULTS_DIR, 'vsix-smoke.png') });
	if (!/Warnings: 2/.test(label ?? '')) {
		throw new Error(`expected the two warnings of network.tf, the status bar says: ${label}`);
	}
}

function check(title, work) {
	try {
		work();
		results.push({ title });
	} catch (error) {
		results.push({ title, error: error instanceof Error ? error.message : String(error) });
	}
}

async function checkAsync(title, work) {
	try {
		await work();
		results.push({ title });
	} catch (error) {
		results.push({ title, error: error instanceof Error ? error.message : String(error) });
	}
}
