import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Engine, type Rule } from '../engine/index';
import { createNodeHost } from '../platform/node-host';
import type { ScanArgs } from './args';
import { ANSI, PLAIN, useColor } from './format/color';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText, formatWarnings } from './format/text';
import { describeError, type ResolvedIo } from './io';
import { exitCodeFor, type ScanReport } from './report';
import { loadOrgRules, scannerFor, type ScannerSetup } from './org-rules';
import { markReaders, mergeReports, scanReferencedScripts } from './referenced-scripts';
import { scanFiles } from './scan-files';
import { walk } from './walk';

/** `aup-guard scan`: walk, scan, print, and turn the findings into an exit code. */
export async function runScan(args: ScanArgs, io: ResolvedIo, version: string): Promise<number> {
	const walked = walk(args.paths, { cwd: io.cwd, include: args.include, exclude: args.exclude });
	if (walked.missing.length > 0) {
		// A mistyped path in CI must not pass as "nothing found".
		for (const given of walked.missing) {
			io.stderr.write(`aup-guard: no such file or folder: ${given}\n`);
		}
		return 2;
	}
	const loaded = await loadOrgRules(args, args.paths, io);
	if (!loaded.ok) {
		return 2;
	}
	const engine = new Engine(createNodeHost());
	try {
		// Plain data, so worker threads (--jobs) build the same scanner as this thread.
		const setup: ScannerSetup = { ...(loaded.source ? { orgRules: loaded.source } : {}), ...(args.ruleOptions ? { ruleOptions: args.ruleOptions } : {}) };
		const scanner = scannerFor(engine, setup, loaded.org);
		const scanned = await scanFiles(scanner, walked.files, { cwd: io.cwd, maxFileSize: args.maxFileSize, jobs: args.jobs ?? availableParallelism(), scanner: setup });
		const scripts = await scanReferencedScripts(scanner, scanned, walked,
			{ cwd: io.cwd, include: args.include, exclude: args.exclude, maxFileSize: args.maxFileSize });
		const report = markReaders(mergeReports(scanned, scripts), scanned.readers);
		for (const line of formatWarnings(report.files, [...walked.warnings, ...report.warnings])) {
			io.stderr.write(`${line}\n`);
		}
		const output = render(args, report, [...engine.rules, ...loaded.org.rules], io, version);
		if (args.output === undefined) {
			io.stdout.write(output);
		} else {
			try {
				await writeFile(path.resolve(io.cwd, args.output), output, 'utf8');
			} catch (error) {
				io.stderr.write(`aup-guard: cannot write ${args.output}: ${describeError(error, io.env)}\n`);
				return 2;
			}
		}
		// A rules file with errors ran only in part: as with a crashed rule, a pass would be false.
		return loaded.hasErrors ? 2 : exitCodeFor(report.files, args.failOn);
	} finally {
		engine.dispose();
	}
}

function render(args: ScanArgs, report: ScanReport, rules: readonly Rule[], io: ResolvedIo, version: string): string {
	switch (args.format) {
		case 'json':
			return formatJson(report.files);
		case 'sarif':
			return formatSarif(report.files, { rules, version, srcRoot: folderUri(io.cwd) });
		case 'text': {
			const color = useColor({ isTTY: io.stdout.isTTY, env: io.env, allowed: args.color && args.output === undefined });
			return formatText(report.files, { palette: color ? ANSI : PLAIN, showSuppressed: args.showSuppressed });
		}
	}
}

function folderUri(folder: string): string {
	const uri = pathToFileURL(folder).href;
	return uri.endsWith('/') ? uri : `${uri}/`;
}
