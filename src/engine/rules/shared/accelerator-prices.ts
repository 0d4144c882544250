/**
 * Approximate public on-demand list prices, in US dollars an hour, for Linux in AWS us-east-1,
 * only for instance types whose price we are confident of. They are a rough guide for a cost note,
 * not a quote: prices change, differ by region, operating system and purchase option, and
 * findings always tell the user to check the provider's current pricing. Types missing here get
 * no number at all, since a wrong figure is worse than none.
 */
export const HOURLY_ON_DEMAND_USD: ReadonlyMap<string, number> = new Map([
	['p3.2xlarge', 3.06],
	['p3.8xlarge', 12.24],
	['p3.16xlarge', 24.48],
	['g4dn.xlarge', 0.526],
	['g4dn.2xlarge', 0.752],
	['g5.xlarge', 1.006],
	['g5.2xlarge', 1.212],
]);

/**
 * The largest accelerator types, whose prices AWS cut in 2025: each costs tens of dollars an hour,
 * which is all we say about them without a current figure.
 */
export const TENS_OF_DOLLARS_AN_HOUR: ReadonlySet<string> = new Set([
	'p4d.24xlarge', 'p4de.24xlarge', 'p5.48xlarge', 'p5e.48xlarge', 'p5en.48xlarge',
]);

/** Hours in an average month (8,760 a year / 12), the figure cloud price pages use. */
export const HOURS_PER_MONTH = 730;

/**
 * A cost note for `count` instances of `type`: a price and a monthly figure where we know one,
 * honest words where we do not, and always the advice to check current pricing.
 */
export function costNote(type: string | undefined, count: number): string {
	const check = 'check your provider\'s current pricing';
	const hourly = type === undefined ? undefined : HOURLY_ON_DEMAND_USD.get(type);
	if (type !== undefined && hourly !== undefined) {
		const monthly = roughly(hourly * HOURS_PER_MONTH * count);
		return `${type} is about $${hourly.toFixed(2)} an hour on demand in us-east-1, so about $${monthly} a month at this size if left running; ${check}.`;
	}
	if (type !== undefined && TENS_OF_DOLLARS_AN_HOUR.has(type)) {
		return `${type} costs tens of dollars an hour per instance on demand (AWS changed these prices in 2025), well over ten thousand dollars a month each if left running; ${check}.`;
	}
	return `Accelerator machines are among the most expensive to run; ${check}${type === undefined ? '' : ` for ${type}`}.`;
}

/** Two significant figures with thousands separators: the prices are approximate, so the total is too. */
export function roughly(amount: number): string {
	if (amount <= 0) {
		return '0';
	}
	const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(amount)) - 1);
	// Not toLocaleString: the result must not depend on the ICU data of the host (web, Node, CLI).
	return String(Math.round(amount / magnitude) * magnitude).replace(/\B(?=(\d{3})+$)/g, ',');
}
