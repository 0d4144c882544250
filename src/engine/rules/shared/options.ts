import type { RuleContext } from '../rule';

/**
 * A positive whole-number option from the user's settings (`aupGuard.ruleOptions`, the CLI's
 * configuration), or the default when it is missing or not a positive whole number: a typo in a
 * setting must not switch a rule off or make it report everything.
 */
export function countOption(context: RuleContext, name: string, fallback: number): number {
	const value = context.options[name];
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : fallback;
}
