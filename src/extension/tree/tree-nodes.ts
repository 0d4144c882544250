import type { Finding, Severity } from '../../engine/index';

// No `vscode` import: plain node values that the provider maps to TreeItems.

export type PathOf<U> = (uri: U) => string;

/** Codicon names; the provider turns them into ThemeIcons. */
export type NodeIcon = 'error' | 'warning' | 'info' | 'shield' | 'file' | 'eye';

export interface FindingsNode<U> {
	/** Stable across refreshes, so VS Code keeps what the user expanded. */
	readonly id: string;
	readonly kind: 'review' | 'section' | 'file' | 'finding' | 'suppressed';
	readonly label: string;
	readonly description?: string;
	readonly tooltip?: string;
	readonly icon: NodeIcon;
	/** For files and findings: where a click goes. */
	readonly uri?: U;
	readonly finding?: Finding;
	readonly collapsed?: boolean;
	readonly children?: readonly FindingsNode<U>[];
}

const SEVERITY_ICONS: Readonly<Record<Severity, NodeIcon>> = { error: 'error', warning: 'warning', info: 'info' };

export function findingNode<U>(parentId: string, uri: U, finding: Finding, path: string): FindingsNode<U> {
	const { start } = finding.range;
	const where = `Ln ${start.line + 1}`;
	const reason = finding.suppressed ? ` · ${finding.suppressed.reason}` : '';
	return {
		id: `${parentId}/${finding.ruleId}@${start.line}:${start.character}`,
		kind: 'finding',
		label: finding.message,
		description: parentId === 'suppressed' ? `${finding.ruleId} · ${fileLabel(path).name}:${start.line + 1}${reason}` : `${finding.ruleId} · ${where}`,
		tooltip: `${finding.ruleId} (${finding.severity}, AUP §${finding.aupSection})\n${path}:${start.line + 1}:${start.character + 1}\n${finding.message}${reason ? `\nSuppressed: ${finding.suppressed?.reason}` : ''}`,
		icon: finding.suppressed ? 'shield' : SEVERITY_ICONS[finding.severity],
		uri,
		finding,
	};
}

/** "2 errors, 1 warning": the counts a group's description shows, most severe first. */
export function countLabel(findings: readonly Finding[]): string {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	for (const finding of findings) {
		counts[finding.severity]++;
	}
	const parts = [
		counts.error > 0 ? plural(counts.error, 'error') : '',
		counts.warning > 0 ? plural(counts.warning, 'warning') : '',
		counts.info > 0 ? plural(counts.info, 'info', 'info') : '',
	].filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : 'no findings';
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The file name as the label and its folder as context, as the Explorer and Problems panel do. */
export function fileLabel(path: string): { name: string; folder: string } {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}
