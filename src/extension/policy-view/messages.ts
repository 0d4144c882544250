// No `vscode` import: the webview is untrusted input, and this is the one place that decides what
// of it the extension acts on, so it must be unit-testable on its own.

/** Every message the webview's script may send. Anything else is rejected and logged. */
export type ViewMessage =
	/** The script has loaded and listens; the page may now be updated by message. */
	| { readonly type: 'ready' }
	/** Reveal a finding the page showed, named by the id the page was given, never by a path. */
	| { readonly type: 'reveal'; readonly findingId: string }
	/** Open the policy's URL from the `aupGuard.policyUrl` setting; the page never sends a URL. */
	| { readonly type: 'openPolicy' }
	| { readonly type: 'openSettings' }
	| { readonly type: 'report' }
	/** The answer to the extension's `requestState`: what the page shows, for tests and checks. */
	| { readonly type: 'state'; readonly requestId: number; readonly rendered: RenderedState };

/** What the page shows, read back from its DOM. */
export interface RenderedState {
	readonly items: readonly RenderedItem[];
	/** The anchor currently highlighted, if any. */
	readonly highlighted?: string;
	readonly source: string;
}

export interface RenderedItem {
	readonly id: string;
	readonly status: string;
	readonly findings: number;
	/** The ids of the findings the item lists, in order. */
	readonly links: readonly string[];
}

/** What the extension sends to the page. */
export type HostMessage =
	| { readonly type: 'update'; readonly html: string; readonly announcement: string }
	| { readonly type: 'highlight'; readonly anchor: string }
	| { readonly type: 'requestState'; readonly requestId: number };

/** The state the page saves with `setState` (the section scrolled to) and the serializer restores; nothing else is kept. */
export interface PanelState {
	readonly anchor?: string;
}

/** Ids and anchors the page uses: short, plain tokens (`item-backups`, `f12`). */
const TOKEN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_ITEMS = 200;
const MAX_TEXT = 200;

export function isToken(value: unknown): value is string {
	return typeof value === 'string' && TOKEN.test(value);
}

/** The message, if it has exactly one of the known shapes; undefined for anything else. */
export function parseViewMessage(value: unknown): ViewMessage | undefined {
	if (!isRecord(value) || typeof value.type !== 'string') {
		return undefined;
	}
	switch (value.type) {
		case 'ready':
		case 'openPolicy':
		case 'openSettings':
		case 'report':
			return hasOnlyKeys(value, ['type']) ? { type: value.type } : undefined;
		case 'reveal':
			return hasOnlyKeys(value, ['type', 'findingId']) && isToken(value.findingId) ? { type: 'reveal', findingId: value.findingId } : undefined;
		case 'state': {
			if (!hasOnlyKeys(value, ['type', 'requestId', 'rendered']) || !Number.isSafeInteger(value.requestId)) {
				return undefined;
			}
			const rendered = parseRenderedState(value.rendered);
			return rendered ? { type: 'state', requestId: value.requestId as number, rendered } : undefined;
		}
		default:
			return undefined;
	}
}

/** The serializer's saved state: only a valid anchor survives, anything else restores to the top. */
export function parsePanelState(value: unknown): PanelState {
	return isRecord(value) && isToken(value.anchor) ? { anchor: value.anchor } : {};
}

/** A short description of a rejected message for the log, without echoing what it carried. */
export function describeRejected(value: unknown): string {
	if (!isRecord(value)) {
		return `a ${value === null ? 'null' : typeof value} instead of an object`;
	}
	const type = typeof value.type === 'string' && TOKEN.test(value.type) ? `'${value.type}'` : 'unknown type';
	return `a message of ${type} with keys ${Object.keys(value).slice(0, 5).map(key => JSON.stringify(key.slice(0, 20))).join(', ')}`;
}

function parseRenderedState(value: unknown): RenderedState | undefined {
	if (!isRecord(value) || !hasOnlyKeys(value, ['items', 'source'], ['highlighted']) || !Array.isArray(value.items) || value.items.length > MAX_ITEMS) {
		return undefined;
	}
	if (typeof value.source !== 'string' || value.source.length > MAX_TEXT) {
		return undefined;
	}
	if (value.highlighted !== undefined && !isToken(value.highlighted)) {
		return undefined;
	}
	const items: RenderedItem[] = [];
	for (const entry of value.items) {
		if (!isRecord(entry) || !hasOnlyKeys(entry, ['id', 'status', 'findings', 'links']) || !isToken(entry.id) || !isToken(entry.status)
			|| !Number.isSafeInteger(entry.findings) || (entry.findings as number) < 0
			|| !Array.isArray(entry.links) || entry.links.length > MAX_ITEMS || !entry.links.every(isToken)) {
			return undefined;
		}
		items.push({ id: entry.id, status: entry.status, findings: entry.findings as number, links: entry.links as string[] });
	}
	return { items, source: value.source, ...(value.highlighted === undefined ? {} : { highlighted: value.highlighted }) };
}

/** Plain objects only, as structured cloning delivers them: nothing is read from a prototype. */
function isRecord(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return false;
	}
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/** Unknown keys mean a message we do not know, not one to half-read. */
function hasOnlyKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
	return Object.keys(value).every(key => required.includes(key) || optional.includes(key)) && required.every(key => Object.hasOwn(value, key));
}
