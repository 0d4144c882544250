import { exampleDirective, type DirectiveStyle } from './directive';

/** What a directive's text says, read without knowing the rules or today's date. */
export interface DirectiveText {
	readonly ruleIds: readonly string[];
	readonly reason: string;
	readonly until?: string;
	readonly problems: readonly string[];
}

/** `until=` anywhere after the keyword, so `AUP-NET-001 until=2027-03-31: reason` reads as well. */
const UNTIL = /(?<![\w-])until\s*=\s*([^\s:,]*)/gi;

/**
 * An expiry written some other way (`until 2027-03-31`, `expires: 2027-03-31`). Read as part of
 * the reason it would make a suppression that never expires, the opposite of what was meant.
 */
const LOOSE_EXPIRY = /\b(?:until|expires?|expiry)\b\s*[:=]?\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/i;

/** What could be an id when no colon says where the ids end: `AUP-NET-001`, `aup-net-1`. */
const ID_LIKE = /^[A-Z]+-[A-Z]+-[A-Z0-9]+$/;

/**
 * Reads `ID[, ID...]: reason [until=YYYY-MM-DD]`, the text after the comment keyword or one
 * entry of the annotation. Everything wrong with it becomes a problem; nothing throws.
 */
export function parseDirectiveBody(body: string, style: DirectiveStyle): DirectiveText {
	const problems: string[] = [];
	const untils: string[] = [];
	const rest = body.replace(UNTIL, (_match, value: string) => {
		untils.push(value);
		return ' ';
	});
	const colon = rest.indexOf(':');
	let ruleIds = splitIds(colon >= 0 ? rest.slice(0, colon) : rest);
	const reason = colon >= 0 ? rest.slice(colon + 1).replace(/\s+/g, ' ').trim() : '';
	if (colon < 0) {
		// Without a colon the ids and the reason run together: keep what looks like ids for the example.
		const firstOther = ruleIds.findIndex(id => !ID_LIKE.test(id));
		ruleIds = firstOther < 0 ? ruleIds : ruleIds.slice(0, firstOther);
		problems.push(`Suppression has no reason, so it does not apply: write the rule ids, a colon and why the finding is acceptable, as in ${exampleDirective(style, ruleIds)}.`);
	} else {
		if (ruleIds.length === 0) {
			problems.push(`Suppression names no rule, so it does not apply: put the rule ids before the colon, as in ${exampleDirective(style, [])}.`);
		}
		// A reason is words: a lone '-' or '...' explains nothing to the reviewer who audits it.
		if (!/\p{L}/u.test(reason)) {
			problems.push(`Suppression has no reason, so it does not apply: say after the colon why the finding is acceptable, as in ${exampleDirective(style, ruleIds)}.`);
		}
	}
	if (untils.length > 1) {
		problems.push(`Suppression has ${untils.length} until= dates, so it does not apply: keep one, as in until=2027-03-31.`);
	}
	const until = untils[0];
	const dateProblem = until === undefined ? undefined : untilProblem(until);
	if (dateProblem) {
		problems.push(dateProblem);
	}
	const loose = LOOSE_EXPIRY.exec(reason);
	if (loose) {
		problems.push(`Suppression's expiry '${loose[0]}' is not read as a date, so it does not apply: write it as until=YYYY-MM-DD, as in until=2027-03-31.`);
	}
	return until === undefined ? { ruleIds, reason, problems } : { ruleIds, reason, until, problems };
}

/** A real calendar day written YYYY-MM-DD: `2027-02-30` and `2027-3-1` are not. */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) {
		return false;
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function untilProblem(value: string): string | undefined {
	if (isIsoDate(value)) {
		return undefined;
	}
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return `Suppression's until=${value} is not a real day, so it does not apply: write a date that exists, as in until=2027-03-31.`;
	}
	const shown = value === '' ? 'until= has no date' : `until=${value} is not a date`;
	return `Suppression's ${shown}, so it does not apply: write until=YYYY-MM-DD, as in until=2027-03-31.`;
}

function splitIds(text: string): string[] {
	return text.split(/[\s,]+/).filter(id => id.length > 0).map(id => id.toUpperCase());
}
