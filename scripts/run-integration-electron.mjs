// Runs the same integration tests (test/integration) in VS Code desktop through
// @vscode/test-electron, for machines that have a VS Code desktop.
//
// Not run by `npm test` or CI here: @vscode/test-electron downloads VS Code from Microsoft's
// update server, which these machines cannot reach, so this script never downloads: it needs
// VSCODE_EXECUTABLE_PATH pointing at an installed VS Code (>= 1.100), for example
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code node scripts/run-integration-electron.mjs
// Build first: `npx tsc -p . && npm run build`. scripts/run-integration.mjs is the runner
// that works here (code-server in headless Chromium).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './code-server/install.mjs';
import { prepareRun, printReport } from './lib/integration-report.mjs';

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath || !existsSync(vscodeExecutablePath)) {
	process.stderr.write('[integration] set VSCODE_EXECUTABLE_PATH to an installed VS Code desktop executable (this script never downloads one)\n');
	process.exit(1);
}
const extensionTestsPath = join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
if (!existsSync(extensionTestsPath) || !existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
	process.stderr.write('[integration] build first: npx tsc -p . && npm run build\n');
	process.exit(1);
}

const run = prepareRun(join(REPO_ROOT, 'test', 'fixtures', 'workspace'));
let exitCode = 1;
try {
	const profile = join(run.runDir, 'profile');
	mkdirSync(profile, { recursive: true });
	const code = await runTests({
		vscodeExecutablePath,
		extensionDevelopmentPath: REPO_ROOT,
		extensionTestsPath,
		extensionTestsEnv: {
			AUP_GUARD_TEST_RESULT: run.resultFile,
			...(process.env.AUP_GUARD_TEST_GREP ? { AUP_GUARD_TEST_GREP: process.env.AUP_GUARD_TEST_GREP } : {}),
		},
		launchArgs: [
			run.workspace,
			// a fresh profile and no other extensions, like the code-server runner
			'--user-data-dir', join(profile, 'user-data'),
			'--extensions-dir', join(profile, 'extensions'),
			'--disable-extensions',
			'--disable-workspace-trust',
			'--skip-welcome',
			'--skip-release-notes',
		],
	});
	exitCode = existsSync(run.resultFile) ? printReport(JSON.parse(readFileSync(run.resultFile, 'utf8'))) : 1;
	exitCode = exitCode || (code === 0 ? 0 : 1);
} catch (error) {
	// runTests rejects when VS Code exits non-zero, which run() causes on a failed test.
	if (existsSync(run.resultFile)) {
		printReport(JSON.parse(readFileSync(run.resultFile, 'utf8')));
	}
	process.stderr.write(`[integration] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
	exitCode = 1;
} finally {
	run.remove();
}
process.exit(exitCode);
