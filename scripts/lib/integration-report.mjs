// What the integration runners share: a throwaway copy of the fixture workspace, and the
// printing of the JSON report that test/integration/index.ts writes from inside VS Code.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests edit files and write .vscode/settings.json; running on a temp copy keeps the
 * fixtures in git pristine and each run independent of the last.
 */
export function prepareRun(fixtureWorkspace) {
	const runDir = mkdtempSync(join(tmpdir(), 'aup-guard-integration-'));
	const workspace = join(runDir, 'workspace');
	cpSync(fixtureWorkspace, workspace, { recursive: true });
	return {
		runDir,
		workspace,
		resultFile: join(runDir, 'result.json'),
		remove: () => rmSync(runDir, { recursive: true, force: true }),
	};
}

/** Prints each test and the closing `N passed, M failed` line; returns the exit code. */
export function printReport(report, write = text => process.stdout.write(text)) {
	write(`\nIntegration tests in ${report.appName} ${report.vscodeVersion} (${(report.durationMs / 1000).toFixed(1)} s):\n`);
	for (const test of report.tests) {
		const mark = test.state === 'passed' ? 'ok  ' : test.state === 'pending' ? 'skip' : 'FAIL';
		write(`  ${mark} ${test.title}${test.durationMs === undefined ? '' : ` (${test.durationMs} ms)`}\n`);
		if (test.error) {
			write(`${indent(test.error.stack ?? test.error.message, '         ')}\n`);
		}
	}
	for (const error of report.errors) {
		write(`  FAIL outside any test: ${error}\n`);
	}
	write(`\n${report.passes} passed, ${report.failures} failed\n`);
	if (report.passes + report.failures === 0) {
		process.stderr.write('[integration] FAILED: no tests ran\n');
		return 1;
	}
	return report.failures === 0 ? 0 : 1;
}

function indent(text, prefix) {
	return text.split('\n').map(line => `${prefix}${line}`).join('\n');
}
