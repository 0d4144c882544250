import type { ValueNode } from '../model/nodes';
import { get, literalNumber } from '../model/query';
import type { Span } from '../model/range';
import { defineRule } from './rule';
import { describeResource } from './shared/where';

/** Thresholds of the CIS AWS Foundations Benchmark: a minimum length of 14 and the last 24 passwords remembered. */
const MIN_LENGTH = 14;
const REUSE_PREVENTION = 24;

export default defineRule({
	id: 'AUP-IAM-005',
	title: 'Weak account password policy',
	severity: 'warning',
	aupSection: '4',
	category: 'mfa',
	formats: ['terraform', 'terraform-json'],
	docs: [
		`Finds an \`aws_iam_account_password_policy\` that allows short or reused passwords: a \`minimum_password_length\` below ${MIN_LENGTH} (or left out, when AWS requires only 6), or a \`password_reuse_prevention\` below ${REUSE_PREVENTION} (or left out, when any old password can be reused). The thresholds are those of the CIS AWS Foundations Benchmark. One finding per policy points at the first weak value, or at the resource when a setting is left out, and names every weakness.`,
		'',
		'**Why it matters.** Console passwords of IAM users are attacked by guessing and by stuffing passwords leaked elsewhere. Length is what makes a password hard to guess, and remembering old passwords stops a user from going back to a leaked one. Section 4 of the Acceptable Use Policy asks for strong, unique passwords.',
		'',
		`**What to do instead.** Set \`minimum_password_length = ${MIN_LENGTH}\` or more and \`password_reuse_prevention = ${REUSE_PREVENTION}\`, and enforce MFA. Better still, give people IAM Identity Center (SSO) instead of IAM user passwords. Character-class rules (\`require_symbols\` and the like) are not reported: current guidance (NIST SP 800-63B) prefers length to composition rules.`,
		'',
		'**When it is legitimate.** Rarely; an account without IAM users at all, where the policy does not matter. Suppress it there with that reason: `# aup-guard-ignore AUP-IAM-005: no IAM users, SSO only`.',
	].join('\n'),
	check(file, report) {
		for (const resource of file.resources.filter(candidate => candidate.type === 'aws_iam_account_password_policy')) {
			const weaknesses: { span: Span; text: string }[] = [];
			const length = get(resource.body, 'minimum_password_length');
			const reuse = get(resource.body, 'password_reuse_prevention');
			const lengthWeak = below(length, MIN_LENGTH);
			if (lengthWeak !== undefined) {
				weaknesses.push({ span: length?.span ?? resource.headerSpan, text: length ? `passwords of ${lengthWeak} characters are allowed (use ${MIN_LENGTH} or more)` : `minimum_password_length is left out, so AWS requires only 6 characters (use ${MIN_LENGTH} or more)` });
			}
			const reuseWeak = below(reuse, REUSE_PREVENTION);
			if (reuseWeak !== undefined) {
				weaknesses.push({ span: reuse?.span ?? resource.headerSpan, text: reuse ? `only the last ${reuseWeak} passwords are remembered (remember ${REUSE_PREVENTION})` : `old passwords can be reused (set password_reuse_prevention = ${REUSE_PREVENTION})` });
			}
			if (weaknesses.length === 0) {
				continue;
			}
			// Point at a written value when there is one: that is what to change.
			const first = weaknesses.find(weakness => weakness.span !== resource.headerSpan) ?? weaknesses[0];
			report({
				span: first.span,
				message: `${describeResource(resource)} is weak: ${weaknesses.map(weakness => weakness.text).join('; ')}. Strong, unique passwords are your responsibility (AUP section 4).`,
			});
		}
	},
});

/** The value when it is written and below the threshold, 0 when it is left out; undefined when it is strong or computed. */
function below(node: ValueNode | undefined, threshold: number): number | undefined {
	if (node === undefined) {
		return 0;
	}
	const value = literalNumber(node);
	return value !== undefined && value < threshold ? value : undefined;
}
