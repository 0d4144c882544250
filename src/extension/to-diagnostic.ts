import * as vscode from 'vscode';
import type { Finding, Severity } from '../engine/index';
import { RULE_DOCS_SCHEME, ruleDocsPath, withAupSection } from './rule-docs';
import type { Referral } from './workspace/script-references';

export const DIAGNOSTIC_SOURCE = 'AUP Guard';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
	error: vscode.DiagnosticSeverity.Error,
	warning: vscode.DiagnosticSeverity.Warning,
	info: vscode.DiagnosticSeverity.Information,
};

/** `aup-guard:/rules/AUP-XXX-001.md`, served by the rule docs provider, so the link works offline. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
	return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: ruleDocsPath(ruleId) });
}

/**
 * The rule id is the `code` (code actions match on it) and links to the rule's page; the
 * message names the AUP section so the Problems panel says which part of the policy applies.
 */
export function toDiagnostic(finding: Finding, related?: readonly vscode.DiagnosticRelatedInformation[]): vscode.Diagnostic {
	const diagnostic = new vscode.Diagnostic(toRange(finding.range), withAupSection(finding.message, finding.aupSection), SEVERITY[finding.severity]);
	diagnostic.source = DIAGNOSTIC_SOURCE;
	diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(finding.ruleId) };
	if (related && related.length > 0) {
		diagnostic.relatedInformation = [...related];
	}
	return diagnostic;
}

/**
 * For a script that Terraform files read (`file("${path.module}/bootstrap")`): a pointer to each
 * call, so the Problems panel and the hover say where the script is used.
 */
export function readByInformation(referrals: readonly Referral<vscode.Uri>[]): vscode.DiagnosticRelatedInformation[] {
	return referrals.map(referral => new vscode.DiagnosticRelatedInformation(
		new vscode.Location(referral.referrer, toRange(referral.range)),
		'Terraform reads this script here',
	));
}

function toRange({ start, end }: Finding['range']): vscode.Range {
	return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** The rule id of one of our diagnostics, however VS Code hands it back (object or plain code). */
export function diagnosticRuleId(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	if (typeof code === 'object' && code !== null) {
		return String(code.value);
	}
	return code === undefined ? undefined : String(code);
}
