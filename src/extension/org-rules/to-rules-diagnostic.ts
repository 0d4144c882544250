import * as vscode from 'vscode';
import type { OrgRulesProblem } from '../../engine/org-rules/index';
import { DIAGNOSTIC_SOURCE } from '../to-diagnostic';

/** A problem in a rules file, at its line: an error means a rule or an override did not load. */
export function toRulesDiagnostic(problem: OrgRulesProblem): vscode.Diagnostic {
	const { start, end } = problem.range;
	const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
	const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), problem.message, severity);
	diagnostic.source = DIAGNOSTIC_SOURCE;
	return diagnostic;
}
