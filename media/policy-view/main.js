// @ts-check
// The AUP view's only script, loaded under a nonce (src/extension/policy-view/render.ts). It turns
// clicks into the few messages the extension accepts (src/extension/policy-view/messages.ts),
// swaps in updated content, and keeps one piece of state: the section the user scrolled to.
(function () {
	'use strict';
	// eslint-disable-next-line no-undef -- provided by the webview host
	const vscode = acquireVsCodeApi();
	const content = document.getElementById('content');
	const announcer = document.getElementById('announcer');
	const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;
	/** @type {string | undefined} */
	let highlighted;

	document.addEventListener('click', event => {
		const target = event.target instanceof Element ? event.target.closest('[data-reveal], [data-action], a[data-anchor]') : null;
		if (!(target instanceof HTMLElement)) {
			return;
		}
		if (target.dataset.reveal) {
			vscode.postMessage({ type: 'reveal', findingId: target.dataset.reveal });
		} else if (target.dataset.action === 'openPolicy' || target.dataset.action === 'openSettings' || target.dataset.action === 'report') {
			vscode.postMessage({ type: target.dataset.action });
		} else if (target.dataset.anchor) {
			// In-page links move the keyboard focus too, so the next Tab continues from the section.
			event.preventDefault();
			highlight(target.dataset.anchor, false);
		}
	});

	window.addEventListener('message', event => {
		const message = event.data;
		if (typeof message !== 'object' || message === null) {
			return;
		}
		if (message.type === 'update' && typeof message.html === 'string' && content) {
			update(message.html, typeof message.announcement === 'string' ? message.announcement : '');
		} else if (message.type === 'highlight' && typeof message.anchor === 'string') {
			highlight(message.anchor, true);
		} else if (message.type === 'requestState' && Number.isSafeInteger(message.requestId)) {
			vscode.postMessage({ type: 'state', requestId: message.requestId, rendered: renderedState() });
		}
	});

	/** Replaces the content, keeping the keyboard focus on the same control when it still exists. */
	function update(html, text) {
		const active = document.activeElement instanceof HTMLElement ? focusKey(document.activeElement) : undefined;
		const scrollY = window.scrollY;
		content.innerHTML = html;
		if (highlighted) {
			document.getElementById(highlighted)?.classList.add('highlighted');
		}
		if (active) {
			const again = content.querySelector(active);
			if (again instanceof HTMLElement) {
				again.focus({ preventScroll: true });
			}
		}
		window.scrollTo(0, scrollY);
		if (announcer) {
			// Emptied first, so the same words are read again after the next update.
			announcer.textContent = '';
			setTimeout(() => { announcer.textContent = text; }, 50);
		}
	}

	function focusKey(element) {
		if (element.dataset.reveal) {
			return `[data-reveal="${element.dataset.reveal}"]`;
		}
		if (element.id && TOKEN.test(element.id)) {
			return `#${element.id}`;
		}
		return undefined;
	}

	function highlight(anchor, mark) {
		if (!TOKEN.test(anchor)) {
			return;
		}
		const element = document.getElementById(anchor);
		if (!element) {
			return;
		}
		if (mark) {
			if (highlighted) {
				document.getElementById(highlighted)?.classList.remove('highlighted');
			}
			highlighted = anchor;
			element.classList.add('highlighted');
		}
		element.scrollIntoView({ block: 'start' });
		element.focus({ preventScroll: true });
		vscode.setState({ anchor: sectionOf(element) });
	}

	function sectionOf(element) {
		const section = element.closest('section[id]');
		return section ? section.id : element.id;
	}

	function renderedState() {
		const items = Array.from(document.querySelectorAll('[data-item]')).map(element => ({
			id: element.getAttribute('data-item') ?? '',
			status: element.getAttribute('data-status') ?? '',
			findings: Number(element.getAttribute('data-findings') ?? '0'),
			links: Array.from(element.querySelectorAll('[data-reveal]')).map(link => link.getAttribute('data-reveal') ?? ''),
		}));
		const scope = document.querySelector('[data-scope]');
		return { items, source: scope?.getAttribute('data-scope') ?? '', ...(highlighted ? { highlighted } : {}) };
	}

	// Remember the section at the top of the view, so a restart brings the user back to it.
	let pending;
	window.addEventListener('scroll', () => {
		clearTimeout(pending);
		pending = setTimeout(() => {
			const sections = Array.from(document.querySelectorAll('section[id]'));
			const top = sections.find(section => section.getBoundingClientRect().bottom > 0);
			if (top) {
				vscode.setState({ anchor: top.id });
			}
		}, 200);
	}, { passive: true });

	const initial = document.body.dataset.highlight;
	// After a restart the serializer passes the saved section; after being hidden, the page's own state has it.
	const restored = document.body.dataset.scroll ?? vscode.getState()?.anchor;
	if (initial) {
		highlight(initial, true);
	} else if (restored && TOKEN.test(restored)) {
		document.getElementById(restored)?.scrollIntoView({ block: 'start' });
	}
	vscode.postMessage({ type: 'ready' });
}());
