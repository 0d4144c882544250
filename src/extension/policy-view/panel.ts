import * as vscode from 'vscode';
import { AUP_SUMMARY } from '../../engine/policy/aup-summary';
import { computeStanding } from '../../engine/policy/standing';
import type { Category } from '../../engine/finding';
import type { FindingsSource } from './findings-source';
import { describeRejected, parsePanelState, parseViewMessage, type HostMessage, type RenderedState, type ViewMessage } from './messages';
import { buildViewModel, resolveAnchor, type BuiltModel } from './model';
import { createNonce } from './nonce';
import { announcement, renderContent, renderPage } from './render';

export const POLICY_VIEW_TYPE = 'aupGuard.policyView';

/** Pause after the last diagnostics change before the page is updated: a scan touches many files. */
const UPDATE_DELAY_MS = 250;
const STATE_TIMEOUT_MS = 10_000;

export interface PolicyViewDependencies {
	readonly extensionUri: vscode.Uri;
	readonly source: FindingsSource;
	readonly rules: readonly { readonly id: string; readonly category: Category }[];
	readonly log: { warn(message: string): void };
	readonly policyUrl: () => string;
	readonly report: () => Thenable<unknown>;
}

/**
 * What `aupGuard.openPolicyView` returns, for integration tests and other extensions' commands:
 * ask the page what it shows, wait for its next update, or hand it a message as the page would.
 */
export interface PolicyViewProbe {
	rendered(): Promise<RenderedState>;
	nextUpdate(): Promise<void>;
	/** Runs a message through the same validation as the page's; false when it was rejected. */
	receive(message: unknown): Promise<boolean>;
}

/** One AUP panel at a time: opening it again reveals it and moves to the asked-for section. */
export class PolicyView implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private panelSubscriptions: vscode.Disposable[] = [];
	private readonly subscriptions: vscode.Disposable[] = [];
	private built: BuiltModel | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private requestId = 0;
	private readonly pending = new Map<number, (state: RenderedState) => void>();
	private updateWaiters: (() => void)[] = [];
	/** Whether the current page's script has said 'ready'; messages posted before then are lost. */
	private pageReady = false;
	private readyWaiters: (() => void)[] = [];
	private visible = false;

	constructor(private readonly deps: PolicyViewDependencies) {
		this.subscriptions.push(deps.source.onDidChange(() => this.schedule()));
		this.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('aupGuard.policyUrl')) {
				this.schedule();
			}
		}));
	}

	show(target?: unknown): PolicyViewProbe {
		const anchor = resolveAnchor(target, AUP_SUMMARY);
		if (this.panel) {
			this.panel.reveal(undefined, false);
			if (anchor) {
				this.post({ type: 'highlight', anchor });
			}
		} else {
			const panel = vscode.window.createWebviewPanel(POLICY_VIEW_TYPE, 'Acceptable Use Policy', vscode.ViewColumn.Active, this.options());
			this.attach(panel, { highlight: anchor });
		}
		return this.probe();
	}

	/** For the serializer: the page comes back at the section it was scrolled to, nothing more. */
	restore(panel: vscode.WebviewPanel, state: unknown): void {
		this.panel?.dispose();
		panel.webview.options = this.options();
		this.attach(panel, { scrollTo: parsePanelState(state).anchor });
	}

	dispose(): void {
		this.panel?.dispose();
		this.detach();
		clearTimeout(this.timer);
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
		// Scripts for the one page script; resources only from media/. Hidden panels are rebuilt
		// from the findings when shown again, so no context is kept alive while hidden.
		return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [this.media()] };
	}

	private media(): vscode.Uri {
		return vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'policy-view');
	}

	private attach(panel: vscode.WebviewPanel, position: { highlight?: string; scrollTo?: string }): void {
		this.panel = panel;
		panel.iconPath = { light: vscode.Uri.joinPath(this.media(), 'icon-light.svg'), dark: vscode.Uri.joinPath(this.media(), 'icon-dark.svg') };
		this.panelSubscriptions.push(
			panel.onDidDispose(() => this.detach()),
			panel.webview.onDidReceiveMessage(message => void this.receive(message)),
			// A hidden page is discarded (no retained context): show it again from current findings.
			panel.onDidChangeViewState(event => {
				const { visible } = event.webviewPanel;
				if (visible && !this.visible) {
					this.render({});
				}
				this.visible = visible;
			}),
		);
		this.render(position);
	}

	/** The whole page, with a fresh nonce; the script says 'ready' once it listens. */
	private render(position: { highlight?: string; scrollTo?: string }): void {
		if (!this.panel) {
			return;
		}
		this.pageReady = false;
		this.visible = this.panel.visible;
		this.built = this.build();
		const { webview } = this.panel;
		webview.html = renderPage({
			model: this.built.model,
			nonce: createNonce(),
			cspSource: webview.cspSource,
			styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media(), 'main.css')).toString(),
			scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media(), 'main.js')).toString(),
			...position,
		});
	}

	private detach(): void {
		this.panel = undefined;
		this.built = undefined;
		this.pending.clear();
		for (const subscription of this.panelSubscriptions.splice(0)) {
			subscription.dispose();
		}
		for (const resolve of this.updateWaiters.splice(0)) {
			resolve();
		}
	}

	private build(): BuiltModel {
		const snapshot = this.deps.source.snapshot();
		const standing = computeStanding(snapshot.findings, AUP_SUMMARY, { filesChecked: snapshot.scope.filesChecked, rules: this.deps.rules });
		return buildViewModel(AUP_SUMMARY, standing, snapshot.scope, this.deps.policyUrl());
	}

	private schedule(): void {
		if (!this.panel) {
			return;
		}
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
	}

	private update(): void {
		this.timer = undefined;
		if (!this.panel) {
			return;
		}
		this.built = this.build();
		const message: HostMessage = { type: 'update', html: renderContent(this.built.model), announcement: announcement(this.built.model) };
		// A page still loading has no listener yet: the message waits for its 'ready'.
		void this.whenReady().then(() => this.post(message));
		for (const resolve of this.updateWaiters.splice(0)) {
			resolve();
		}
	}

	private post(message: HostMessage): void {
		void this.panel?.webview.postMessage(message);
	}

	private async receive(raw: unknown): Promise<boolean> {
		const message = parseViewMessage(raw);
		if (!message) {
			this.deps.log.warn(`AUP view: ignored ${describeRejected(raw)}`);
			return false;
		}
		await this.act(message);
		return true;
	}

	private async act(message: ViewMessage): Promise<void> {
		switch (message.type) {
			case 'ready':
				this.pageReady = true;
				for (const resolve of this.readyWaiters.splice(0)) {
					resolve();
				}
				return;
			case 'reveal':
				return this.reveal(message.findingId);
			case 'openPolicy': {
				const url = this.built?.model.policyUrl;
				if (url) {
					await vscode.env.openExternal(vscode.Uri.parse(url, true));
				}
				return;
			}
			case 'openSettings':
				await vscode.commands.executeCommand('workbench.action.openSettings', 'aupGuard.policyUrl');
				return;
			case 'report':
				await this.deps.report();
				return;
			case 'state':
				this.pending.get(message.requestId)?.(message.rendered);
				this.pending.delete(message.requestId);
				return;
		}
	}

	private async reveal(findingId: string): Promise<void> {
		const link = this.built?.links.get(findingId);
		const uri = link ? this.deps.source.snapshot().uriOf(link.file) : undefined;
		if (!link || !uri) {
			this.deps.log.warn(`AUP view: finding ${findingId} is no longer current`);
			return;
		}
		const { start, end } = link.range;
		const selection = new vscode.Range(start.line, start.character, end.line, end.character);
		// Beside the page when it is in the first group, so the list stays in view for the next finding.
		const viewColumn = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
		await vscode.window.showTextDocument(uri, { selection, viewColumn, preserveFocus: false });
	}

	private probe(): PolicyViewProbe {
		return {
			rendered: () => withTimeout(this.renderedState(), STATE_TIMEOUT_MS, 'the AUP view did not load or answer'),
			nextUpdate: () => new Promise(resolve => this.updateWaiters.push(resolve)),
			receive: message => this.receive(message),
		};
	}

	private whenReady(): Promise<void> {
		return this.pageReady ? Promise.resolve() : new Promise(resolve => this.readyWaiters.push(resolve));
	}

	/** Waits for the page's script, then asks it what it shows. */
	private async renderedState(): Promise<RenderedState> {
		await this.whenReady();
		const id = ++this.requestId;
		return new Promise(resolve => {
			this.pending.set(id, resolve);
			this.post({ type: 'requestState', requestId: id });
		});
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
