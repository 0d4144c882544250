// One workbench for the whole journey run: a temp copy of examples/ (the fixes edit files, and
// the folder's name shows in the title bar, so the copy keeps the name `examples`), a private
// code-server with the built extension linked in as a normal user extension (not a development
// host, so no "[Extension Development Host]" in the title), and headless Chromium at a fixed size.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../../code-server/install.mjs';
import { startCodeServer } from '../../code-server/server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../code-server/browser.mjs';
import { openWorkbench } from './workbench.mjs';

export const VIEWPORT = { width: 1440, height: 900 };

/** Settings a user might have, minus what would put noise in the pictures. */
const SETTINGS = {
	'workbench.colorTheme': 'Default Dark Modern',
	'git.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'workbench.editor.enablePreviewFromQuickOpen': false,
	'editor.hover.delay': 300,
	// The sticky header would sit over the lines a picture is about.
	'editor.stickyScroll.enabled': false,
};

/**
 * Starts everything; `cleanUps` receives what undoes each step, so a failure half-way through
 * still stops the server and the browser.
 */
export async function startSession(cleanUps) {
	const home = mkdtempSync(join(tmpdir(), 'aup-guard-e2e-'));
	cleanUps.push(() => rmSync(home, { recursive: true, force: true }));
	const workspace = join(home, 'examples');
	mkdirSync(workspace);
	cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });

	const server = await startCodeServer({ folder: workspace, extensions: [REPO_ROOT], settings: SETTINGS });
	cleanUps.push(async () => {
		await server.stop();
		server.cleanUp();
	});
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	cleanUps.push(() => browser.close());
	const page = await browser.newPage({ viewport: VIEWPORT });
	page.setDefaultTimeout(30_000);
	await openWorkbench(page, server.url, workspace);
	return { page, workspace, server };
}
