// Journeys outside the editor: the Findings view in its own activity-bar container after a
// workspace scan, and the AUP responsibilities view (a webview).
import { runCommand } from './workbench.mjs';

/**
 * The shield in the activity bar opens the Findings view; "AUP Guard: Scan Workspace" adds the
 * files nobody opened, and the tree groups everything by AUP section with counts.
 */
export async function findingsView({ page, shoot }) {
	const container = page.locator('.activitybar .action-item .action-label[aria-label^="AUP Guard"]');
	const badgeBefore = await findingsBadge(container);
	// The item, not its label: the count badge sits over the label's centre.
	await page.locator('.activitybar .action-item', { has: page.locator('.action-label[aria-label^="AUP Guard"]') }).click();
	const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Findings' }) });
	await view.waitFor();
	await runCommand(page, 'AUP Guard: Scan Workspace');
	// The scan reads the files that are not open (kubernetes/, compose/, cloudformation/): the badge grows.
	await page.waitForFunction(([selector, before]) => {
		const label = document.querySelector(selector)?.getAttribute('aria-label') ?? '';
		return Number(/(\d+) AUP Guard finding/.exec(label)?.[1] ?? 0) > before;
	}, ['.activitybar .action-item .action-label[aria-label^="AUP Guard"]', badgeBefore]);
	const sections = view.locator('.monaco-list-row', { hasText: /AUP §\d/ });
	await sections.first().waitFor();
	const texts = await sections.allInnerTexts();
	const withCounts = texts.filter(text => /\d+ (errors?|warnings?)/.test(text));
	if (withCounts.length < 2) {
		throw new Error(`expected two or more AUP sections with counts, the view shows:\n${texts.join('\n')}`);
	}
	// Room to read the findings, as a person reviewing them makes it: no panel, a wider side bar.
	await runCommand(page, 'View: Hide Panel');
	await page.locator('.part.panel').waitFor({ state: 'hidden' });
	await widenSideBar(page, 720);
	await shoot('findings-view');
}

/**
 * "AUP Guard: Show Acceptable Use Policy Responsibilities" opens a webview with the policy's
 * items; so does the law icon in the Findings view's title bar, which the API cannot reach.
 */
export async function policyView({ page, shoot }) {
	await runCommand(page, 'AUP Guard: Show Acceptable Use Policy Responsibilities');
	await waitForPolicyView(page);
	await shoot('policy-view');
	await runCommand(page, 'View: Close Editor');
	await page.locator('.tabs-container .tab', { hasText: /Acceptable Use/ }).waitFor({ state: 'detached' });
	// The container's title bar shows the actions of its only view; the view's own header, hidden, has a copy.
	await page.locator('.part.sidebar .composite.title .action-label[aria-label^="Show Acceptable Use Policy"]').click();
	await waitForPolicyView(page);
	// And from the link in the status bar item's tooltip, which only that command may run from.
	await runCommand(page, 'View: Close Editor');
	await page.locator('.tabs-container .tab', { hasText: /Acceptable Use/ }).waitFor({ state: 'detached' });
	await page.locator('.part.statusbar .statusbar-item[id*="aupGuard.status"]').hover();
	await page.locator('.workbench-hover a, .monaco-hover a', { hasText: 'Your AUP responsibilities' }).click();
	await waitForPolicyView(page);
}

async function waitForPolicyView(page) {
	await page.locator('.tabs-container .tab.active', { hasText: /Acceptable Use|AUP/ }).waitFor();
	const frame = await webviewContent(page);
	await frame.locator('[data-item]').first().waitFor();
}

/** "Preferences: Color Theme", Light Modern: the Findings view and the editor follow the theme. */
export async function lightTheme({ page, shoot }) {
	await runCommand(page, 'View: Close Editor');
	await page.locator('.tabs-container .tab.active', { hasText: 'database.tf' }).waitFor();
	await runCommand(page, 'Preferences: Color Theme', { opensPicker: true });
	await page.locator('.quick-input-widget input').fill('Light Modern');
	// Enter accepts the theme; a click on the row only previewed it, and closing the picker then
	// put the dark theme back after the checks below had already passed.
	await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: /^Light Modern/ }).waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Findings' }) }).locator('.monaco-list-row', { hasText: /AUP §\d/ }).first().waitFor();
	await waitForLightSideBar(page);
	await shoot('findings-view-light');
	// Still light after the picture: the theme was applied, not previewed.
	await waitForLightSideBar(page);
}

/** The side bar as painted: a class on the workbench has said light while the picture stayed dark. */
async function waitForLightSideBar(page) {
	await page.waitForFunction(() => {
		const [r, g, b] = (getComputedStyle(document.querySelector('.part.sidebar')).backgroundColor.match(/\d+/g) ?? []).map(Number);
		return r + g + b > 600;
	}, undefined, { timeout: 10_000 });
}

/** Drags the sash on the side bar's right edge until the side bar is `width` pixels wide. */
async function widenSideBar(page, width) {
	const sideBar = page.locator('.part.sidebar');
	const box = await sideBar.boundingBox();
	const y = box.y + box.height / 2;
	await page.mouse.move(box.x + box.width - 1, y);
	await page.mouse.down();
	await page.mouse.move(box.x + width, y, { steps: 5 });
	await page.mouse.up();
	// Off the sash, or its highlight stays in the picture.
	await page.mouse.move(box.x + width / 2, box.y - 20);
	await page.waitForFunction(want => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) >= want, width - box.x - 10);
}

async function findingsBadge(container) {
	const label = await container.getAttribute('aria-label') ?? '';
	return Number(/(\d+) AUP Guard finding/.exec(label)?.[1] ?? 0);
}

/** A webview's page lives two iframes deep (the host frame, then the content frame). */
async function webviewContent(page) {
	const host = page.frameLocator('iframe.webview.ready');
	const content = host.frameLocator('iframe#active-frame');
	await content.locator('body').waitFor();
	return content;
}
