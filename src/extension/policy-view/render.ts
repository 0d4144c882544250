import type { StandingStatus } from '../../engine/policy/standing';
import { isToken } from './messages';
import type { ViewFinding, ViewItem, ViewModel, ViewSection } from './model';

// No `vscode` import: the page is a string built here, so escaping and the CSP are unit-tested.
// Nothing in it runs inline: no <script> body, no on* attributes, no style attributes; the one
// script and the one style sheet come from media/policy-view/ under the CSP below.

export interface PageInput {
	readonly model: ViewModel;
	/** Fresh for every render: the CSP admits only the script carrying it. */
	readonly nonce: string;
	/** `webview.cspSource`: the origin the webview serves local resources from. */
	readonly cspSource: string;
	readonly styleUri: string;
	readonly scriptUri: string;
	/** An anchor to scroll to and highlight once the page has loaded. */
	readonly highlight?: string;
	/** An anchor to scroll back to without highlighting: the state restored after a restart. */
	readonly scrollTo?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return [
		`default-src 'none'`,
		`style-src ${cspSource}`,
		`script-src 'nonce-${nonce}'`,
		`img-src ${cspSource} data:`,
		`font-src ${cspSource}`,
	].join('; ');
}

export function renderPage(input: PageInput): string {
	const { model } = input;
	const highlight = dataAttribute('highlight', input.highlight) + dataAttribute('scroll', input.scrollTo);
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>Acceptable Use Policy</title>
</head>
<body${highlight}>
<header class="page-header">
<h1>${escapeHtml(model.owner)} Acceptable Use Policy: what it asks of you</h1>
<p class="lead">A short summary in AUP Guard's own words of the policy last updated ${escapeHtml(formatDate(model.lastUpdated))}. The policy itself is the authority.</p>
${policyLink(model)}
<nav aria-label="Policy sections"><ul class="toc">${model.sections.map(tocEntry).join('')}</ul></nav>
</header>
<main id="content" aria-label="Policy summary and workspace standing">
${renderContent(model)}
</main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>
`;
}

/** The part of the page that changes with the findings; sent again as a whole on each update. */
export function renderContent(model: ViewModel): string {
	const unattributed = model.unattributed.length === 0 ? '' : `<section class="policy-section" id="other-findings" tabindex="-1" aria-labelledby="h-other-findings">
<h2 id="h-other-findings">Other findings</h2>
<p>Findings of a kind no part of this summary claims.</p>
${findingList(model.unattributed, 0)}
</section>`;
	return `<p class="scope" data-scope="${escapeHtml(model.scope.kind)}">${icon('info')}<span>${escapeHtml(model.scopeNote)}</span></p>
${model.sections.map(section).join('\n')}
${unattributed}`;
}

/** Escapes text for HTML element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"'`]/g, char => ESCAPES[char] ?? char);
}

/** A summary of the standing for screen readers after an update. */
export function announcement(model: ViewModel): string {
	const items = model.sections.flatMap(entry => entry.items);
	const total = items.reduce((sum, entry) => sum + entry.total, 0);
	const withFindings = items.filter(entry => entry.status === 'findings').length;
	return total === 0
		? 'Standing updated: nothing found in the checked files.'
		: `Standing updated: ${total} ${total === 1 ? 'finding' : 'findings'} under ${withFindings} ${withFindings === 1 ? 'responsibility' : 'responsibilities'}.`;
}

function dataAttribute(name: string, anchor: string | undefined): string {
	return anchor && isToken(anchor) ? ` data-${name}="${escapeHtml(anchor)}"` : '';
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;', '`': '&#96;' };

function policyLink(model: ViewModel): string {
	// Addresses as text, not mailto links: the page opens nothing itself; the report button does it through the extension.
	const contacts = `Policy breaches: <span class="address">${escapeHtml(model.contacts.abuse)}</span>. Security issues: <span class="address">${escapeHtml(model.contacts.security)}</span>.`;
	if (model.policyUrl) {
		return `<p class="actions"><button type="button" class="primary" data-action="openPolicy" title="${escapeHtml(model.policyUrl)}">Read the full policy</button> <button type="button" data-action="report">Report a violation or security issue…</button></p>
<p class="contacts">${contacts}</p>`;
	}
	return `<p class="actions"><button type="button" data-action="report">Report a violation or security issue…</button> <button type="button" data-action="openSettings">Set a link to the full policy…</button></p>
<p class="contacts">No link to the full policy is set (<code>aupGuard.policyUrl</code>); ask ${escapeHtml(model.owner)} for it. ${contacts}</p>`;
}

function tocEntry(entry: ViewSection): string {
	return `<li><a href="#${escapeHtml(entry.anchor)}" data-anchor="${escapeHtml(entry.anchor)}">§${escapeHtml(entry.number)} ${escapeHtml(entry.title)}</a></li>`;
}

function section(entry: ViewSection): string {
	const heading = `h-${entry.anchor}`;
	const points = entry.points.length > 0 ? `<ul class="points">${entry.points.map(point => `<li>${escapeHtml(point)}</li>`).join('')}</ul>` : '';
	const items = entry.items.length > 0 ? `<div class="items">${entry.items.map(item).join('\n')}</div>` : '';
	return `<section class="policy-section" id="${escapeHtml(entry.anchor)}" tabindex="-1" aria-labelledby="${escapeHtml(heading)}">
<h2 id="${escapeHtml(heading)}"><span class="section-number">§${escapeHtml(entry.number)}</span> ${escapeHtml(entry.title)}</h2>
<p>${escapeHtml(entry.summary)}</p>
${points}${items}
</section>`;
}

function item(entry: ViewItem): string {
	const heading = `h-${entry.anchor}`;
	const points = entry.points.length > 0 ? `<ul class="points">${entry.points.map(point => `<li>${escapeHtml(point)}</li>`).join('')}</ul>` : '';
	const outside = `<p class="outside"><span class="label">Outside the files:</span> ${escapeHtml(entry.outsideFiles)}</p>`;
	const errors = entry.findings.some(link => link.severity === 'error') ? ' has-errors' : '';
	return `<article class="item status-${escapeHtml(entry.status)}${errors}" id="${escapeHtml(entry.anchor)}" tabindex="-1" aria-labelledby="${escapeHtml(heading)}" data-item="${escapeHtml(entry.id)}" data-status="${escapeHtml(entry.status)}" data-findings="${entry.total}">
<h3 id="${escapeHtml(heading)}">${escapeHtml(entry.title)}</h3>
<p class="summary">${escapeHtml(entry.summary)}</p>
${points}<p class="standing">${icon(statusIcon(entry))}<span class="visually-hidden">${escapeHtml(STATUS_LABELS[entry.status])}: </span><span>${escapeHtml(entry.sentence)}</span></p>
${findingList(entry.findings, entry.hidden)}${outside}${entry.id === 'report' ? REPORT_BUTTON : ''}
</article>`;
}

const REPORT_BUTTON = '<p class="actions"><button type="button" data-action="report">Report a violation or security issue…</button></p>';

function findingList(findings: readonly ViewFinding[], hidden: number): string {
	if (findings.length === 0) {
		return '';
	}
	const more = hidden > 0 ? `<li class="more">…and ${hidden} more in the Problems panel</li>` : '';
	return `<ul class="findings">${findings.map(finding).join('')}${more}</ul>\n`;
}

function finding(entry: ViewFinding): string {
	const where = `${entry.file}:${entry.line}`;
	return `<li class="finding severity-${escapeHtml(entry.severity)}">${icon(entry.severity === 'error' ? 'error' : entry.severity === 'warning' ? 'warning' : 'info')}<span class="visually-hidden">${escapeHtml(entry.severity)}: </span>`
		+ `<button type="button" class="link" data-reveal="${escapeHtml(entry.id)}" aria-label="${escapeHtml(`Reveal ${entry.ruleId} in ${entry.file}, line ${entry.line}`)}">${escapeHtml(where)}</button> `
		+ `<span class="rule">${escapeHtml(entry.ruleId)}</span> <span class="message">${escapeHtml(entry.message)}</span></li>`;
}

type IconName = 'pass' | 'error' | 'warning' | 'info' | 'outside' | 'unknown';

const STATUS_LABELS: Readonly<Record<StandingStatus, string>> = {
	'findings': 'Findings',
	'clear': 'Nothing found',
	'not-checked': 'Not checked',
	'outside-files': 'Outside the files',
};

function statusIcon(entry: ViewItem): IconName {
	switch (entry.status) {
		case 'findings':
			return entry.findings.some(link => link.severity === 'error') ? 'error' : 'warning';
		case 'clear':
			return 'pass';
		case 'not-checked':
			return 'unknown';
		case 'outside-files':
			return 'outside';
	}
}

/** Small 16×16 outline icons drawn in the text colour of their class; decorative, so hidden from screen readers. */
const ICON_PATHS: Readonly<Record<IconName, string>> = {
	pass: 'M6.3 11.3 3 8l1-1 2.3 2.3L12 3.6l1 1z',
	error: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm3 9.1-.9.9L8 8.9 5.9 11l-.9-.9L7.1 8 5 5.9l.9-.9L8 7.1 10.1 5l.9.9L8.9 8z',
	warning: 'M8 1.5 15 14H1zm0 2.1L2.7 13h10.6zM7.4 6h1.2v4H7.4zm0 5h1.2v1.2H7.4z',
	info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.2a5.8 5.8 0 1 1 0 11.6A5.8 5.8 0 0 1 8 2.2zM7.4 7h1.2v4.5H7.4zm0-2.5h1.2v1.2H7.4z',
	outside: 'M2 3h8v1H3v9h9V9h1v5H2zm7-1h5v5h-1V3.7L8.4 8.3l-.7-.7L12.3 3H9z',
	unknown: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.2a5.8 5.8 0 1 1 0 11.6A5.8 5.8 0 0 1 8 2.2zM5 7.4h6v1.2H5z',
};

function icon(name: IconName): string {
	return `<svg class="icon icon-${name}" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" fill-rule="evenodd" d="${ICON_PATHS[name]}"/></svg>`;
}

function formatDate(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
	return match ? `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}` : iso;
}
