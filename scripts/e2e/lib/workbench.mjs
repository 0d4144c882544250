// What a person does in the VS Code workbench, as Playwright steps against code-server: open a
// file through Quick Open, run a command from the palette, clear notifications, open a view.
// Every step waits on the DOM state it leads to, never on a fixed delay, so a slow machine only
// makes the run slower, not flaky.

/** Opens the workbench for `folder` and waits until it has restored its layout. */
export async function openWorkbench(page, serverUrl, folder) {
	await page.goto(`${serverUrl}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
	await page.locator('.monaco-workbench').waitFor();
	await page.locator('.part.statusbar').waitFor();
	// The Explorer lists the folder once the remote file system answers: the workbench is ready.
	await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
}

/** Ctrl+P, the file's path, Enter; resolves when its tab is active and its editor has focus. */
export async function quickOpen(page, path) {
	const name = path.split('/').pop();
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(path);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
	await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/**
 * F1, the command's label, then a click on exactly that command (the top row may be a longer
 * one). `opensPicker`: the command shows a picker of its own in the same widget.
 */
export async function runCommand(page, label, { opensPicker = false } = {}) {
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(`>${label}`);
	await pickRow(page, label, { closes: !opensPicker });
}

/** Clicks the Quick Input row whose label is exactly `label` and waits for the widget to close. */
export async function pickRow(page, label, { closes = true } = {}) {
	const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) });
	await row.first().click();
	if (closes) {
		await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	} else {
		await row.first().waitFor({ state: 'detached' });
	}
}

/** Closes every notification toast (the gallery is offline here, and code-server says so). */
export async function clearNotifications(page) {
	const toasts = page.locator('.notifications-toasts .notification-toast');
	if (await toasts.count() === 0) {
		return;
	}
	await runCommand(page, 'Notifications: Clear All Notifications');
	await toasts.first().waitFor({ state: 'detached' });
}

/** Ctrl+G and `line:column` (1-based), then Enter: the cursor lands there with focus in the editor. */
export async function goToLine(page, line, column) {
	await page.keyboard.press('Control+G');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	// Ctrl+G opens Quick Open in its go-to-line mode, whose prefix is ':'.
	await input.fill(`:${line}:${column}`);
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	await page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

/** The status bar's problem counter, as its aria label reads: `{ errors, warnings }`. */
export async function problemCounts(page) {
	const label = await page.locator('[id="status.problems"]').getAttribute('aria-label') ?? '';
	const count = name => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
	return { errors: count('Errors'), warnings: count('Warnings'), label };
}

/**
 * Waits until the status bar's counter reads `want`: `{ errors, warnings }` exact, or
 * `{ minErrors, minWarnings }` at least.
 */
export async function waitForProblemCounts(page, want) {
	try {
		await page.waitForFunction(want => {
			const label = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
			const count = name => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
			const errors = count('Errors');
			const warnings = count('Warnings');
			return (want.errors === undefined || errors === want.errors) && (want.warnings === undefined || warnings === want.warnings)
				&& errors >= (want.minErrors ?? 0) && warnings >= (want.minWarnings ?? 0);
		}, want);
	} catch {
		throw new Error(`the status bar never showed ${JSON.stringify(want)}; it says "${(await problemCounts(page)).label}"`);
	}
	return problemCounts(page);
}

/** The Problems panel's rows (a virtual list: only those on screen are in the DOM). */
export function problemRows(page) {
	return page.locator('.markers-panel .monaco-list-row');
}

/** Opens the Problems panel with Ctrl+Shift+M and waits for its tree. */
export async function openProblems(page) {
	if (!await page.locator('.markers-panel').isVisible().catch(() => false)) {
		await page.keyboard.press('Control+Shift+M');
	}
	await page.locator('.markers-panel').waitFor();
}

/** Types `text` into the Problems panel's filter box (empty clears it). */
export async function filterProblems(page, text) {
	const input = page.locator('.part.panel .viewpane-filter input');
	await input.fill(text);
}

/**
 * A picture of the whole window: notifications cleared, the mouse parked on the status bar's
 * empty middle (no tooltip, no sash highlight) unless the picture is of what it hovers, and the
 * editor's horizontal scrollbar faded out as it is when nobody scrolls.
 */
export async function screenshot(page, path, { keepMouse = false } = {}) {
	await clearNotifications(page);
	if (!keepMouse) {
		const viewport = page.viewportSize();
		await page.mouse.move(viewport.width / 2, viewport.height - 10);
	}
	// Fully faded (an opacity transition of most of a second), not just marked to fade.
	await page.waitForFunction(() => [...document.querySelectorAll('.editor-instance .scrollbar.horizontal')]
		.every(bar => getComputedStyle(bar).opacity === '0'), undefined, { timeout: 3000 })
		.catch(() => undefined);
	// A short settle for the last fade-in (hover, menu, theme): the picture needs it, not the check.
	await page.waitForTimeout(200);
	await page.screenshot({ path });
}
