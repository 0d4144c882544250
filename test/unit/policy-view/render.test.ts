import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/engine/finding';
import { AUP_SUMMARY } from '../../../src/engine/policy/aup-summary';
import { computeStanding, type FileFinding } from '../../../src/engine/policy/standing';
import { buildViewModel, type ViewModel } from '../../../src/extension/policy-view/model';
import { contentSecurityPolicy, escapeHtml, renderContent, renderPage } from '../../../src/extension/policy-view/render';

function found(file: string, line: number, message: string, category: Finding['category'] = 'credentials'): FileFinding {
	return {
		file,
		finding: { ruleId: 'AUP-CRD-003', severity: 'error', message, range: { start: { line, character: 2 }, end: { line, character: 9 } }, aupSection: '3', category, fixes: [] },
	};
}

function model(findings: readonly FileFinding[], policyUrl?: string): ViewModel {
	const standing = computeStanding(findings, AUP_SUMMARY, { filesChecked: 3 });
	return buildViewModel(AUP_SUMMARY, standing, { kind: 'open-documents', filesChecked: 3 }, policyUrl).model;
}

const HOSTILE = '<img src=x onerror="alert(1)">\'`&';

function page(view: ViewModel, highlight?: string): string {
	return renderPage({ model: view, nonce: 'n0nce-AbC_123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', styleUri: 'https://res/main.css', scriptUri: 'https://res/main.js', ...(highlight ? { highlight } : {}) });
}

describe('AUP view rendering', () => {
	it('escapes every character that could open a tag or leave an attribute', () => {
		assert.equal(escapeHtml(HOSTILE), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&#96;&amp;');
	});

	it('escapes finding messages and file names from the workspace', () => {
		const html = page(model([found(`infra/${HOSTILE}.tf`, 4, `password ${HOSTILE}`)]));
		assert.ok(!html.includes('<img'), 'a tag from a finding reached the page');
		assert.ok(!html.includes('onerror="'), 'an attribute from a finding reached the page');
		assert.match(html, /password &lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
	});

	it('sets a CSP with the nonce, and the one script carries it', () => {
		const html = page(model([]));
		const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'n0nce-AbC_123');
		assert.equal(csp, "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-n0nce-AbC_123'; img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net");
		assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`));
		const scripts = html.match(/<script\b[^>]*>/g) ?? [];
		assert.deepEqual(scripts, ['<script nonce="n0nce-AbC_123" src="https://res/main.js">']);
		assert.ok(html.includes('<script nonce="n0nce-AbC_123" src="https://res/main.js"></script>'), 'the script has no inline body');
	});

	it('has no inline handlers, style attributes, style elements or remote content', () => {
		const html = page(model([found('a.tf', 1, 'x')], 'https://example.com/aup'));
		assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
		assert.doesNotMatch(html, /\sstyle\s*=/i);
		assert.doesNotMatch(html, /<style\b/i);
		assert.doesNotMatch(html, /\s(src|href)="(?!https:\/\/res\/|#)/, 'only the media files and in-page anchors are referenced');
	});

	it('uses landmarks, one h1, and labelled sections for screen readers', () => {
		const html = page(model([]));
		assert.equal((html.match(/<h1\b/g) ?? []).length, 1);
		assert.match(html, /<main id="content" aria-label="[^"]+">/);
		assert.match(html, /<nav aria-label="Policy sections">/);
		assert.match(html, /<div id="announcer" class="visually-hidden" role="status" aria-live="polite">/);
		for (const section of AUP_SUMMARY.sections) {
			assert.match(html, new RegExp(`<section class="policy-section" id="section-${section.number}" tabindex="-1" aria-labelledby="h-section-${section.number}">`));
		}
		assert.doesNotMatch(html, /<svg(?![^>]*aria-hidden="true")/, 'decorative icons are hidden from screen readers');
	});

	it('shows findings as buttons that name the finding by id only', () => {
		const html = renderContent(model([found('infra/db.tf', 4, 'password written in configuration')]));
		assert.match(html, /<button type="button" class="link" data-reveal="f1" aria-label="Reveal AUP-CRD-003 in infra\/db.tf, line 5">infra\/db.tf:5<\/button>/);
		assert.match(html, /data-item="credentials" data-status="findings" data-findings="1"/);
	});

	it('says what was checked when nothing was found, and what lies outside the files', () => {
		const html = renderContent(model([]));
		assert.match(html, /<span>Nothing found — checked 3 files for hard-coded access keys/);
		assert.match(html, /Outside the files:<\/span> Whether MFA is on for your Autoscalr account/);
		assert.match(html, /data-scope="open-documents"/);
		assert.match(html, /run AUP Guard: Scan Workspace to include every file/);
	});

	it('links the full policy only when a web address is set, else names the contacts', () => {
		const withUrl = page(model([], 'https://example.com/aup'));
		assert.match(withUrl, /data-action="openPolicy"/);
		const without = page(model([], 'javascript:alert(1)'));
		assert.doesNotMatch(without, /data-action="openPolicy"/);
		assert.doesNotMatch(without, /javascript:/);
		assert.match(without, /abuse@autoscalr\.com/);
		assert.match(without, /data-action="openSettings"/);
	});

	it('passes a highlight target only when it is a plain anchor', () => {
		assert.match(page(model([]), 'item-backups'), /<body data-highlight="item-backups">/);
		assert.match(page(model([]), '"><script>'), /<body>/);
	});
});
