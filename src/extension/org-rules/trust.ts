// No `vscode` import: the trust decision is a pure function, unit-tested without an editor.

export interface TrustInput {
	readonly trusted: boolean;
	/** Whether some workspace folder has a rules file. */
	readonly hasRulesFile: boolean;
	/** Whether the user was already told this session that the rules are off. */
	readonly notified: boolean;
}

export interface TrustDecision {
	/** Read the rules files and run their rules. */
	readonly load: boolean;
	/** Tell the user, once, that the rules are off until the workspace is trusted. */
	readonly notify: boolean;
}

/**
 * Organisation rules come from the workspace, so they run only in a trusted one: an untrusted
 * folder could otherwise turn the built-in rules off. The user is told once per session, never
 * again on each change of the file, so there is no loop of pop-ups.
 */
export function decideOrgRules(input: TrustInput): TrustDecision {
	if (input.trusted) {
		return { load: true, notify: false };
	}
	return { load: false, notify: input.hasRulesFile && !input.notified };
}

export const UNTRUSTED_MESSAGE = 'AUP Guard: the organisation rules in .aupguard/rules.yaml are off until you trust this workspace. The built-in rules still run.';
