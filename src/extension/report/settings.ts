import { AUP_SUMMARY } from '../../engine/policy/aup-summary';

// No `vscode` import: read through a callback, like ../settings.ts, so the mapping is unit-testable.

export interface ReportSettings {
	/** Where suspected AUP violations go (AUP section 7); an organisation may route to its own team. */
	readonly abuseAddress: string;
	/** Where security vulnerabilities in the platform go. */
	readonly securityAddress: string;
	/** A web address of the full policy, or '' when none is known. */
	readonly policyUrl: string;
}

/** Keys under `aupGuard`; they match `contributes.configuration` in package.json. */
export const REPORT_SETTING_KEYS = ['report.abuseAddress', 'report.securityAddress', 'policyUrl'] as const;
export type ReportSettingKey = (typeof REPORT_SETTING_KEYS)[number];

/**
 * The policy names its contacts but publishes no web address we can vouch for, so the link is
 * empty by default and the view shows the contacts instead of a guessed URL.
 */
export const DEFAULT_REPORT_SETTINGS: Readonly<Record<ReportSettingKey, string>> = {
	'report.abuseAddress': AUP_SUMMARY.contacts.abuse,
	'report.securityAddress': AUP_SUMMARY.contacts.security,
	'policyUrl': '',
};

/** One or more addresses separated by commas; anything else falls back to the policy's own. */
const ADDRESS_LIST = /^[^\s@,<>"]+@[^\s@,<>"]+(\s*,\s*[^\s@,<>"]+@[^\s@,<>"]+)*$/;

export function readReportSettings(get: (key: ReportSettingKey) => unknown): ReportSettings {
	return {
		abuseAddress: address(get('report.abuseAddress'), DEFAULT_REPORT_SETTINGS['report.abuseAddress']),
		securityAddress: address(get('report.securityAddress'), DEFAULT_REPORT_SETTINGS['report.securityAddress']),
		policyUrl: typeof get('policyUrl') === 'string' ? (get('policyUrl') as string).trim() : '',
	};
}

function address(value: unknown, fallback: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return ADDRESS_LIST.test(text) ? text : fallback;
}
