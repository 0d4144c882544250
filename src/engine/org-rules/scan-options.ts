import type { ScanOptions } from '../engine';
import type { OrgRules } from './load';

/**
 * Scan options with a rules file applied: its rules run, its overrides and rule options apply.
 * What the caller already set wins, so a user's own `aupGuard.rules` setting or a command-line
 * flag still decides in the end.
 */
export function withOrgRules(base: ScanOptions, org: OrgRules): ScanOptions {
	if (org.rules.length === 0 && Object.keys(org.overrides).length === 0 && Object.keys(org.ruleOptions).length === 0) {
		return base;
	}
	return {
		...base,
		extraRules: base.extraRules ? [...org.rules, ...base.extraRules] : org.rules,
		ruleSeverities: { ...org.overrides, ...base.ruleSeverities },
		ruleOptions: mergeOptions(org.ruleOptions, base.ruleOptions),
	};
}

function mergeOptions(org: OrgRules['ruleOptions'], base: ScanOptions['ruleOptions']): ScanOptions['ruleOptions'] {
	if (!base) {
		return org;
	}
	const merged: Record<string, Readonly<Record<string, unknown>>> = { ...org };
	for (const [id, options] of Object.entries(base)) {
		merged[id] = { ...org[id], ...options };
	}
	return merged;
}
