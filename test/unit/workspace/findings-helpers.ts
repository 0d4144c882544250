import type { Finding, Severity } from '../../../src/engine/index';

/** A finding with just what the store and the tree read. */
export function finding(ruleId: string, line: number, severity: Severity = 'warning', extra: Partial<Finding> = {}): Finding {
	return {
		ruleId,
		severity,
		message: `${ruleId} message`,
		range: { start: { line, character: 2 }, end: { line, character: 9 } },
		aupSection: '3',
		category: 'network-exposure',
		fixes: [],
		...extra,
	};
}
