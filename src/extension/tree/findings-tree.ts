import * as vscode from 'vscode';
import type { ReviewStore } from '../review/review-store';
import type { WorkspaceFindings } from '../workspace/findings-store';
import { buildTree, type GroupBy } from './tree-model';
import type { FindingsNode } from './tree-nodes';

export const FINDINGS_VIEW = 'aupGuard.findings';
/** Drives which of the two grouping buttons the view's title bar shows. */
const GROUP_BY_CONTEXT = 'aupGuard.findingsGroupBy';
const GROUP_BY_STATE = 'aupGuard.findingsGroupBy';
/** Store changes come in bursts during a scan; one refresh per burst is enough for the eye. */
const REFRESH_DELAY_MS = 100;

type Node = FindingsNode<vscode.Uri>;

/** The Findings view: nodes come from the pure tree model, rebuilt from the store on each refresh. */
export class FindingsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChangeTreeData = this.changed.event;
	private readonly subscriptions: vscode.Disposable[] = [this.changed];
	private timer?: ReturnType<typeof setTimeout>;
	private groupBy: GroupBy;

	constructor(private readonly store: WorkspaceFindings<vscode.Uri>, private readonly reviews: ReviewStore, private readonly state: vscode.Memento) {
		this.groupBy = state.get(GROUP_BY_STATE) === 'file' ? 'file' : 'section';
		void vscode.commands.executeCommand('setContext', GROUP_BY_CONTEXT, this.groupBy);
		this.subscriptions.push(store.onDidChange(() => this.refreshSoon()), reviews.onDidChange(() => this.refreshSoon()));
	}

	/** The root nodes as they are now; also what the extension's API hands integration tests. */
	roots(): Node[] {
		return buildTree({
			entries: this.store.all(),
			groupBy: this.groupBy,
			pathOf: uri => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
			reviewOf: entry => entry.generatedHash ? this.reviews.cachedStatus(entry.uri, entry.generatedHash) : undefined,
		});
	}

	getChildren(node?: Node): Node[] {
		return node ? [...node.children ?? []] : this.roots();
	}

	getTreeItem(node: Node): vscode.TreeItem {
		const collapsible = !node.children || node.children.length === 0
			? vscode.TreeItemCollapsibleState.None
			: node.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
		const item = new vscode.TreeItem(node.label, collapsible);
		item.id = node.id;
		item.description = node.description;
		item.tooltip = node.tooltip;
		item.contextValue = node.kind;
		item.iconPath = node.kind === 'file' ? vscode.ThemeIcon.File : new vscode.ThemeIcon(node.icon, iconColor(node));
		if (node.kind === 'file') {
			item.resourceUri = node.uri;
		}
		if (node.uri && node.finding) {
			const { start, end } = node.finding.range;
			item.command = {
				title: 'Show Finding',
				command: 'vscode.open',
				arguments: [node.uri, { selection: new vscode.Range(start.line, start.character, end.line, end.character), preserveFocus: false }],
			};
		}
		return item;
	}

	setGroupBy(groupBy: GroupBy): void {
		this.groupBy = groupBy;
		void this.state.update(GROUP_BY_STATE, groupBy);
		void vscode.commands.executeCommand('setContext', GROUP_BY_CONTEXT, groupBy);
		this.changed.fire();
	}

	refresh(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.changed.fire();
	}

	dispose(): void {
		clearTimeout(this.timer);
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private refreshSoon(): void {
		if (!this.timer) {
			this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
		}
	}
}

function iconColor(node: Node): vscode.ThemeColor | undefined {
	switch (node.icon) {
		case 'error':
			return new vscode.ThemeColor('list.errorForeground');
		case 'warning':
			return new vscode.ThemeColor('list.warningForeground');
		case 'eye':
			return new vscode.ThemeColor('list.warningForeground');
		default:
			return undefined;
	}
}
