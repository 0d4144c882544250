import type { ScanOptions } from '../engine/index';
import { BUILTIN_RULES } from '../engine/rules/index';
import type { FileScanner } from './scan-one';

export type RuleOptions = NonNullable<ScanOptions['ruleOptions']>;

/** A malformed `--rule-option`; args.ts turns it into a usage error. */
export class RuleOptionError extends Error {}

/**
 * Reads repeated `--rule-option AUP-CST-001.maxInstances=200` values into options per rule id,
 * the shape of the editor's `aupGuard.ruleOptions`; a later value for the same option wins, so a
 * script can append overrides. Values that look like numbers or booleans become them, since
 * that is what the setting would hold; the rule checks the value itself.
 */
export function parseRuleOptions(values: readonly string[]): RuleOptions {
	const options: Record<string, Record<string, unknown>> = {};
	for (const text of values) {
		const match = /^\s*([^.=\s]+)\.([^=\s]+)\s*=(.*)$/s.exec(text);
		if (!match) {
			throw new RuleOptionError(`--rule-option must look like RULE-ID.option=value (AUP-CST-001.maxInstances=200), got '${text}'`);
		}
		const id = match[1].toUpperCase();
		// A typo in a rule id would otherwise be ignored without a word, and the threshold with it.
		if (!BUILTIN_RULES.some(rule => rule.id === id)) {
			throw new RuleOptionError(`--rule-option names no rule '${match[1]}'; aup-guard rules lists them`);
		}
		const value = match[3].trim();
		if (value === '') {
			throw new RuleOptionError(`--rule-option ${id}.${match[2]} needs a value`);
		}
		options[id] = { ...options[id], [match[2]]: typedValue(value) };
	}
	return options;
}

/** The scanner with the command line's rule options added to every scan; they win over options the scan already had. */
export function withRuleOptions(scanner: FileScanner, ruleOptions: RuleOptions | undefined): FileScanner {
	if (!ruleOptions || Object.keys(ruleOptions).length === 0) {
		return scanner;
	}
	return {
		formatOf: (file, text) => scanner.formatOf(file, text),
		forget: file => scanner.forget(file),
		scan: (input, options = {}) => scanner.scan(input, { ...options, ruleOptions: merge(options.ruleOptions, ruleOptions) }),
	};
}

function merge(base: ScanOptions['ruleOptions'], over: RuleOptions): RuleOptions {
	const merged: Record<string, Readonly<Record<string, unknown>>> = { ...base };
	for (const [id, options] of Object.entries(over)) {
		merged[id] = { ...merged[id], ...options };
	}
	return merged;
}

function typedValue(text: string): unknown {
	if (/^-?\d+(\.\d+)?$/.test(text)) {
		return Number(text);
	}
	return text === 'true' ? true : text === 'false' ? false : text;
}
