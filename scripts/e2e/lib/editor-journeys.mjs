// Journeys in the editor: open a flagged file and see its squiggles and Problems entries, read
// the hover, apply a quick fix from the lightbulb menu. Each leaves the workbench in the state
// the next one starts from (the file open, the Problems panel showing).
import { filterProblems, goToLine, openProblems, problemCounts, problemRows, quickOpen, waitForProblemCounts } from './workbench.mjs';

const SQUIGGLES = '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error';

/** web-server.tf: SSH open to the world (AUP-NET-001) and curl piped into a shell (AUP-EXE-001). */
export async function openFlaggedFile({ page, shoot }) {
	await quickOpen(page, 'terraform/web-server.tf');
	await waitForProblemCounts(page, { minWarnings: 2 });
	await page.locator(SQUIGGLES).first().waitFor();
	await openProblems(page);
	const row = problemRows(page).filter({ hasText: 'AUP-NET-001' });
	await row.first().waitFor();
	const label = await row.first().getAttribute('aria-label');
	if (!/^Warning: SSH \(22\) is open to the whole internet/.test(label ?? '')) {
		throw new Error(`the Problems entry for AUP-NET-001 reads: ${label}`);
	}
	await problemRows(page).filter({ hasText: 'AUP-EXE-001' }).first().waitFor();
	// Focus back in the editor, as after reading the list: the panel's selection is not the point.
	await page.locator('.editor-instance .monaco-editor .view-lines').click({ position: { x: 5, y: 5 } });
	// Scrolled until the curl line shows too: both squiggles in one picture.
	await scrollIntoEditorView(page, page.locator('.editor-instance .view-line', { hasText: 'get.docker.com' }));
	if (await page.locator('.monaco-editor .squiggly-warning').count() < 2) {
		throw new Error('expected the squiggles of both findings on screen');
	}
	await shoot('problems-panel');
}

/** Hovering the squiggle under "0.0.0.0/0" explains the finding: rule, AUP section, fix. */
export async function hoverSquiggle({ page, shoot, rules }) {
	// Back to the top (the cursor is in the editor), where the SSH rule's squiggle is the first one.
	await page.keyboard.press('Control+Home');
	await page.locator('.editor-instance .view-line', { hasText: '# Prompt:' }).waitFor();
	const boxes = await page.locator('.monaco-editor .squiggly-warning').evaluateAll(squiggles => squiggles
		.map(squiggle => squiggle.getBoundingClientRect()).map(({ x, y, width, height }) => ({ x, y, width, height })));
	const box = boxes.sort((a, b) => a.y - b.y)[0];
	if (!box) {
		throw new Error('no squiggle on screen to hover');
	}
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'AUP-NET-001' });
	await hover.first().waitFor();
	const text = await hover.first().innerText();
	const expected = [`AUP-NET-001: ${rules.get('AUP-NET-001').title}`, `AUP section ${rules.get('AUP-NET-001').aupSection}`, 'Why it matters.'];
	const missing = expected.filter(part => !text.includes(part));
	if (missing.length > 0) {
		throw new Error(`the hover lacks ${missing.map(part => `"${part}"`).join(', ')}; it reads:\n${text}`);
	}
	await shoot('hover', { keepMouse: true });
	// Away from the squiggle, and Escape: the hover goes, as it does for a person moving on.
	await page.mouse.move(1, 1);
	await page.keyboard.press('Escape');
	await hover.first().waitFor({ state: 'hidden' });
}

/**
 * database.tf: the hard-coded database password (AUP-CRD-003, line 15). Ctrl+. on it offers
 * "Replace with var.<name>, declared sensitive at the end of the file"; choosing it rewrites the
 * line and removes the finding from the Problems panel.
 */
export async function applyQuickFix({ page, shoot }) {
	await quickOpen(page, 'terraform/database.tf');
	await filterProblems(page, 'AUP-CRD-003');
	await problemRows(page).filter({ hasText: 'AUP-CRD-003' }).first().waitFor();
	const before = await problemCounts(page);

	await goToLine(page, 15, 32);
	await page.keyboard.press('Control+.');
	const menu = page.locator('.action-widget');
	const fix = menu.locator('.monaco-list-row', { hasText: /^Replace with var\.\w+, declared sensitive/ });
	await fix.first().waitFor();
	await shoot('quick-fix');
	const title = await fix.first().getAttribute('aria-label');
	const variable = /var\.(\w+)/.exec(title)[1];
	// The keyboard, as after Ctrl+.: arrows to the fix (the preferred one is usually focused), Enter.
	await chooseMenuRow(page, menu, title);
	await menu.waitFor({ state: 'hidden' });

	const line = page.locator('.editor-instance .view-line', { hasText: new RegExp(`password\\s+=\\s+var\\.${variable}\\b`) });
	await line.first().waitFor();
	await page.locator('.editor-instance .view-line', { hasText: 'Sup3rS3cret' }).waitFor({ state: 'detached' });
	await problemRows(page).filter({ hasText: 'AUP-CRD-003' }).first().waitFor({ state: 'detached' });
	// One error fewer, the warnings untouched: the fix removed this finding and nothing else.
	await waitForProblemCounts(page, { errors: before.errors - 1, warnings: before.warnings });
	await filterProblems(page, '');
}

async function chooseMenuRow(page, menu, label) {
	const rows = await menu.locator('.monaco-list-row').count();
	for (let step = 0; step <= rows; step++) {
		if (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label') === label) {
			await page.keyboard.press('Enter');
			return;
		}
		await page.keyboard.press('ArrowDown');
	}
	throw new Error(`could not reach "${label}" in the quick fix menu`);
}

/**
 * Scrolls the focused editor a line at a time (Ctrl+Down, the cursor stays put) until `line` is
 * on screen in it; a bounded number of steps.
 */
async function scrollIntoEditorView(page, line) {
	const editor = await page.locator('.editor-instance .monaco-editor .view-lines').boundingBox();
	for (let step = 0; step < 60; step++) {
		// Monaco renders only the lines on screen: until it is there, there is nothing to measure.
		const box = await line.count() > 0 ? await line.first().boundingBox() : null;
		if (box && box.y >= editor.y && box.y + box.height <= editor.y + editor.height) {
			// Two lines more, so the line is not cut by the panel's edge.
			await page.keyboard.press('Control+ArrowDown');
			await page.keyboard.press('Control+ArrowDown');
			return;
		}
		await page.keyboard.press('Control+ArrowDown');
	}
	throw new Error('scrolled and never saw the line');
}
