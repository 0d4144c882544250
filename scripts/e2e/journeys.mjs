// End-to-end journeys as a person makes them in the real workbench: code-server with the built
// extension, driven in headless Chromium on a copy of examples/. Each journey is a named check:
//   1. open a flagged file: squiggles in the editor, its entries in the Problems panel
//   2. hover a squiggle: the rule, the AUP section, why it matters
//   3. Ctrl+. on a hard-coded password, choose the fix: the line changes, the finding goes
//   4. the Findings view from the activity bar after "AUP Guard: Scan Workspace"
//   5. the AUP responsibilities view (a webview), from the palette and the Findings view's title bar
//   6. the same Findings view in the Light Modern theme
// Screenshots go to test-results/e2e/*.png (also on a failure, to show where it stuck);
// `--update-docs` copies the ones the README uses into docs/images/.
//
//   npm run build && npm run test:e2e [-- --update-docs]
//
// Prints `N passed, M failed` and exits non-zero on any failure or when the run exceeds its bound
// (AUP_GUARD_E2E_TIMEOUT_MS, default 4 minutes).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../code-server/install.mjs';
import { Checks } from './lib/checks.mjs';
import { applyQuickFix, hoverSquiggle, openFlaggedFile } from './lib/editor-journeys.mjs';
import { startSession } from './lib/session.mjs';
import { findingsView, lightTheme, policyView } from './lib/view-journeys.mjs';
import { screenshot } from './lib/workbench.mjs';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e');
const DOCS = join(REPO_ROOT, 'docs', 'images');
/** Screenshot name -> the docs image it refreshes with --update-docs. */
const DOC_IMAGES = { 'problems-panel': 'problems-panel.png', hover: 'hover.png', 'quick-fix': 'quick-fix.png', 'findings-view': 'findings-view.png' };
const TIMEOUT_MS = Number(process.env.AUP_GUARD_E2E_TIMEOUT_MS) || 4 * 60_000;
const JOURNEYS = [
	['open a flagged file: squiggles in the editor and AUP-NET-001 in the Problems panel', openFlaggedFile],
	['hover a squiggle: the rule title, its AUP section and why it matters', hoverSquiggle],
	['Ctrl+. on a hard-coded password: the fix replaces it with a sensitive variable and the finding goes', applyQuickFix],
	['the Findings view after "Scan Workspace": AUP sections with counts', findingsView],
	['the AUP responsibilities view opens from the command palette, the Findings view\'s title bar and the status bar tooltip', policyView],
	['the Findings view and the editor follow the Light Modern theme', lightTheme],
];

const started = Date.now();
const checks = new Checks();
const cleanUps = [];
let cleaning;
let timedOut = false;
const timer = setTimeout(() => {
	timedOut = true;
	checks.fail('the whole run', `timed out after ${TIMEOUT_MS / 1000} s`);
	void cleanUp().finally(() => process.exit(checks.summary()));
}, TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

try {
	if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
		throw new Error('dist/extension.js is missing: run `npm run build` first');
	}
	rmSync(RESULTS, { recursive: true, force: true });
	mkdirSync(RESULTS, { recursive: true });
	const rules = readRules();
	const { page } = await startSession(cleanUps);
	process.stdout.write(`[e2e] workbench ready after ${seconds(Date.now() - started)}\n`);
	const shoot = (name, options) => screenshot(page, join(RESULTS, `${name}.png`), options);
	for (const [index, [title, journey]] of JOURNEYS.entries()) {
		if (timedOut) {
			break;
		}
		await checks.run(`${index + 1}. ${title}`, () => journey({ page, shoot, rules }));
		if (checks.results.at(-1).error) {
			await page.screenshot({ path: join(RESULTS, `failed-${index + 1}.png`) }).catch(() => undefined);
			// Close what the failed journey left open (a menu, a hover, the palette) for the next one.
			await page.keyboard.press('Escape');
			await page.keyboard.press('Escape');
		}
	}
	if (process.argv.includes('--update-docs')) {
		updateDocs();
	}
} catch (error) {
	if (!timedOut) {
		checks.fail('setup', error);
	}
} finally {
	await cleanUp();
	clearTimeout(timer);
}
process.stdout.write(`[e2e] finished in ${seconds(Date.now() - started)}; screenshots in ${RESULTS}\n`);
process.exit(checks.summary());

/** Rule titles and sections from the built CLI, so a renamed rule does not break the hover check. */
function readRules() {
	const json = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'rules', '--format', 'json'], { encoding: 'utf8' });
	return new Map(JSON.parse(json).map(rule => [rule.id, rule]));
}

function updateDocs() {
	if (checks.failed > 0) {
		process.stdout.write('[e2e] not updating docs/images: a journey failed\n');
		return;
	}
	for (const [name, image] of Object.entries(DOC_IMAGES)) {
		copyFileSync(join(RESULTS, `${name}.png`), join(DOCS, image));
		process.stdout.write(`[e2e] docs/images/${image} <- test-results/e2e/${name}.png\n`);
	}
}

/**
 * One clean-up however many ask (the main flow, the time bound, a signal): each waits for the
 * same one, so nobody exits while the server is still being stopped.
 */
function cleanUp() {
	cleaning ??= (async () => {
		for (const step of cleanUps.splice(0).reverse()) {
			await Promise.resolve().then(step).catch(() => undefined);
		}
	})();
	return cleaning;
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}
