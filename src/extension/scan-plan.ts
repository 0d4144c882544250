import * as vscode from 'vscode';
import { referencedScriptFormat, type Format } from '../engine/index';
import { documentFormat, exceedsByteSize, isScannedLanguage, isScannedScheme, matchesGlobs } from './document-filter';
import { readSettings, type Settings } from './settings';

export type ScanPlan =
	| { readonly scan: true; readonly format: Format; readonly settings: Settings }
	/** `logged` is false for the everyday reasons (not IaC, disabled), which would only be noise. */
	| { readonly scan: false; readonly reason: string; readonly logged: boolean };

/** Settings as they apply to one document: a workspace folder may override the user's. */
export function settingsFor(uri: vscode.Uri | undefined): Settings {
	const configuration = vscode.workspace.getConfiguration('aupGuard', uri);
	return readSettings(key => configuration.get(key));
}

/** Whether a document could ever be scanned, judged on what cannot change while it stays open. */
export function isCandidate(document: vscode.TextDocument): boolean {
	return isScannedScheme(document.uri.scheme) && isScannedLanguage(document.languageId);
}

/**
 * Whether and how to scan a document, checked cheapest first since this runs on every edit.
 * `referenced` is for a script a Terraform file reads: whatever its name and language, it is
 * scanned as the script it is (`bootstrap`, `userdata.txt`).
 */
export function planScan(document: vscode.TextDocument, formatOf: (path: string, text: string) => Format | undefined, referenced = false): ScanPlan {
	const { uri } = document;
	if (!isScannedScheme(uri.scheme)) {
		return { scan: false, reason: `documents of scheme '${uri.scheme}' are not scanned`, logged: false };
	}
	if (!referenced && !isScannedLanguage(document.languageId)) {
		return { scan: false, reason: `${document.languageId} documents are not scanned`, logged: false };
	}
	const settings = settingsFor(uri);
	if (!settings.enable) {
		return { scan: false, reason: 'aupGuard.enable is off', logged: false };
	}
	// Untitled buffers have no place in the workspace, so only `enable` applies to them.
	if (uri.scheme !== 'untitled' && !matchesGlobs(vscode.workspace.asRelativePath(uri, false), settings.include, settings.exclude)) {
		return { scan: false, reason: 'excluded by aupGuard.include / aupGuard.exclude', logged: false };
	}
	const text = document.getText();
	if (exceedsByteSize(text, settings.maxFileSize)) {
		return { scan: false, reason: `larger than aupGuard.maxFileSize (${settings.maxFileSize} bytes)`, logged: true };
	}
	const path = enginePath(uri);
	const format = (referenced ? referencedScriptFormat(path, text) : undefined) ?? documentFormat(document.languageId, path, text, formatOf);
	if (!format) {
		return { scan: false, reason: 'not an infrastructure-as-code format AUP Guard knows', logged: false };
	}
	return { scan: true, format, settings };
}

/**
 * The path the engine knows a document by: it keys the parsers' per-file state (forgotten on
 * close) and names the file for detection, so it keeps the real file name.
 */
export function enginePath(uri: vscode.Uri): string {
	return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** How the output channel names a document. */
export function documentLabel(uri: vscode.Uri): string {
	return uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, true);
}
