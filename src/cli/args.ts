import { DEFAULT_MAX_FILE_SIZE, type Severity } from '../engine/index';
import { parseRuleOptions, RuleOptionError, type RuleOptions } from './rule-options';
import type { HelpTopic } from './usage';

export const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const RULES_FORMATS = ['text', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = Severity | 'none';

export interface ScanArgs {
	readonly command: 'scan';
	readonly paths: readonly string[];
	readonly format: ScanFormat;
	readonly failOn: FailOn;
	readonly include: readonly string[];
	readonly exclude: readonly string[];
	readonly maxFileSize: number;
	/** False when --no-color was given; whether colour is used also depends on the terminal. */
	readonly color: boolean;
	readonly showSuppressed: boolean;
	readonly output?: string;
	/** `--rule-option ID.name=value`, per rule id; present only when given. */
	readonly ruleOptions?: RuleOptions;
	/** Threads that scan at once (--jobs); unset means one per CPU. */
	readonly jobs?: number;
	/** `--rules FILE`: this organisation rules file instead of .aupguard/rules.yaml. */
	readonly rulesFile?: string;
	/** `--no-org-rules`: the built-in rules only. */
	readonly noOrgRules?: true;
}

export interface RulesArgs {
	readonly command: 'rules';
	readonly format: RulesFormat;
	readonly rulesFile?: string;
	readonly noOrgRules?: true;
}

export interface RedactArgs {
	readonly command: 'redact';
	/** A file path, or '-' for standard input. */
	readonly input: string;
}

export type CliArgs =
	| ScanArgs
	| RulesArgs
	| RedactArgs
	| { readonly command: 'help'; readonly topic: HelpTopic }
	| { readonly command: 'version' };

/** A mistake on the command line: reported with the usage of `topic`, exit code 2. */
export class UsageError extends Error {
	constructor(message: string, readonly topic: HelpTopic) {
		super(message);
	}
}

/** Parses the arguments after the binary name; throws UsageError for anything it does not accept. */
export function parseArgs(argv: readonly string[]): CliArgs {
	const [first, ...rest] = argv;
	switch (first) {
		case undefined:
			throw new UsageError('no command given', 'main');
		case '-h': case '--help':
			return { command: 'help', topic: 'main' };
		case '-v': case '--version':
			return { command: 'version' };
		case 'help':
			return parseHelp(rest);
		case 'scan':
			return parseScan(rest);
		case 'rules':
			return parseRules(rest);
		case 'redact':
			return parseRedact(rest);
		default:
			throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`, 'main');
	}
}

function parseHelp(argv: readonly string[]): CliArgs {
	if (argv.length > 1) {
		throw new UsageError(`help takes at most one command, got ${argv.length}`, 'main');
	}
	const topic = argv[0] ?? 'main';
	if (topic !== 'main' && topic !== 'scan' && topic !== 'rules' && topic !== 'redact') {
		throw new UsageError(`no help for '${topic}'; commands are scan, rules and redact`, 'main');
	}
	return { command: 'help', topic };
}

const SCAN_FLAGS: Readonly<Record<string, boolean>> = {
	// name: takes a value
	'--rule-option': true,
	'--format': true, '--fail-on': true, '--include': true, '--exclude': true,
	'--max-file-size': true, '--output': true, '--no-color': false, '--show-suppressed': false,
	'--rules': true, '--no-org-rules': false, '--jobs': true,
};

function parseScan(argv: readonly string[]): CliArgs {
	const parsed = readFlags(argv, SCAN_FLAGS, 'scan');
	if (parsed === 'help') {
		return { command: 'help', topic: 'scan' };
	}
	const { flags, positionals } = parsed;
	const output = last(flags, '--output');
	return {
		command: 'scan',
		paths: positionals.length > 0 ? positionals : ['.'],
		format: oneOf(flags, '--format', SCAN_FORMATS, 'text', 'scan'),
		failOn: oneOf(flags, '--fail-on', FAIL_ON, 'error', 'scan'),
		include: flags.get('--include') ?? [],
		exclude: flags.get('--exclude') ?? [],
		maxFileSize: byteCount(last(flags, '--max-file-size')),
		color: !flags.has('--no-color'),
		showSuppressed: flags.has('--show-suppressed'),
		...(output === undefined ? {} : { output }),
		...ruleOptionsOf(flags.get('--rule-option')),
		...jobCount(last(flags, '--jobs')),
		...orgRulesChoice(flags, 'scan'),
	};
}

const RULES_FLAGS: Readonly<Record<string, boolean>> = { '--format': true, '--rules': true, '--no-org-rules': false };

function parseRules(argv: readonly string[]): CliArgs {
	const parsed = readFlags(argv, RULES_FLAGS, 'rules');
	if (parsed === 'help') {
		return { command: 'help', topic: 'rules' };
	}
	if (parsed.positionals.length > 0) {
		throw new UsageError(`rules takes no arguments, got '${parsed.positionals[0]}'`, 'rules');
	}
	return { command: 'rules', format: oneOf(parsed.flags, '--format', RULES_FORMATS, 'text', 'rules'), ...orgRulesChoice(parsed.flags, 'rules') };
}

function parseRedact(argv: readonly string[]): CliArgs {
	const parsed = readFlags(argv, {}, 'redact');
	if (parsed === 'help') {
		return { command: 'help', topic: 'redact' };
	}
	if (parsed.positionals.length > 1) {
		throw new UsageError(`redact takes one file (or - for standard input), got ${parsed.positionals.length}`, 'redact');
	}
	return { command: 'redact', input: parsed.positionals[0] ?? '-' };
}

/** `--rules FILE` or `--no-org-rules`, present only when given, since each contradicts the other. */
function orgRulesChoice(flags: Map<string, string[]>, topic: HelpTopic): { rulesFile?: string; noOrgRules?: true } {
	const file = last(flags, '--rules');
	if (file !== undefined && flags.has('--no-org-rules')) {
		throw new UsageError('--rules and --no-org-rules cannot be used together', topic);
	}
	return file !== undefined ? { rulesFile: file } : flags.has('--no-org-rules') ? { noOrgRules: true } : {};
}

function ruleOptionsOf(values: readonly string[] | undefined): { ruleOptions?: RuleOptions } {
	if (values === undefined) {
		return {};
	}
	try {
		return { ruleOptions: parseRuleOptions(values) };
	} catch (error) {
		if (error instanceof RuleOptionError) {
			throw new UsageError(error.message, 'scan');
		}
		throw error;
	}
}

interface ReadFlags {
	/** Every value given per flag, in order; boolean flags map to an empty list. */
	readonly flags: Map<string, string[]>;
	readonly positionals: string[];
}

/** Splits `--name value`, `--name=value`, booleans and positionals; `--` ends the options. */
function readFlags(argv: readonly string[], known: Readonly<Record<string, boolean>>, topic: HelpTopic): ReadFlags | 'help' {
	const flags = new Map<string, string[]>();
	const positionals: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (arg === '-h' || arg === '--help') {
			return 'help';
		}
		if (!arg.startsWith('-') || arg === '-') {
			positionals.push(arg);
			continue;
		}
		const equals = arg.indexOf('=');
		const name = equals < 0 ? arg : arg.slice(0, equals);
		const takesValue = known[name];
		if (takesValue === undefined) {
			throw new UsageError(`unknown option '${name}' for ${topic}`, topic);
		}
		const values = flags.get(name) ?? [];
		flags.set(name, values);
		if (!takesValue) {
			if (equals >= 0) {
				throw new UsageError(`${name} takes no value`, topic);
			}
			continue;
		}
		let value: string | undefined = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
		// `--exclude --format json` is a forgotten value, not a glob named --format.
		if (equals < 0 && value?.startsWith('--')) {
			value = undefined;
		}
		if (value === undefined || value === '') {
			throw new UsageError(`${name} needs a value`, topic);
		}
		values.push(value);
	}
	return { flags, positionals };
}

/** The last value wins, as in most CLIs, so scripts can append overrides. */
function last(flags: Map<string, string[]>, name: string): string | undefined {
	const values = flags.get(name);
	return values?.[values.length - 1];
}

function oneOf<T extends string>(flags: Map<string, string[]>, name: string, choices: readonly T[], fallback: T, topic: HelpTopic): T {
	const value = last(flags, name);
	if (value === undefined) {
		return fallback;
	}
	const choice = choices.find(candidate => candidate === value);
	if (!choice) {
		throw new UsageError(`${name} must be one of ${choices.join(', ')}, got '${value}'`, topic);
	}
	return choice;
}

function byteCount(value: string | undefined): number {
	if (value === undefined) {
		return DEFAULT_MAX_FILE_SIZE;
	}
	const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
	if (!Number.isSafeInteger(bytes) || bytes <= 0) {
		throw new UsageError(`--max-file-size must be a positive whole number of bytes, got '${value}'`, 'scan');
	}
	return bytes;
}

function jobCount(value: string | undefined): { jobs?: number } {
	if (value === undefined) {
		return {};
	}
	const jobs = /^\d+$/.test(value) ? Number(value) : NaN;
	if (!Number.isSafeInteger(jobs) || jobs <= 0) {
		throw new UsageError(`--jobs must be a positive whole number of threads, got '${value}'`, 'scan');
	}
	return { jobs };
}
