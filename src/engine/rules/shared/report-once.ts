import type { RuleReport } from '../rule';

/**
 * A report function that passes each span on once: rules that reach one place by two paths (an
 * exec-form item seen as a word of its array and as a script, a named value also read as a
 * string) must not report it twice.
 */
export function reportingOnce(report: (finding: RuleReport) => void): (finding: RuleReport) => void {
	const reported = new Set<string>();
	return finding => {
		const key = `${finding.span.start}:${finding.span.end}`;
		if (!reported.has(key)) {
			reported.add(key);
			report(finding);
		}
	};
}
