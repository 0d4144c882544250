import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Engine } from '../engine/index';
import { NO_ORG_RULES, ORG_RULES_PATH, parseOrgRules, withOrgRules, type OrgRules } from '../engine/org-rules/index';
import { describeError, type ResolvedIo } from './io';
import { withRuleOptions, type RuleOptions } from './rule-options';
import type { FileScanner } from './scan-one';
import { displayPath } from './paths';

/** How the command line chose the rules file: `--rules FILE`, `--no-org-rules`, or neither. */
export interface OrgRulesChoice {
	readonly rulesFile?: string;
	readonly noOrgRules?: true;
}

export interface LoadedOrgRules {
	readonly org: OrgRules;
	/** The rules file as read, for worker threads to parse again (the rules hold functions, which cannot be sent). */
	readonly source?: OrgRulesSource;
	/** False when `--rules` named a file that cannot be read: a usage error, exit code 2. */
	readonly ok: boolean;
	/** True when the file has errors: some of its rules did not load, so a clean scan would be a false pass. */
	readonly hasErrors: boolean;
}

/**
 * Reads the organisation's rules: `--rules FILE`, else `.aupguard/rules.yaml` in the one folder
 * being scanned, else in the current folder. Each problem goes to stderr as `file:line:col`.
 */
export async function loadOrgRules(choice: OrgRulesChoice, scanPaths: readonly string[], io: ResolvedIo): Promise<LoadedOrgRules> {
	if (choice.noOrgRules) {
		return { org: NO_ORG_RULES, ok: true, hasErrors: false };
	}
	const candidates = choice.rulesFile !== undefined
		? [path.resolve(io.cwd, choice.rulesFile)]
		: [...await scannedFolder(scanPaths, io.cwd), io.cwd].map(folder => path.join(folder, ORG_RULES_PATH));
	for (const file of candidates) {
		let text: string;
		try {
			text = await readFile(file, 'utf8');
		} catch (error) {
			if (choice.rulesFile !== undefined) {
				io.stderr.write(`aup-guard: cannot read the rules file ${choice.rulesFile}: ${describeError(error, io.env)}\n`);
				return { org: NO_ORG_RULES, ok: false, hasErrors: true };
			}
			continue;
		}
		const shown = displayPath(io.cwd, file);
		const org = parseOrgRules(text, shown);
		for (const problem of org.problems) {
			const { line, character } = problem.range.start;
			io.stderr.write(`${shown}:${line + 1}:${character + 1}: ${problem.severity}: ${problem.message}\n`);
		}
		return { org, source: { text, shown }, ok: true, hasErrors: org.problems.some(problem => problem.severity === 'error') };
	}
	return { org: NO_ORG_RULES, ok: true, hasErrors: false };
}

/** A rules file's text and the name its problems are reported under. Plain data. */
export interface OrgRulesSource {
	readonly text: string;
	readonly shown: string;
}

/**
 * How to build the scan's view of the engine, as plain data: what the main thread hands each
 * worker thread, so `--jobs` scans with the same organisation rules and `--rule-option`s.
 */
export interface ScannerSetup {
	readonly orgRules?: OrgRulesSource;
	readonly ruleOptions?: RuleOptions;
}

/**
 * The engine with the organisation's rules and the command line's rule options applied. A
 * worker parses the rules file again; its problems were reported once, by the main thread.
 */
export function scannerFor(engine: Engine, setup: ScannerSetup, org?: OrgRules): FileScanner {
	const rules = org ?? (setup.orgRules ? parseOrgRules(setup.orgRules.text, setup.orgRules.shown) : NO_ORG_RULES);
	// The command line's options win over the rules file's, option by option.
	return withRuleOptions(orgScanner(engine, rules), setup.ruleOptions);
}

/** The engine as the scan sees it: the organisation's rules, overrides and options applied to every file. */
export function orgScanner(engine: Engine, org: OrgRules): FileScanner {
	return {
		formatOf: (file, text) => engine.formatOf(file, text),
		forget: file => engine.forget(file),
		scan: (input, options) => engine.scan(input, withOrgRules(options ?? {}, org)),
	};
}

/** The folder scanned, when exactly one is: `aup-guard scan infra/` uses infra/.aupguard/rules.yaml. */
async function scannedFolder(scanPaths: readonly string[], cwd: string): Promise<string[]> {
	if (scanPaths.length !== 1) {
		return [];
	}
	const folder = path.resolve(cwd, scanPaths[0]);
	try {
		return (await stat(folder)).isDirectory() && folder !== cwd ? [folder] : [];
	} catch {
		return [];
	}
}
