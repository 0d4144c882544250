// Screenshots of the AUP view in the real VS Code (code-server in headless Chromium), in a dark
// and a light theme, for the docs and as an end-to-end check: the command runs from the command
// palette, the webview loads under its CSP, and the page shows the workspace's standing.
//
//   npm run build && node scripts/screenshots/policy-view.mjs
//
// Writes test-results/policy-view-{dark,light}.png and docs/images/policy-view-{dark,light}.png.
// Exits non-zero when the view does not appear or shows no standing.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../code-server/install.mjs';
import { startCodeServer } from '../code-server/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../code-server/browser.mjs';

const WORKSPACE = join(REPO_ROOT, 'examples');
const RESULTS = join(REPO_ROOT, 'test-results');
const DOCS = join(REPO_ROOT, 'docs', 'images');
/** Files opened first, so the view has findings from more than one responsibility to show. */
const OPEN_FILES = ['terraform/database.tf', 'terraform/web-server.tf', 'kubernetes/batch-optimizer.yaml'];
const THEMES = [
	{ name: 'dark', theme: 'Default Dark Modern' },
	{ name: 'light', theme: 'Default Light Modern' },
];
const STEP_TIMEOUT_MS = 60_000;

if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
	throw new Error('dist/extension.js is missing: run `npm run build` first');
}
mkdirSync(RESULTS, { recursive: true });
mkdirSync(DOCS, { recursive: true });
let failed = false;
for (const { name, theme } of THEMES) {
	try {
		await shoot(name, theme);
	} catch (error) {
		failed = true;
		process.stderr.write(`[screenshots] ${name}: ${error instanceof Error ? error.stack : String(error)}\n`);
	}
}
process.exit(failed ? 1 : 0);

async function shoot(name, theme) {
	const server = await startCodeServer({
		folder: WORKSPACE,
		extensions: [REPO_ROOT],
		settings: {
			'workbench.colorTheme': theme,
			'git.enabled': false,
			// Each file stays open in its own tab, so the view counts all of them.
			'workbench.editor.enablePreview': false,
			'workbench.editor.enablePreviewFromQuickOpen': false,
		},
	});
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
		if (process.env.AUP_GUARD_DEBUG) {
			page.on('console', message => process.stdout.write(`[console] ${message.text()}\n`));
		}
		page.setDefaultTimeout(STEP_TIMEOUT_MS);
		await page.goto(`${server.url}?folder=${encodeURIComponent(WORKSPACE)}`, { waitUntil: 'domcontentloaded' });
		await page.locator('.monaco-workbench').waitFor();
		await page.locator('.explorer-folders-view').waitFor();
		for (const file of OPEN_FILES) {
			await runQuickOpen(page, file);
			await page.locator('.tabs-container .tab', { hasText: file.split('/').pop() }).waitFor();
		}
		// The extension activates on the first IaC file; its command is then in the palette.
		await runCommand(page, 'AUP Guard: Show Acceptable Use Policy Responsibilities');
		const frame = await webviewFrame(page);
		await frame.locator('[data-item="credentials"]').waitFor();
		await frame.locator('.standing').first().waitFor();
		// Close the side bar and the panel so the page has room, as a user reading it would.
		await runCommand(page, 'View: Close Primary Side Bar');
		// The responsibilities, where the standing is, as a reader gets there: the page's own link.
		await frame.locator('a[data-anchor="section-4"]').click();
		await frame.locator('#section-4:focus').waitFor();
		const file = join(RESULTS, `policy-view-${name}.png`);
		await page.screenshot({ path: file });
		copyFileSync(file, join(DOCS, `policy-view-${name}.png`));
		process.stdout.write(`[screenshots] ${file}\n`);
	} finally {
		await browser.close();
		await server.stop();
		server.cleanUp();
	}
}

async function runQuickOpen(page, file) {
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(file);
	// Recently opened files are listed at once; wait until the file itself is the first match.
	await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: file.split('/').pop() }).waitFor();
	await page.keyboard.press('Enter');
}

async function runCommand(page, label) {
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(`>${label}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
	await page.keyboard.press('Enter');
}

/** The page lives two iframes deep: VS Code's webview host, then the content frame. */
async function webviewFrame(page) {
	const deadline = Date.now() + STEP_TIMEOUT_MS;
	while (Date.now() < deadline) {
		for (const frame of page.frames()) {
			if (await frame.locator('[data-item]').count().catch(() => 0) > 0) {
				return frame;
			}
		}
		await new Promise(resolve => setTimeout(resolve, 250));
	}
	throw new Error('the AUP view did not appear');
}
