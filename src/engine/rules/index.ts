import invalidSuppression from './invalid-suppression';
import type { Rule } from './rule';

/** Every built-in rule, in documentation order. */
export const BUILTIN_RULES: readonly Rule[] = [
	invalidSuppression,
];

export function findRule(id: string, rules: readonly Rule[] = BUILTIN_RULES): Rule | undefined {
	return rules.find(rule => rule.id === id);
}
