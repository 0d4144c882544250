import { SEVERITIES, type AupSection, type Category, type Finding, type Severity } from '../finding';
import type { Range } from '../model/range';
import type { PolicySummary, SummaryItem } from './aup-summary';

/** A finding and the workspace-relative file it was found in. */
export interface FileFinding {
	readonly file: string;
	readonly finding: Finding;
}

export interface StandingOptions {
	/** How many files were scanned, so "nothing found" can say what was checked. */
	readonly filesChecked?: number;
	/** The rules that ran; an item none of them covers is "not checked", not "nothing found". */
	readonly rules?: readonly { readonly id: string; readonly category: Category }[];
}

/** What the view needs to reveal one finding. */
export interface FindingLink {
	readonly file: string;
	readonly range: Range;
	readonly ruleId: string;
	readonly severity: Severity;
	readonly message: string;
}

/**
 * - `findings`: unsuppressed findings bear on the item.
 * - `clear`: rules for the item ran and found nothing open.
 * - `not-checked`: the item could be checked in files, but no rule that ran covers it.
 * - `outside-files`: the item concerns things no file shows (MFA on an account, rate limits).
 */
export type StandingStatus = 'findings' | 'clear' | 'not-checked' | 'outside-files';

export type SeverityCounts = Readonly<Record<Severity, number>>;

export interface ItemStanding {
	readonly itemId: string;
	readonly section: AupSection;
	readonly title: string;
	readonly status: StandingStatus;
	/** Unsuppressed findings by severity. */
	readonly counts: SeverityCounts;
	readonly total: number;
	/** Distinct files with unsuppressed findings. */
	readonly fileCount: number;
	/** Unsuppressed findings in file, then position order. */
	readonly findings: readonly FindingLink[];
	/** Findings a valid suppression covers: not gone, so the view can say they exist. */
	readonly suppressed: number;
	readonly sentence: string;
}

export interface SectionStanding {
	readonly number: AupSection;
	readonly counts: SeverityCounts;
	readonly total: number;
	readonly suppressed: number;
}

export interface Standing {
	/** One entry per summary item, in page order. */
	readonly items: readonly ItemStanding[];
	/** Totals for each section that has items (3, 4 and 5). */
	readonly sections: readonly SectionStanding[];
	/** Unsuppressed findings of a category no item claims, so nothing is silently dropped. */
	readonly unattributed: readonly FindingLink[];
}

/**
 * The workspace's standing against each part of the AUP. A finding is attributed by its category,
 * not its section: categories are finer (section 4 alone holds seven responsibilities) and each
 * category belongs to exactly one item, so a finding is counted once.
 */
export function computeStanding(findings: readonly FileFinding[], summary: PolicySummary, options: StandingOptions = {}): Standing {
	const items = summary.sections.flatMap(section => section.items);
	const itemByCategory = new Map<Category, SummaryItem>();
	for (const item of items) {
		for (const category of item.categories) {
			if (!itemByCategory.has(category)) {
				itemByCategory.set(category, item);
			}
		}
	}
	const open = new Map<string, FindingLink[]>();
	const suppressed = new Map<string, number>();
	const unattributed: FindingLink[] = [];
	for (const { file, finding } of findings) {
		const item = itemByCategory.get(finding.category);
		if (finding.suppressed) {
			if (item) {
				suppressed.set(item.id, (suppressed.get(item.id) ?? 0) + 1);
			}
			continue;
		}
		const link = toLink(file, finding);
		if (!item) {
			unattributed.push(link);
			continue;
		}
		const list = open.get(item.id) ?? [];
		list.push(link);
		open.set(item.id, list);
	}
	const covered = options.rules ? new Set(options.rules.map(rule => rule.category)) : undefined;
	const standings = items.map(item => itemStanding(item, (open.get(item.id) ?? []).sort(compareLinks), suppressed.get(item.id) ?? 0, covered, options.filesChecked));
	return { items: standings, sections: sectionTotals(summary, standings), unattributed: unattributed.sort(compareLinks) };
}

function itemStanding(item: SummaryItem, links: FindingLink[], suppressed: number, covered: ReadonlySet<Category> | undefined, filesChecked: number | undefined): ItemStanding {
	const counts = countBySeverity(links);
	const fileCount = new Set(links.map(link => link.file)).size;
	const status: StandingStatus = links.length > 0 ? 'findings'
		: item.categories.length === 0 ? 'outside-files'
			: covered && !item.categories.some(category => covered.has(category)) && suppressed === 0 ? 'not-checked'
				: 'clear';
	const base = { itemId: item.id, section: item.section, title: item.title, status, counts, total: links.length, fileCount, findings: links, suppressed };
	return { ...base, sentence: sentence(item, base, filesChecked) };
}

function sentence(item: SummaryItem, standing: Omit<ItemStanding, 'sentence'>, filesChecked: number | undefined): string {
	const { title, total, fileCount, counts, suppressed } = standing;
	const suppressedNote = suppressed > 0 ? `${plural(suppressed, 'finding')} suppressed with a reason` : '';
	switch (standing.status) {
		case 'findings': {
			const bySeverity = SEVERITIES.filter(severity => counts[severity] > 0).map(severity => severity === 'info' ? `${counts.info} info` : plural(counts[severity], severity));
			const detail = bySeverity.length > 1 ? ` (${bySeverity.join(', ')})` : '';
			return `${title}: ${plural(total, 'finding')} in ${plural(fileCount, 'file')}${detail}${suppressedNote ? `; ${suppressedNote}` : ''}`;
		}
		case 'outside-files':
			return `${title}: not something the files can show`;
		case 'not-checked':
			return `${title}: no AUP Guard rule checks this yet`;
		case 'clear': {
			if (filesChecked === 0) {
				return `${title}: no files checked yet`;
			}
			const scope = filesChecked === undefined ? 'the scanned files' : plural(filesChecked, 'file');
			const what = item.checksFor ? ` for ${item.checksFor}` : '';
			const lead = suppressedNote ? `nothing open (${suppressedNote})` : 'nothing found';
			return `${title}: ${lead} — checked ${scope}${what}`;
		}
	}
}

function sectionTotals(summary: PolicySummary, standings: readonly ItemStanding[]): SectionStanding[] {
	return summary.sections.filter(section => section.items.length > 0).map(section => {
		const mine = standings.filter(standing => standing.section === section.number);
		const counts = { error: 0, warning: 0, info: 0 };
		for (const standing of mine) {
			for (const severity of SEVERITIES) {
				counts[severity] += standing.counts[severity];
			}
		}
		const total = mine.reduce((sum, standing) => sum + standing.total, 0);
		const suppressed = mine.reduce((sum, standing) => sum + standing.suppressed, 0);
		return { number: section.number, counts, total, suppressed };
	});
}

function countBySeverity(links: readonly FindingLink[]): SeverityCounts {
	const counts = { error: 0, warning: 0, info: 0 };
	for (const link of links) {
		counts[link.severity]++;
	}
	return counts;
}

function toLink(file: string, finding: Finding): FindingLink {
	return { file, range: finding.range, ruleId: finding.ruleId, severity: finding.severity, message: finding.message };
}

/** Code-unit comparison, not localeCompare: the order must not change with the user's locale. */
function compareLinks(a: FindingLink, b: FindingLink): number {
	return compareText(a.file, b.file)
		|| a.range.start.line - b.range.start.line
		|| a.range.start.character - b.range.start.character
		|| a.range.end.line - b.range.end.line
		|| a.range.end.character - b.range.end.character
		|| compareText(a.ruleId, b.ruleId)
		|| compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
