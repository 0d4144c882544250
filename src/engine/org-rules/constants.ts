import type { AupSection, Category, Severity } from '../finding';
import type { Format } from '../model/format';

/**
 * The vocabulary of `.aupguard/rules.yaml`. The JSON schema in `schemas/` lists the same words;
 * a unit test compares the two so neither can drift from the engine.
 */

export const ORG_RULES_VERSION = 1;

/** Where the extension and the CLI look for the file, relative to a workspace folder or scan root. */
export const ORG_RULES_PATH = '.aupguard/rules.yaml';

/**
 * `ACME-TAG-001`: a short prefix, a group, three digits. `AUP-` is ours: an organisation rule
 * cannot take a built-in's place, so a suppression of AUP-NET-001 always means the same thing.
 */
export const ORG_RULE_ID_PATTERN = /^[A-Z][A-Z0-9]{1,9}-[A-Z0-9]{2,10}-\d{3}$/;
export const RESERVED_ID_PREFIX = 'AUP-';

export const TOP_LEVEL_KEYS = ['version', 'rules', 'overrides', 'ruleOptions'] as const;
export const RULE_KEYS = ['id', 'title', 'message', 'severity', 'aupSection', 'category', 'formats', 'docs', 'match'] as const;
export const MATCH_KEYS = ['resource', 'attribute', 'value', 'strings', 'in'] as const;

/** Each tests one value; a rule's `value` holds exactly one of them. */
export const VALUE_CONDITIONS = ['equals', 'oneOf', 'notOneOf', 'above', 'below', 'regex', 'notRegex', 'present', 'absent'] as const;
export type ValueConditionName = (typeof VALUE_CONDITIONS)[number];

/** What `strings` searches: every string value, or only those that hold scripts and commands. */
export const STRING_SCOPES = ['strings', 'scripts'] as const;
export type StringScope = (typeof STRING_SCOPES)[number];

/** What a message may name; each is filled in from the finding. */
export const MESSAGE_PLACEHOLDERS = ['resource', 'type', 'name', 'attribute', 'value', 'match'] as const;

/** `off` in `overrides` turns a rule off; a severity replaces its own. */
export type Override = Severity | 'off';

/** Enough to stop a pasted log file from becoming thousands of rules. */
export const MAX_RULES = 500;
/** A pattern longer than this is almost certainly a mistake, and RE2 compiles it into a large program. */
export const MAX_PATTERN_LENGTH = 1000;

export interface OrgRuleMeta {
	readonly id: string;
	readonly title: string;
	readonly message: string;
	readonly severity: Severity;
	readonly aupSection: AupSection;
	readonly category: Category;
	readonly formats: readonly Format[];
	readonly docs: string;
}
