// `npm test`: everything a fresh clone needs, then every test. Plain Node with no dependencies,
// because it runs before node_modules exists. Steps: npm ci (when needed), code-server and its
// system packages (when needed), type-check, lint, rule docs check, unit tests, production
// build, integration tests inside code-server, the packaged .vsix installed into a fresh
// code-server, and a person's journeys in the workbench (end-to-end, with screenshots). Exits
// non-zero when anything fails; the last line is the total `N passed, M failed`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installCodeServer, REPO_ROOT } from './code-server/install.mjs';
import { ensureNodeModules, localBin } from './lib/dependencies.mjs';
import { log, run } from './lib/exec.mjs';

const started = Date.now();
const timings = [];
const totals = [];
let failed = false;

try {
	step('dependencies', () => {
		ensureNodeModules(REPO_ROOT);
		installCodeServer();
	});
	step('type-check', () => {
		// tsc never deletes: a renamed or removed test would live on in out/ and still run
		rmSync(join(REPO_ROOT, 'out', 'test', 'integration'), { recursive: true, force: true });
		run(localBin(REPO_ROOT, 'tsc'), ['-p', '.'], { cwd: REPO_ROOT });
	});
	// The architecture rules (no vscode or Node under src/engine) live in the lint config.
	step('lint', () => run(localBin(REPO_ROOT, 'eslint'), ['src', 'test', 'scripts'], { cwd: REPO_ROOT }));
	// docs/rules.md is generated from rule metadata; a stale copy would mislead readers.
	step('rule docs', () => run('node', ['scripts/generate-rule-docs.mjs', '--check'], { cwd: REPO_ROOT }));
	const unit = await timed('unit tests', () => unitTests());
	totals.push(['unit', unit]);
	step('build', () => run('npm', ['run', 'build'], { cwd: REPO_ROOT }));
	const integration = await timed('integration tests', () => integrationTests());
	totals.push(['integration', integration]);
	const packaged = await timed('package smoke', () => packageSmoke());
	totals.push(['package', packaged]);
	const journeys = await timed('e2e journeys', () => e2eJourneys());
	totals.push(['e2e', journeys]);
} catch (error) {
	failed = true;
	process.stderr.write(`\n[aup-guard] npm test FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
}

process.stdout.write(`\n${timings.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
let passed = 0;
let failedTests = 0;
for (const [name, counts] of totals) {
	process.stdout.write(`${name}: ${counts.passed} passed, ${counts.failed} failed\n`);
	passed += counts.passed;
	failedTests += counts.failed;
}
process.stdout.write(`${passed} passed, ${failedTests} failed\n`);
process.exit(failed || failedTests > 0 ? 1 : 0);

function step(name, work) {
	log(`== ${name}`);
	const t = Date.now();
	try {
		work();
	} finally {
		timings.push([name, Date.now() - t]);
	}
}

async function timed(name, work) {
	log(`== ${name}`);
	const t = Date.now();
	try {
		return await work();
	} finally {
		timings.push([name, Date.now() - t]);
	}
}

/** Runs mocha (.mocharc.json) and reads its closing counts; the output still streams through. */
async function unitTests() {
	const { code, output } = await tee(localBin(REPO_ROOT, 'mocha'), []);
	// the summary is at the end; a test title may contain the same words
	const count = pattern => Number([...output.matchAll(pattern)].at(-1)?.[1] ?? 0);
	const counts = { passed: count(/(\d+) passing/g), failed: count(/(\d+) failing/g) };
	if (code !== 0 && counts.failed === 0) {
		// mocha itself failed (a file that does not load, a bad option): count it, or a
		// crash would read as success
		counts.failed = 1;
	}
	if (counts.passed + counts.failed === 0) {
		throw new Error('no unit tests ran');
	}
	return counts;
}

async function integrationTests() {
	const reportFile = join(REPO_ROOT, 'test-results', 'integration.json');
	rmSync(reportFile, { force: true });
	const { code } = await tee(process.execPath, [join(REPO_ROOT, 'scripts', 'run-integration.mjs')]);
	if (!existsSync(reportFile)) {
		// the runner failed before VS Code reported (no server, timeout): one failure
		return { passed: 0, failed: 1 };
	}
	const report = JSON.parse(readFileSync(reportFile, 'utf8'));
	return { passed: report.passes, failed: report.failures || (code === 0 ? 0 : 1) };
}

/** Packages the .vsix and checks, in a fresh code-server, that it installs and activates. */
async function packageSmoke() {
	const { code, output } = await tee(process.execPath, [join(REPO_ROOT, 'scripts', 'e2e', 'vsix-smoke.mjs')]);
	const summary = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
	if (!summary) {
		return { passed: 0, failed: 1 };
	}
	return { passed: Number(summary[1]), failed: Number(summary[2]) || (code === 0 ? 0 : 1) };
}

/** A person's journeys in the workbench (scripts/e2e/journeys.mjs); screenshots in test-results/e2e/. */
async function e2eJourneys() {
	const { code, output } = await tee(process.execPath, [join(REPO_ROOT, 'scripts', 'e2e', 'journeys.mjs')]);
	const summary = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
	if (!summary) {
		return { passed: 0, failed: 1 };
	}
	return { passed: Number(summary[1]), failed: Number(summary[2]) || (code === 0 ? 0 : 1) };
}

function tee(command, args) {
	return new Promise((resolve, reject) => {
		process.stdout.write(`$ ${[command, ...args].join(' ')}\n`);
		const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
		let output = '';
		child.stdout.on('data', chunk => {
			output += chunk;
			process.stdout.write(chunk);
		});
		child.on('error', reject);
		child.on('close', code => resolve({ code, output }));
	});
}
