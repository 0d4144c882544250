import { SEVERITIES } from '../finding';
import type { Range } from '../model/range';
import { BUILTIN_RULES } from '../rules/index';
import { LineIndex } from '../text/line-index';
import type { OrgRule } from './build-rule';
import { MAX_RULES, ORG_RULES_VERSION, TOP_LEVEL_KEYS, type Override } from './constants';
import { ProblemList, describeKind, entryOf, type ProblemSeverity } from './problems';
import { readRule } from './read-rule';
import { readYaml, type YamlValue } from './yaml-tree';

export interface OrgRulesProblem {
	readonly range: Range;
	readonly message: string;
	readonly severity: ProblemSeverity;
}

/** What a rules file says, with everything wrong in it; broken parts are left out, never thrown. */
export interface OrgRules {
	/** The path the file was read from, as the caller named it. */
	readonly path: string;
	readonly rules: readonly OrgRule[];
	/** Per rule id (built-in or the file's own): a severity that replaces the rule's, or 'off'. */
	readonly overrides: Readonly<Record<string, Override>>;
	/** Per built-in rule id: options such as thresholds, passed to the rule as they are. */
	readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
	readonly problems: readonly OrgRulesProblem[];
}

export interface ParseOrgRulesOptions {
	/** The ids rules may not take and overrides may name; the built-in rules by default. */
	readonly builtinRuleIds?: ReadonlySet<string>;
}

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_RULES.map(rule => rule.id));

/** An empty rule set: what a missing file, an untrusted workspace or `--no-org-rules` amounts to. */
export const NO_ORG_RULES: OrgRules = { path: '', rules: [], overrides: {}, ruleOptions: {}, problems: [] };

/** Reads `.aupguard/rules.yaml` (or JSON, which is YAML too). Never throws. */
export function parseOrgRules(text: string, path: string, options: ParseOrgRulesOptions = {}): OrgRules {
	const builtins = options.builtinRuleIds ?? BUILTIN_IDS;
	const lines = new LineIndex(text);
	const problems = new ProblemList();
	const read = readYaml(text);
	for (const problem of read.problems) {
		problems.error(problem.span, problem.message);
	}
	const rules: OrgRule[] = [];
	const overrides: Record<string, Override> = {};
	const ruleOptions: Record<string, Record<string, unknown>> = {};
	const root = read.root;
	if (root && !(root.kind === 'scalar' && root.value === null)) {
		if (root.kind !== 'map') {
			problems.error(root.span, `the rules file must be a mapping with version and rules, got ${describeKind(root)}`);
		} else {
			problems.unknownKeys(root, TOP_LEVEL_KEYS, 'the rules file');
			readVersion(root, problems);
			rules.push(...readRules(entryOf(root, 'rules')?.value, path, lines, builtins, problems));
			const known = new Set([...builtins, ...rules.map(rule => rule.id)]);
			readOverrides(entryOf(root, 'overrides')?.value, known, overrides, problems);
			readRuleOptions(entryOf(root, 'ruleOptions')?.value, known, ruleOptions, problems);
		}
	}
	return {
		path,
		rules,
		overrides,
		ruleOptions,
		problems: problems.items.map(problem => ({ range: lines.rangeOf(problem.span), message: problem.message, severity: problem.severity })),
	};
}

function readVersion(root: YamlValue & { kind: 'map' }, problems: ProblemList): void {
	const entry = entryOf(root, 'version');
	if (!entry) {
		problems.warn(root.entries[0]?.keySpan ?? root.span, `add 'version: ${ORG_RULES_VERSION}' so later formats of this file can be told apart`);
	} else if (!(entry.value.kind === 'scalar' && entry.value.value === ORG_RULES_VERSION)) {
		problems.error(entry.value.span, `'version' must be ${ORG_RULES_VERSION}; this AUP Guard reads no other version`);
	}
}

function readRules(value: YamlValue | undefined, path: string, lines: LineIndex, builtins: ReadonlySet<string>, problems: ProblemList): OrgRule[] {
	if (!value || (value.kind === 'scalar' && value.value === null)) {
		return [];
	}
	if (value.kind !== 'list') {
		problems.error(value.span, `'rules' must be a list, got ${describeKind(value)}`);
		return [];
	}
	if (value.items.length > MAX_RULES) {
		problems.error(value.items[MAX_RULES].span, `at most ${MAX_RULES} rules are read; the rest are ignored`);
	}
	const rules: OrgRule[] = [];
	const seen = new Map<string, number>();
	for (const item of value.items.slice(0, MAX_RULES)) {
		const read = readRule(item, path, offset => lines.positionAt(offset).line, problems);
		const id = read.id;
		if (id && builtins.has(id.text)) {
			problems.error(id.entry.value.span, `${id.text} is a built-in rule's id; use 'overrides' to change a built-in rule`);
			continue;
		}
		if (id && seen.has(id.text)) {
			problems.error(id.entry.value.span, `duplicate id ${id.text}: it is already used on line ${(seen.get(id.text) ?? 0) + 1}; this rule is skipped`);
			continue;
		}
		if (id) {
			seen.set(id.text, lines.positionAt(id.entry.value.span.start).line);
		}
		if (read.rule) {
			rules.push(read.rule);
		}
	}
	return rules;
}

function readOverrides(value: YamlValue | undefined, known: ReadonlySet<string>, into: Record<string, Override>, problems: ProblemList): void {
	if (!value || (value.kind === 'scalar' && value.value === null)) {
		return;
	}
	if (value.kind !== 'map') {
		problems.error(value.span, `'overrides' must map rule ids to ${SEVERITIES.join(', ')} or off`);
		return;
	}
	for (const entry of value.entries) {
		if (!known.has(entry.key)) {
			problems.error(entry.keySpan, `unknown rule ${entry.key}; run 'aup-guard rules' for the list`);
			continue;
		}
		const setting = [...SEVERITIES, 'off' as const].find(candidate => entry.value.kind === 'scalar' && entry.value.value === candidate);
		if (!setting) {
			problems.error(entry.value.span, `an override must be one of ${SEVERITIES.join(', ')}, off`);
			continue;
		}
		into[entry.key] = setting;
	}
}

function readRuleOptions(value: YamlValue | undefined, known: ReadonlySet<string>, into: Record<string, Record<string, unknown>>, problems: ProblemList): void {
	if (!value || (value.kind === 'scalar' && value.value === null)) {
		return;
	}
	if (value.kind !== 'map') {
		problems.error(value.span, "'ruleOptions' must map rule ids to their options");
		return;
	}
	for (const entry of value.entries) {
		if (!known.has(entry.key)) {
			problems.error(entry.keySpan, `unknown rule ${entry.key}; run 'aup-guard rules' for the list`);
			continue;
		}
		const options = entry.value;
		if (options.kind !== 'map') {
			problems.error(options.span, `options of ${entry.key} must be a mapping such as { maxInstances: 100 }`);
			continue;
		}
		const values: Record<string, unknown> = {};
		for (const option of options.entries) {
			if (option.value.kind !== 'scalar' || option.value.value === null) {
				problems.error(option.value.span, `option '${option.key}' must be a number, string or boolean`);
				continue;
			}
			values[option.key] = option.value.value;
		}
		into[entry.key] = values;
	}
}
