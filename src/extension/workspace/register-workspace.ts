import * as vscode from 'vscode';
import type { Engine } from '../../engine/index';
import { COMMANDS } from '../command-ids';
import type { DiagnosticsManager } from '../diagnostics';
import { markReviewed, type ReviewerName } from '../review/mark-reviewed';
import { ReviewLensProvider } from '../review/review-lens';
import { ReviewStore } from '../review/review-store';
import type { ScanLog } from '../scan-log';
import { FindingsStatusBar } from '../status-bar';
import { FINDINGS_VIEW, FindingsTreeProvider } from '../tree/findings-tree';
import type { FindingsNode } from '../tree/tree-nodes';
import type { WorkspaceFindingsState } from '../policy-view/findings-source';
import { activeFindings } from './findings-store';
import type { ScriptReferences } from './script-references';
import { WorkspaceController } from './workspace-controller';

export interface WorkspaceDependencies {
	readonly engine: Engine;
	readonly diagnostics: DiagnosticsManager;
	readonly log: ScanLog;
	readonly output: vscode.LogOutputChannel;
	readonly context: vscode.ExtensionContext;
	readonly reviewerName?: ReviewerName;
	/** The scripts Terraform files read, shared with the DiagnosticsManager. */
	readonly scripts: ScriptReferences<vscode.Uri>;
}

/** A tree node as tests see it: plain values, files by workspace-relative path. */
export interface TreeSnapshot {
	readonly label: string;
	readonly description?: string;
	readonly kind: FindingsNode<unknown>['kind'];
	readonly icon: string;
	readonly children: readonly TreeSnapshot[];
}

/** What the extension's exports add for the workspace view and review tracking. */
export interface WorkspaceApi {
	findingsTree(): TreeSnapshot[];
	statusBarText(): string | undefined;
	/** Fires when any file's findings in the workspace store change. */
	onDidChangeFindings(listener: () => void): vscode.Disposable;
}

/** The workspace scan, the Findings view, the status bar and review tracking, wired together. */
export function registerWorkspaceFeatures(deps: WorkspaceDependencies): { disposables: vscode.Disposable[]; api: WorkspaceApi; findings: WorkspaceFindingsState } {
	const disposables: vscode.Disposable[] = [];
	const reviews = new ReviewStore((context, error) => deps.log.unexpected(context, error));
	disposables.push(reviews);
	const controller = new WorkspaceController(deps.engine, deps.diagnostics, deps.log, deps.output, deps.scripts);
	disposables.push(controller);
	const tree = new FindingsTreeProvider(controller.store, reviews, deps.context.workspaceState);
	disposables.push(tree);
	const view = vscode.window.createTreeView(FINDINGS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
	disposables.push(view);
	disposables.push(controller.store.onDidChange(() => {
		const total = controller.store.all().reduce((sum, entry) => sum + activeFindings(entry).length, 0);
		view.badge = total > 0 ? { value: total, tooltip: `${total} AUP Guard ${total === 1 ? 'finding' : 'findings'}` } : undefined;
	}));
	const statusBar = new FindingsStatusBar(controller.store);
	disposables.push(statusBar);
	const lenses = new ReviewLensProvider(reviews);
	disposables.push(lenses, vscode.languages.registerCodeLensProvider([{ scheme: 'file' }, { scheme: 'vscode-vfs' }], lenses));

	const register = (id: string, run: (...args: unknown[]) => Promise<unknown> | unknown): void => {
		disposables.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
			try {
				return await run(...args);
			} catch (error) {
				deps.log.unexpected(`Command ${id}`, error);
				const detail = error instanceof Error ? error.message : String(error);
				void vscode.window.showErrorMessage(`AUP Guard: ${detail}`);
				return undefined;
			}
		}));
	};
	register(COMMANDS.scanWorkspace, () => controller.scan(vscode.ProgressLocation.Notification));
	register(COMMANDS.refreshFindings, () => controller.scan({ viewId: FINDINGS_VIEW }));
	register(COMMANDS.groupByFile, () => tree.setGroupBy('file'));
	register(COMMANDS.groupBySection, () => tree.setGroupBy('section'));
	register(COMMANDS.markReviewed, (uri, reviewer) => markReviewed(
		{ reviews, state: deps.context.globalState, reviewerName: deps.reviewerName }, uri, reviewer));

	return {
		disposables,
		findings: { store: controller.store, hasScanned: () => controller.hasScanned },
		api: {
			findingsTree: () => tree.roots().map(snapshot),
			statusBarText: () => statusBar.text,
			onDidChangeFindings: listener => new vscode.Disposable(controller.store.onDidChange(() => listener()).dispose),
		},
	};
}

function snapshot(node: FindingsNode<vscode.Uri>): TreeSnapshot {
	return {
		label: node.label,
		description: node.description,
		kind: node.kind,
		icon: node.icon,
		children: (node.children ?? []).map(snapshot),
	};
}
