// The report command's every path, driven by supplied answers: what it would open, copy and
// write, that secrets never leave, and that cancelling leaves nothing behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportOutcome } from '../../src/extension/report/command';
import { activateExtension, closeAllEditors, openFixture, waitForDiagnostics } from './helpers/index';

const FIXTURE = 'policy/orders-db.tf';
const PASSWORD = 'Pelican-Harbour-4417';
const PREVIEW_SCHEME = 'aup-guard-report';

describe('Report command', () => {
	const opened: vscode.TextDocument[] = [];
	let finding: { uri: vscode.Uri; ruleId: string; range: vscode.Range; message: string };
	let folder: string;

	before(async () => {
		await activateExtension();
	});

	beforeEach(async () => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aup-guard-report-'));
		const document = await openFixture(FIXTURE);
		opened.push(document);
		const diagnostics = await waitForDiagnostics(document.uri, found => found.some(entry => codeOf(entry) === 'AUP-CRD-003'));
		const diagnostic = diagnostics.find(entry => codeOf(entry) === 'AUP-CRD-003');
		assert.ok(diagnostic);
		finding = { uri: document.uri, ruleId: 'AUP-CRD-003', range: diagnostic.range, message: diagnostic.message };
	});

	afterEach(async () => {
		await closeAllEditors(opened.splice(0));
		fs.rmSync(folder, { recursive: true, force: true });
	});

	async function report(answers: Record<string, unknown>, from: unknown = finding): Promise<ReportOutcome> {
		const outcome = await vscode.commands.executeCommand<ReportOutcome | undefined>('aupGuard.reportViolation', from, answers);
		assert.ok(outcome, 'the command failed; see the AUP Guard output');
		return outcome;
	}

	it('opens a mailto link to the abuse address, prefilled from the finding, with the password removed', async () => {
		const opener: string[] = [];
		const outcome = await report({
			kind: 'violation', description: 'Generated DB config: password & more? See #42', includeExcerpt: true, delivery: 'mail',
			openExternal: (url: string) => { opener.push(url); return Promise.resolve(true); },
		});
		assert.equal(outcome.delivery, 'mail');
		assert.ok(outcome.delivery === 'mail');
		assert.deepEqual(opener, [outcome.url]);
		assert.equal(outcome.truncated, false);
		const url = new URL(outcome.url);
		assert.equal(url.protocol, 'mailto:');
		assert.equal(url.pathname, 'abuse@autoscalr.com');
		const subject = url.searchParams.get('subject') ?? '';
		const body = url.searchParams.get('body') ?? '';
		assert.equal(subject, '[AUP violation] AUP-CRD-003: Generated DB config: password & more? See #42');
		assert.match(body, /- Rule: AUP-CRD-003/);
		assert.match(body, /File `policy\/orders-db.tf`, lines 6–10/);
		assert.match(body, /password {12}= "<redacted: [^>]+>"/);
		assert.match(body, new RegExp(`- VS Code ${vscode.version.replace(/\./g, '\\.')}`));
		assert.ok(!outcome.url.includes(PASSWORD) && !body.includes(PASSWORD) && !outcome.preview.includes(PASSWORD));
		assert.ok(outcome.preview.includes('<redacted: '));
	});

	it('needs the link as text: VS Code\'s Uri round trip decodes the escapes of & # ?', async () => {
		const outcome = await report({ kind: 'violation', description: 'a & b? #1', includeExcerpt: false, delivery: 'mail', openExternal: () => Promise.resolve(true) });
		assert.ok(outcome.delivery === 'mail');
		const parsed = vscode.Uri.parse(outcome.url, true);
		// Strict parsing accepts it, but toString(true), which VS Code's opener passes through
		// encodeURI, has a bare & inside the subject: it would end the field.
		assert.equal(parsed.scheme, 'mailto');
		const text = parsed.toString(true);
		assert.ok(text.startsWith('mailto:abuse@autoscalr.com?subject=[AUP violation] AUP-CRD-003: a & b%3F %231&body='), text.slice(0, 120));
		// and the headings' `#` become %23, which encodeURI turns into %2523: the mail would show "%23".
		assert.match(text, /\r\n%23%23 Description\r\n/);
		assert.equal(new URL(outcome.url).searchParams.get('subject'), '[AUP violation] AUP-CRD-003: a & b? #1');
	});

	it('saves the full report for attachment when the email link would be too long', async () => {
		const savePath = path.join(folder, 'aup-guard-report.md');
		const outcome = await report({ kind: 'security', description: 'Long account of the issue. '.repeat(120), includeExcerpt: true, delivery: 'mail', savePath, openExternal: () => Promise.resolve(true) });
		assert.ok(outcome.delivery === 'mail');
		assert.equal(outcome.truncated, true);
		assert.ok(outcome.url.length <= 1800, `${outcome.url.length} characters`);
		assert.ok(outcome.url.startsWith('mailto:security@autoscalr.com?'));
		const saved = fs.readFileSync(savePath, 'utf8');
		assert.equal(outcome.attachment, vscode.Uri.file(savePath).toString());
		assert.match(saved, /## Excerpt/);
		assert.ok(!saved.includes(PASSWORD));
		assert.match(decodeURIComponent(outcome.url), /aup-guard-report\.md: please attach it/);
	});

	it('copies the previewed report to the clipboard', async () => {
		const outcome = await report({ kind: 'violation', description: 'Copied', includeExcerpt: true, delivery: 'clipboard' });
		assert.ok(outcome.delivery === 'clipboard');
		assert.equal(outcome.text, outcome.preview);
		assert.equal(await vscode.env.clipboard.readText(), outcome.text);
		assert.ok(!outcome.text.includes(PASSWORD));
	});

	it('saves the previewed report as a Markdown file', async () => {
		const savePath = path.join(folder, 'report.md');
		const outcome = await report({ kind: 'violation', description: 'Saved', includeExcerpt: false, delivery: 'save', savePath });
		assert.ok(outcome.delivery === 'save');
		const saved = fs.readFileSync(savePath, 'utf8');
		assert.equal(saved, outcome.preview);
		assert.match(saved, /^# \[AUP violation\] AUP-CRD-003: Saved\n\nTo: abuse@autoscalr.com\n/);
		assert.doesNotMatch(saved, /## Excerpt/);
	});

	for (const [step, answers] of [
		['kind', { kind: null }],
		['description', { kind: 'violation', description: null }],
		['excerpt', { kind: 'violation', description: 'x', includeExcerpt: null }],
		['delivery', { kind: 'violation', description: 'x', includeExcerpt: true, delivery: 'cancel' }],
		['save', { kind: 'violation', description: 'x', includeExcerpt: true, delivery: 'save', savePath: null }],
	] as const) {
		it(`leaves nothing behind when cancelled at the ${step} step`, async () => {
			await vscode.env.clipboard.writeText('untouched');
			const before = fs.readdirSync(folder);
			const outcome = await report({ ...answers, openExternal: () => Promise.reject(new Error('nothing may open')) });
			assert.deepEqual(outcome, { delivery: 'cancelled', step });
			assert.equal(await vscode.env.clipboard.readText(), 'untouched');
			assert.deepEqual(fs.readdirSync(folder), before);
			const previews = vscode.window.tabGroups.all.flatMap(group => group.tabs)
				.filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === PREVIEW_SCHEME);
			assert.deepEqual(previews.map(tab => tab.label), []);
			assert.ok(vscode.workspace.textDocuments.every(document => !document.isDirty), 'a document was left dirty');
		});
	}

	it('rejects answers of an unknown shape instead of asking', async () => {
		const outcome = await vscode.commands.executeCommand('aupGuard.reportViolation', finding, { delivery: 'fax' });
		assert.equal(outcome, undefined);
	});
});

function codeOf(diagnostic: vscode.Diagnostic): string {
	const code = diagnostic.code;
	return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}
