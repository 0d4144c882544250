import type { Severity } from '../../engine/finding';
import type { PolicySummary, SectionId, SummaryItem } from '../../engine/policy/aup-summary';
import type { FindingLink, ItemStanding, Standing, StandingStatus } from '../../engine/policy/standing';

// No `vscode` import: the page's content is decided here and in render.ts, both unit-tested.

/** Where the findings came from, so the page can say what was checked. */
export interface FindingsScope {
	readonly kind: 'open-documents' | 'workspace';
	readonly filesChecked: number;
}

export interface ViewFinding {
	/** The page's name for the finding; the extension maps it back to a file and range. */
	readonly id: string;
	readonly file: string;
	/** 1-based, as people count lines. */
	readonly line: number;
	readonly ruleId: string;
	readonly severity: Severity;
	readonly message: string;
}

export interface ViewItem {
	readonly id: string;
	readonly anchor: string;
	readonly title: string;
	readonly summary: string;
	readonly points: readonly string[];
	readonly status: StandingStatus;
	readonly sentence: string;
	readonly outsideFiles: string;
	readonly total: number;
	/** At most MAX_FINDINGS_PER_ITEM of them; `hidden` says how many more there are. */
	readonly findings: readonly ViewFinding[];
	readonly hidden: number;
}

export interface ViewSection {
	readonly id: SectionId;
	readonly anchor: string;
	readonly number: string;
	readonly title: string;
	readonly summary: string;
	readonly points: readonly string[];
	readonly items: readonly ViewItem[];
}

export interface ViewModel {
	readonly owner: string;
	readonly lastUpdated: string;
	readonly scope: FindingsScope;
	readonly scopeNote: string;
	/** Only an http(s) URL; absent when the setting is empty or not a web address. */
	readonly policyUrl?: string;
	readonly contacts: PolicySummary['contacts'];
	readonly sections: readonly ViewSection[];
	readonly unattributed: readonly ViewFinding[];
}

/** A long list is a wall, not a summary: the Problems panel has the rest. */
export const MAX_FINDINGS_PER_ITEM = 10;

export interface BuiltModel {
	readonly model: ViewModel;
	/** Finding id to the link it stands for, for the extension to reveal; never sent to the page. */
	readonly links: ReadonlyMap<string, FindingLink>;
}

export function buildViewModel(summary: PolicySummary, standing: Standing, scope: FindingsScope, policyUrl: string | undefined): BuiltModel {
	const links = new Map<string, FindingLink>();
	const toView = (link: FindingLink): ViewFinding => {
		const id = `f${links.size + 1}`;
		links.set(id, link);
		return { id, file: link.file, line: link.range.start.line + 1, ruleId: link.ruleId, severity: link.severity, message: link.message };
	};
	const standingOf = new Map(standing.items.map(entry => [entry.itemId, entry]));
	const sections = summary.sections.map(section => ({
		id: section.id,
		anchor: sectionAnchor(section.number),
		number: section.number,
		title: section.title,
		summary: section.summary,
		points: section.points,
		items: section.items.map(item => viewItem(item, standingOf.get(item.id), toView)),
	}));
	const url = webUrl(policyUrl);
	return {
		model: {
			owner: summary.owner,
			lastUpdated: summary.lastUpdated,
			scope,
			scopeNote: scopeNote(scope),
			...(url ? { policyUrl: url } : {}),
			contacts: summary.contacts,
			sections,
			unattributed: standing.unattributed.map(toView),
		},
		links,
	};
}

export function sectionAnchor(number: string): string {
	return `section-${number}`;
}

export function itemAnchor(id: string): string {
	return `item-${id}`;
}

/**
 * The anchor a command argument asks for: an item id (`backups`), a section id (`reporting`), a
 * section number (`4`, or `{ section: '4' }`), or an anchor itself. Undefined for anything else.
 */
export function resolveAnchor(target: unknown, summary: PolicySummary): string | undefined {
	const value = typeof target === 'object' && target !== null
		? (target as Record<string, unknown>).item ?? (target as Record<string, unknown>).section
		: target;
	if (typeof value !== 'string') {
		return undefined;
	}
	const key = value.trim().replace(/^§\s*/, '');
	for (const section of summary.sections) {
		if (key === section.number || key === section.id || key === sectionAnchor(section.number)) {
			return sectionAnchor(section.number);
		}
		const item = section.items.find(entry => key === entry.id || key === itemAnchor(entry.id));
		if (item) {
			return itemAnchor(item.id);
		}
	}
	return undefined;
}

/** Only web addresses open: a `command:` or `file:` URL in settings.json must not become a link. */
export function webUrl(value: string | undefined): string | undefined {
	const text = value?.trim();
	if (!text) {
		return undefined;
	}
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
	} catch {
		return undefined;
	}
}

function viewItem(item: SummaryItem, standing: ItemStanding | undefined, toView: (link: FindingLink) => ViewFinding): ViewItem {
	const findings = standing?.findings ?? [];
	return {
		id: item.id,
		anchor: itemAnchor(item.id),
		title: item.title,
		summary: item.summary,
		points: item.points,
		status: standing?.status ?? (item.categories.length === 0 ? 'outside-files' : 'clear'),
		sentence: withoutTitle(standing?.sentence ?? '', item.title),
		outsideFiles: item.outsideFiles,
		total: findings.length,
		findings: findings.slice(0, MAX_FINDINGS_PER_ITEM).map(toView),
		hidden: Math.max(0, findings.length - MAX_FINDINGS_PER_ITEM),
	};
}

/** The standing's sentence leads with the item's title, which the page already shows as a heading. */
function withoutTitle(sentence: string, title: string): string {
	const rest = sentence.startsWith(`${title}: `) ? sentence.slice(title.length + 2) : sentence;
	return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function scopeNote(scope: FindingsScope): string {
	const files = `${scope.filesChecked} ${scope.filesChecked === 1 ? 'file' : 'files'}`;
	return scope.kind === 'workspace'
		? `Standing from the workspace scan: ${files} checked.`
		: `Standing from the files open in the editor (${files} checked); run AUP Guard: Scan Workspace to include every file.`;
}
