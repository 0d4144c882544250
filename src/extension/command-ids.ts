// No `vscode` import here, so the manifest test can check package.json against these ids.

/** Command ids; they match `contributes.commands` in package.json. */
export const COMMANDS = {
	scanActiveFile: 'aupGuard.scanActiveFile',
	showOutput: 'aupGuard.showOutput',
	showRuleDocs: 'aupGuard.showRuleDocs',
	suppressFinding: 'aupGuard.suppressFinding',
	scanWorkspace: 'aupGuard.scanWorkspace',
	refreshFindings: 'aupGuard.refreshFindings',
	groupByFile: 'aupGuard.findings.groupByFile',
	groupBySection: 'aupGuard.findings.groupBySection',
	markReviewed: 'aupGuard.markReviewed',
	openPolicyView: 'aupGuard.openPolicyView',
	reportViolation: 'aupGuard.reportViolation',
} as const;
