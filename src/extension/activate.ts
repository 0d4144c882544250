import * as vscode from 'vscode';
import type { Finding, ParserHost } from '../engine/index';
import { contributedCommands, registerEditorFeatures } from './code-actions/register';
import { registerCommands } from './commands';
import { DiagnosticsManager, type PublishedFindings } from './diagnostics';
import { ModuleVariables } from './module-variables';
import { createOrgRulesEngine } from './org-rules/register';
import { registerPolicyView } from './policy-view/register';
import { registerReport } from './report/register';
import { registerRuleDocs } from './rule-docs-provider';
import type { ReviewerName } from './review/mark-reviewed';
import { ScanLog } from './scan-log';
import { registerWorkspaceFeatures, type WorkspaceApi } from './workspace/register-workspace';
import { ScriptReferences } from './workspace/script-references';

/**
 * What `activate` returns, reachable as `vscode.extensions.getExtension('autoscalr.aup-guard').exports`:
 * the finding behind each diagnostic, for code actions and integration tests.
 */
export interface AupGuardApi {
	published(uri: vscode.Uri): PublishedFindings | undefined;
	findingFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Finding | undefined;
	/** The Findings view and status bar as they are now. */
	readonly workspace: WorkspaceApi;
}

/** What only one entry can provide: the desktop one reads the reviewer's name from git. */
export interface ActivateOptions {
	readonly reviewerName?: ReviewerName;
}

/**
 * Everything both entries share; they differ only in how WebAssembly is loaded (`host`).
 * Each disposable goes into `context.subscriptions` as it is created, so a failure halfway
 * through activation still leaves nothing behind.
 */
export function activateWith(context: vscode.ExtensionContext, host: ParserHost, options: ActivateOptions = {}): AupGuardApi {
	const output = vscode.window.createOutputChannel('AUP Guard', { log: true });
	context.subscriptions.push(output);
	const log = new ScanLog(output);
	// The editor reparses the same file on every pause in typing: let parsers keep its syntax tree.
	// Each workspace folder's .aupguard/rules.yaml applies to every scan, in trusted workspaces only.
	const { engine, store: orgRules } = createOrgRulesEngine({ ...host, incremental: true }, output);
	context.subscriptions.push(orgRules);
	context.subscriptions.push({ dispose: () => engine.dispose() });
	// Which files Terraform files read as scripts: the editor scans those as scripts whatever their names.
	const scripts = new ScriptReferences<vscode.Uri>();
	// What the other files of a Terraform module declare, so a fix's new variable does not clash.
	const moduleVariables = new ModuleVariables();
	context.subscriptions.push(moduleVariables);
	const diagnostics = new DiagnosticsManager(engine, log, scripts, moduleVariables);
	context.subscriptions.push(diagnostics);
	context.subscriptions.push(registerRuleDocs(engine.rules));
	context.subscriptions.push(...registerCommands({ diagnostics, rules: engine.rules, output, log }));
	context.subscriptions.push(...registerEditorFeatures({
		engine, diagnostics, rules: engine.rules, log, contributedCommands: contributedCommands(context.extension.packageJSON),
	}));
	context.subscriptions.push(...registerReport({ rules: engine.rules, extensionVersion: extensionVersion(context), output }));
	// Before validateAll, so the workspace store hears about the documents already open.
	const workspace = registerWorkspaceFeatures({ engine, diagnostics, log, output, context, reviewerName: options.reviewerName, scripts });
	context.subscriptions.push(...workspace.disposables);
	context.subscriptions.push(...registerPolicyView({ extensionUri: context.extensionUri, diagnostics, rules: engine.rules, output, workspace: workspace.findings }));
	output.info(`AUP Guard ${extensionVersion(context)} started with ${engine.rules.length} rules.`);
	// Documents opened before activation (the one that triggered it, restored editors) get no open event.
	diagnostics.validateAll();
	context.subscriptions.push(orgRules.onDidChange(() => diagnostics.validateAll()));
	orgRules.start();
	return {
		published: uri => diagnostics.published(uri),
		findingFor: (uri, diagnostic) => diagnostics.findingFor(uri, diagnostic),
		workspace: workspace.api,
	};
}

function extensionVersion(context: vscode.ExtensionContext): string {
	const version: unknown = context.extension.packageJSON?.version;
	return typeof version === 'string' ? version : '(unknown version)';
}
