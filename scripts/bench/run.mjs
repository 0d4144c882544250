#!/usr/bin/env node
// `npm run bench`: how fast AUP Guard scans, next to the bare parse of the same files.
//
// How to read it. Absolute numbers (MB/s, ms) move with the machine and its load; the ratios do
// not, because each one divides two measurements taken in the same process over the same bytes:
//   scan / bare parse     what the model, the rules and the suppressions cost on top of parsing
//                         (1.0 = free). Target: the CLI at most 1.5 single-threaded, under 1.0
//                         with worker threads (--jobs N).
//   rescan / full parse   the editor after a one-character edit of a 1,000-line Terraform file,
//                         against one full tree-sitter parse of it. Target: under 1.0.
// Every time is the median of --runs runs (default 5); next to wall time is CPU time (all threads
// of the process), steadier on a loaded machine: compare single-threaded rows by CPU time, and
// --jobs N by wall time, since its point is to spend more CPU in less time. "bare parse" is the
// libraries the parsers use, called directly: web-tree-sitter for .tf, yaml parseAllDocuments, jsonc-parser
// parseTree, dockerfile-ast; shell scripts have none and count as free. "engine" scans files
// already in memory, one after another, in this process; "CLI" is `node dist/cli.js scan` on the
// corpus folder, end to end (start-up, walk, reads, output). Memory is a fresh process scanning
// the corpus (peak RSS sampled after each file, the kernel's maxRSS, and peak heapUsed); target
// 400 MB. Activation is a fresh process loading dist/extension.js with a stand-in `vscode`.
// "bare parse, fresh process" is the bare parse as a program of its own (start-up, reads from
// disk, a cold JIT): the like-for-like reference for the CLI rows, in the last column.
//
// Needs the compiled engine (out/) and the bundles (dist/): `npm run bench` builds both. Flags:
// --files N (default 2000), --runs N, --seed N, --jobs N (the CLI's multi-threaded row, default
// the CPU count), --keep (leave the corpus in the temp folder). Results also go to
// test-results/bench.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBareParser } from './bare-parse.mjs';
import { random, terraformFile, writeCorpus } from './corpus.mjs';
import { measureIncremental } from './incremental.mjs';
import { mb, median, medianTimes } from './measure.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const options = readOptions(process.argv.slice(2));
const engineModule = require(path.join(root, 'out/src/engine/index.js'));
const hostModule = require(path.join(root, 'out/src/platform/node-host.js'));
const parsersModule = require(path.join(root, 'out/src/engine/parse/registry.js'));
const today = '2026-06-01';

const dir = mkdtempSync(path.join(os.tmpdir(), 'aup-guard-bench-'));
try {
	await main();
} finally {
	if (!options.keep) {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	const files = writeCorpus(dir, options.files, options.seed);
	const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
	const listFile = path.join(dir, '.files');
	writeFileSync(listFile, files.map(file => file.path).join('\n'));
	log(`corpus: ${files.length} files, ${mb(bytes).toFixed(2)} MB, seed ${options.seed}, ${options.runs} runs; ${os.cpus().length} CPUs, load ${os.loadavg().map(load => load.toFixed(1)).join(' ')}`);

	// web-tree-sitter has one module per process, set up by whoever initialises it first. The engine
	// does, as in the editor and the CLI, so its walks take the path users get (see tree-cursor.ts).
	await initEngineTreeSitter();
	const bare = await createBareParser();
	const bareTimes = await medianTimes(options.runs, () => files.forEach(file => bare.parse(file.path, file.text)));
	log(`bare parse: ${bareTimes.ms.toFixed(0)} ms, CPU ${bareTimes.cpuMs.toFixed(0)} ms`);

	const engine = new engineModule.Engine(hostModule.createNodeHost());
	const tally = { findings: 0, errors: 0, notes: 0 };
	for (const file of files) {
		const result = await engine.scan({ path: file.path, text: file.text }, { today });
		tally.findings += result.findings.length;
		tally.errors += result.errors.length;
		tally.notes += result.notes.length;
	}
	const engineTimes = await medianTimes(options.runs, async () => {
		for (const file of files) {
			await engine.scan({ path: file.path, text: file.text }, { today });
		}
	}, 0);
	engine.dispose();
	log(`engine: ${engineTimes.ms.toFixed(0)} ms, CPU ${engineTimes.cpuMs.toFixed(0)} ms (${tally.findings} findings, ${tally.notes} notes, ${tally.errors} errors)`);

	const freshBare = runFreshBare(listFile);
	log(`bare parse, fresh process: ${freshBare.ms.toFixed(0)} ms, CPU ${freshBare.cpuMs.toFixed(0)} ms`);

	const cli = {};
	for (const jobs of [1, options.jobs]) {
		cli[jobs] = runCli(jobs);
		log(`CLI --jobs ${jobs}: ${cli[jobs].ms.toFixed(0)} ms, CPU ${cli[jobs].cpuMs.toFixed(0)} ms, maxRSS ${mb(cli[jobs].maxRss).toFixed(0)} MB${cli[jobs].note ? ` (${cli[jobs].note})` : ''}`);
	}

	const incremental = await measureIncremental({ engineModule, hostModule, parsersModule, bare, text: terraformFile(random(options.seed + 1), 1000), runs: options.runs });
	bare.dispose();
	const memory = childJson('memory-child.mjs', [root, dir, listFile]);
	const activation = childJson('activation-child.mjs', [root]);

	const rate = ({ ms, cpuMs }) => ({
		ms, cpuMs, mbPerS: mb(bytes) / (ms / 1000), filesPerS: files.length / (ms / 1000),
		ratioToBareParse: ms / bareTimes.ms, cpuRatioToBareParse: cpuMs / bareTimes.cpuMs,
	});
	const results = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg(), node: process.version },
		corpus: { files: files.length, bytes, seed: options.seed },
		runs: options.runs,
		bareParse: rate(bareTimes),
		freshBareParse: rate(freshBare),
		engine: { ...rate(engineTimes), ...tally },
		cli: Object.fromEntries(Object.entries(cli).map(([jobs, run]) => [`jobs${jobs}`, { ...rate(run), ratioToFreshBareParse: run.ms / freshBare.ms, maxRss: run.maxRss, ...(run.note ? { note: run.note } : {}) }])),
		incremental: { ...incremental, ratioToFullParse: incremental.rescanAfterEditMs / incremental.bareFullParseMs },
		memory,
		activation,
	};
	printTable(results);
	mkdirSync(path.join(root, 'test-results'), { recursive: true });
	writeFileSync(path.join(root, 'test-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
	log('written to test-results/bench.json');
}

/**
 * The bare parse in a fresh process that reads the files from disk, `runs` times: what the CLI
 * compares with like for like, since both pay start-up, reads and a cold JIT, which the in-process
 * medians above do not.
 */
function runFreshBare(listFile) {
	const rssFile = path.join(dir, '.rss-bare');
	const hook = pathToFileURL(path.join(root, 'scripts/bench/rss-hook.mjs')).href;
	const times = [];
	const cpus = [];
	for (let i = 0; i <= options.runs; i++) {
		const start = performance.now();
		const child = spawnSync(process.execPath, ['--import', hook, path.join(root, 'scripts/bench/bare-child.mjs'), listFile], { cwd: dir, env: { ...process.env, AUP_GUARD_BENCH_RSS: rssFile }, encoding: 'utf8' });
		const ms = performance.now() - start;
		if (child.status !== 0) {
			throw new Error(`bare-child.mjs failed: ${child.stderr}`);
		}
		if (i > 0) {
			times.push(ms);
			cpus.push(JSON.parse(readFileSync(rssFile, 'utf8')).cpuMs);
		}
	}
	return { ms: median(times), cpuMs: median(cpus) };
}

/** The CLI end to end, `runs` times; the first run warms the disk cache and is not counted. */
function runCli(jobs) {
	const rssFile = path.join(dir, '.rss');
	const hook = pathToFileURL(path.join(root, 'scripts/bench/rss-hook.mjs')).href;
	const supportsJobs = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'help', 'scan'], { encoding: 'utf8' }).stdout.includes('--jobs');
	const jobArgs = supportsJobs ? ['--jobs', String(jobs)] : [];
	const times = [];
	const cpus = [];
	let maxRss = 0;
	for (let i = 0; i <= options.runs; i++) {
		const start = performance.now();
		const child = spawnSync(process.execPath, ['--import', hook, path.join(root, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--fail-on', 'none', '--output', path.join(os.tmpdir(), `aup-guard-bench-${process.pid}.json`), ...jobArgs], { cwd: dir, env: { ...process.env, AUP_GUARD_BENCH_RSS: rssFile }, encoding: 'utf8' });
		const ms = performance.now() - start;
		if (child.status !== 0) {
			throw new Error(`the CLI exited with ${child.status}: ${child.stderr}`);
		}
		const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
		if (i > 0) {
			times.push(ms);
			cpus.push(usage.cpuMs);
		}
		maxRss = Math.max(maxRss, usage.maxRss);
	}
	return { ms: median(times), cpuMs: median(cpus), maxRss, ...(supportsJobs ? {} : { note: 'this CLI has no --jobs: single-threaded' }) };
}

async function initEngineTreeSitter() {
	const engine = new engineModule.Engine(hostModule.createNodeHost());
	await engine.scan({ path: 'init.tf', text: '' });
	engine.dispose();
}

function childJson(script, args) {
	const child = spawnSync(process.execPath, [path.join(root, 'scripts/bench', script), ...args], { encoding: 'utf8' });
	if (child.status !== 0) {
		throw new Error(`${script} failed: ${child.stderr}`);
	}
	return JSON.parse(child.stdout);
}

function printTable(r) {
	const rows = [
		['what', 'time', 'MB/s', 'files/s', 'x bare parse', 'CPU time', 'CPU x bare', 'x fresh bare'],
		...[['bare parse (1 thread)', r.bareParse], ['engine scan (1 thread)', r.engine], ['bare parse, fresh process', r.freshBareParse], ...Object.entries(r.cli).map(([jobs, run]) => [`CLI end to end, --${jobs.replace('jobs', 'jobs ')}`, run])]
			.map(([what, run]) => [what, ms(run.ms), run.mbPerS.toFixed(2), run.filesPerS.toFixed(0), run.ratioToBareParse.toFixed(2), ms(run.cpuMs), run.cpuRatioToBareParse.toFixed(2), run === r.freshBareParse ? '1.00' : run.ratioToFreshBareParse?.toFixed(2) ?? '']),
		[],
		['1,000-line .tf, one-character edit', 'time', '', '', 'x full parse'],
		['rescan in the editor (incremental)', ms(r.incremental.rescanAfterEditMs), '', '', (r.incremental.rescanAfterEditMs / r.incremental.bareFullParseMs).toFixed(2)],
		['  of which the incremental parse', ms(r.incremental.incrementalParseMs), '', '', (r.incremental.incrementalParseMs / r.incremental.bareFullParseMs).toFixed(2)],
		['full scan of the file (no kept tree)', ms(r.incremental.fullScanMs), '', '', (r.incremental.fullScanMs / r.incremental.bareFullParseMs).toFixed(2)],
		['bare full parse (tree-sitter)', ms(r.incremental.bareFullParseMs), '', '', '1.00'],
		['bare incremental reparse', ms(r.incremental.bareIncrementalReparseMs), '', '', (r.incremental.bareIncrementalReparseMs / r.incremental.bareFullParseMs).toFixed(2)],
		[],
		['memory, engine over the corpus', 'peak', '', '', ''],
		['RSS sampled / maxRSS / heapUsed', `${mb(r.memory.peakRss).toFixed(0)} / ${mb(r.memory.maxRss).toFixed(0)} / ${mb(r.memory.peakHeap).toFixed(0)} MB`, '', '', ''],
		...Object.entries(r.cli).map(([jobs, run]) => [`CLI --${jobs.replace('jobs', 'jobs ')} maxRSS`, `${mb(run.maxRss).toFixed(0)} MB`, '', '', '']),
		[],
		['activation', 'time', '', '', ''],
		['load dist/extension.js', ms(r.activation.bundleLoadMs), '', '', ''],
		['activate() with a stand-in vscode', r.activation.activateMs === undefined ? `n/a (${r.activation.activateError})` : ms(r.activation.activateMs), '', '', ''],
		['new Engine()', ms(r.activation.engineMs), '', '', ''],
		['first scan of a small .tf (grammar load)', ms(r.activation.firstScanMs), '', '', ''],
		['second scan of it', ms(r.activation.secondScanMs), '', '', ''],
	];
	const widths = [0, 1, 2, 3, 4, 5, 6, 7].map(column => Math.max(...rows.map(row => String(row[column] ?? '').length)));
	for (const row of rows) {
		log(row.length === 0 ? '' : row.map((cell, column) => column === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[column])).join('  '));
	}
}

function ms(value) {
	return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function log(line) {
	process.stdout.write(`${line}\n`);
}

function readOptions(argv) {
	const value = (name, fallback) => {
		const at = argv.indexOf(name);
		return at >= 0 ? Number(argv[at + 1]) : fallback;
	};
	return {
		files: value('--files', 2000),
		runs: value('--runs', 5),
		seed: value('--seed', 1),
		jobs: value('--jobs', os.cpus().length),
		keep: argv.includes('--keep'),
	};
}
