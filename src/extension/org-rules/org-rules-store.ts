import * as vscode from 'vscode';
import { ORG_RULES_PATH, parseOrgRules, type OrgRules } from '../../engine/org-rules/index';
import { decideOrgRules, UNTRUSTED_MESSAGE } from './trust';
import { toRulesDiagnostic } from './to-rules-diagnostic';

/**
 * Each workspace folder's `.aupguard/rules.yaml`, loaded in trusted workspaces only, reloaded
 * when it changes, with its problems as diagnostics on the file itself. `onDidChange` fires after
 * a reload so open documents can be scanned again with the new rules.
 */
export class OrgRulesStore implements vscode.Disposable {
	private readonly byFolder = new Map<string, OrgRules>();
	private readonly collection = vscode.languages.createDiagnosticCollection('aup-guard-rules');
	private readonly changeEmitter = new vscode.EventEmitter<void>();
	private readonly subscriptions: vscode.Disposable[] = [this.collection, this.changeEmitter];
	readonly onDidChange = this.changeEmitter.event;
	private notified = false;
	private disposed = false;
	/** Bumped by every reload, so a slow read of an older state never overwrites a newer one. */
	private generation = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly output: vscode.LogOutputChannel) { }

	/** Starts watching and loads the rules; call once everything that reacts to `onDidChange` is wired. */
	start(): void {
		const watcher = vscode.workspace.createFileSystemWatcher(`**/${ORG_RULES_PATH}`);
		this.subscriptions.push(watcher);
		// One reload for a burst of events: a save reaches us as a save and as a watcher change.
		const reload = (): void => {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
		};
		const touches = (uris: readonly vscode.Uri[]): boolean => uris.some(uri => uri.path.includes(`/${ORG_RULES_DIR}`));
		this.subscriptions.push(
			// The watcher sees changes made outside the editor (git checkout); it can miss the first
			// moments after activation, so the editor's own save, create and delete events count too.
			watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload),
			vscode.workspace.onDidSaveTextDocument(document => touches([document.uri]) && reload()),
			vscode.workspace.onDidCreateFiles(event => touches(event.files) && reload()),
			vscode.workspace.onDidDeleteFiles(event => touches(event.files) && reload()),
			vscode.workspace.onDidRenameFiles(event => touches(event.files.flatMap(file => [file.oldUri, file.newUri])) && reload()),
			vscode.workspace.onDidChangeWorkspaceFolders(reload),
			vscode.workspace.onDidGrantWorkspaceTrust(() => {
				this.output.info('Workspace trusted: loading the organisation rules.');
				reload();
			}),
		);
		reload();
	}

	/** The rules of the folder holding `uri`, or undefined when it has none (or they are off). */
	rulesFor(uri: vscode.Uri): OrgRules | undefined {
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		return folder ? this.byFolder.get(folder.uri.toString()) : undefined;
	}

	/** Reads every folder's rules file again; resolves once the new rules are in place. */
	async reload(): Promise<void> {
		const generation = ++this.generation;
		const folders = vscode.workspace.workspaceFolders ?? [];
		const found = await Promise.all(folders.map(async folder => ({ folder, text: await readRulesFile(folder) })));
		if (this.disposed || generation !== this.generation) {
			return;
		}
		const decision = decideOrgRules({ trusted: vscode.workspace.isTrusted, hasRulesFile: found.some(entry => entry.text !== undefined), notified: this.notified });
		this.byFolder.clear();
		this.collection.clear();
		if (decision.notify) {
			this.notified = true;
			this.output.info(UNTRUSTED_MESSAGE);
			void vscode.window.showInformationMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then(choice => {
				if (choice) {
					void vscode.commands.executeCommand('workbench.trust.manage');
				}
			});
		}
		if (decision.load) {
			for (const { folder, text } of found) {
				if (text !== undefined) {
					this.load(folder, text);
				}
			}
		}
		this.changeEmitter.fire();
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		clearTimeout(this.timer);
		this.byFolder.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private load(folder: vscode.WorkspaceFolder, text: string): void {
		const file = rulesUri(folder);
		const org = parseOrgRules(text, vscode.workspace.asRelativePath(file, true));
		this.byFolder.set(folder.uri.toString(), org);
		this.collection.set(file, org.problems.map(toRulesDiagnostic));
		const errors = org.problems.filter(problem => problem.severity === 'error').length;
		this.output.info(`Organisation rules of ${folder.name}: ${org.rules.length} rules, ${Object.keys(org.overrides).length} overrides`
			+ (errors > 0 ? `, ${errors} problems in ${ORG_RULES_PATH} (see the Problems panel)` : ''));
	}
}

const ORG_RULES_DIR = ORG_RULES_PATH.split('/')[0];
const RELOAD_DELAY_MS = 50;

function rulesUri(folder: vscode.WorkspaceFolder): vscode.Uri {
	return vscode.Uri.joinPath(folder.uri, ...ORG_RULES_PATH.split('/'));
}

/** The file's text, or undefined when the folder has none. */
async function readRulesFile(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
	try {
		return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(rulesUri(folder)));
	} catch {
		return undefined;
	}
}
