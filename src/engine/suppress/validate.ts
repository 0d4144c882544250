import { ORG_RULE_ID_PATTERN, RESERVED_ID_PREFIX } from '../org-rules/constants';
import { RULE_ID_PATTERN } from '../rules/rule';
import { SUPPRESSION_RULE_ID, type Directive } from './directive';
import { isIsoDate } from './syntax';

/** What validating a directive needs beyond its text: both come from the scan, never from a clock. */
export interface ValidationContext {
	readonly knownRuleIds: ReadonlySet<string>;
	/** YYYY-MM-DD */
	readonly today: string;
}

/**
 * Everything wrong with a directive. A directive applies only when this is empty, and AUP-SUP-001
 * reports exactly these, so a directive that does not suppress is never silent.
 */
export function directiveProblems(directive: Directive, context: ValidationContext): string[] {
	const problems = [...directive.problems];
	for (const id of directive.ruleIds) {
		const problem = idProblem(id, context.knownRuleIds);
		if (problem) {
			problems.push(problem);
		}
	}
	const until = directive.until;
	// On the `until` day itself the directive still applies; it lapses the day after.
	if (until !== undefined && isIsoDate(until) && until < context.today) {
		problems.push(`Suppression of ${directive.ruleIds.join(', ') || 'these findings'} expired after ${until}, so it no longer applies: fix the finding, or set a later until= with a reason that still holds.`);
	}
	return problems;
}

function idProblem(id: string, known: ReadonlySet<string>): string | undefined {
	if (id === SUPPRESSION_RULE_ID) {
		return `${SUPPRESSION_RULE_ID} cannot be suppressed, so this suppression does not apply: correct or remove the directive it reports instead.`;
	}
	if (known.has(id)) {
		return undefined;
	}
	// An organisation's id (ACME-NET-001) can only be checked against its rules: when none are
	// loaded (an untrusted workspace, --no-org-rules), it may well be right.
	if (isOrgRuleId(id) && ![...known].some(isOrgRuleId)) {
		return undefined;
	}
	const nearest = nearestId(id, known);
	const advice = nearest ? `did you mean ${nearest}?` : 'use the id shown on the finding, such as AUP-NET-001.';
	if (!RULE_ID_PATTERN.test(id) && !isOrgRuleId(id)) {
		return `'${id}' is not a rule id, so the suppression does not apply: put rule ids before the colon and the reason after it; ${advice}`;
	}
	return `Unknown rule id ${id}, so the suppression does not apply: ${advice}`;
}

function isOrgRuleId(id: string): boolean {
	return ORG_RULE_ID_PATTERN.test(id) && !id.startsWith(RESERVED_ID_PREFIX);
}

/** The known id closest to a mistyped one, when it is close enough to be what was meant. */
function nearestId(id: string, known: ReadonlySet<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of [...known].sort()) {
		const distance = editDistance(id, candidate);
		if (distance < bestDistance && candidate !== SUPPRESSION_RULE_ID) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/**
 * Edit distance where swapping two neighbours counts as one edit (optimal string alignment), since
 * `AUP-NTE-001` for `AUP-NET-001` is the typo people make.
 */
function editDistance(a: string, b: string): number {
	const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
	for (let j = 1; j <= b.length; j++) {
		rows[0][j] = j;
	}
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
			}
		}
	}
	return rows[a.length][b.length];
}
