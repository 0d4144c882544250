/**
 * Credential patterns that are precise on arbitrary text: each names the kind of secret it finds,
 * so a message can say what leaked without repeating it. Rules use them on string values; a
 * report or redaction feature can run the same list over any text.
 *
 * Every regex is global with match indices (`gd`); when it has a `secret` group, that group is
 * the secret itself and the rest is context (the key name before it). Repetitions are bounded
 * and anchored on fixed prefixes, so a regex runs in linear time on every keystroke.
 */
export interface SecretPattern {
	/** What the secret is, in words a message can use: 'AWS access key id'. */
	readonly kind: string;
	readonly regex: RegExp;
	/**
	 * A literal every match contains (a string, or a small regex with no repetition): when the
	 * text lacks it, the pattern cannot match and its regex is not run. Most strings a rule
	 * checks hold no secret at all, so this skips almost all regex work.
	 */
	readonly hint?: string | RegExp;
}

export interface SecretMatch {
	readonly kind: string;
	/** Offsets of the secret itself in the searched text, end exclusive. */
	readonly start: number;
	readonly end: number;
}

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';

/** Cloud provider credentials: the keys that open an account. */
export const CLOUD_SECRET_PATTERNS: readonly SecretPattern[] = [
	{ kind: 'AWS access key id', hint: /AKIA|ASIA/, regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/gd },
	{
		kind: 'AWS secret access key',
		// Both key names contain the word, in any case.
		hint: /secret/i,
		// Only next to a key name that says what it is: a bare 40-character string is as likely a hash.
		regex: /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)(?:["']?\s{0,8}[:=]\s{0,8}["']?)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gdi,
	},
	{
		kind: 'GCP service-account private key',
		hint: '"private_key"',
		// The JSON key file Google issues: its private key, written with escaped line breaks.
		regex: /"private_key"\s{0,8}:\s{0,8}"(?<secret>-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{40,8000}-----END PRIVATE KEY-----(?:\\n)?)"/gd,
	},
	{ kind: 'Azure storage account key', hint: 'AccountKey=', regex: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/gd },
	{ kind: 'Azure shared access key', hint: 'SharedAccessKey=', regex: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/gd },
	{ kind: 'Google API key', hint: 'AIza', regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/gd },
];

/** Tokens of common SaaS services, recognisable by their documented prefixes. */
export const SAAS_TOKEN_PATTERNS: readonly SecretPattern[] = [
	{ kind: 'GitHub token', hint: /gh[pousr]_/, regex: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/gd },
	{ kind: 'GitHub fine-grained token', hint: 'github_pat_', regex: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/gd },
	{ kind: 'GitLab token', hint: 'glpat-', regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/gd },
	{ kind: 'Slack token', hint: 'xox', regex: /(?<![A-Za-z0-9-])xox[baprs]-\d{6,13}-[A-Za-z0-9-]{16,120}(?![A-Za-z0-9-])/gd },
	{ kind: 'Slack webhook URL', hint: 'https://hooks.slack.com/services/', regex: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}(?![A-Za-z0-9])/gd },
	{ kind: 'Stripe live secret key', hint: 'k_live_', regex: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,120}(?![A-Za-z0-9_])/gd },
	{ kind: 'npm access token', hint: 'npm_', regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/gd },
	{ kind: 'SendGrid API key', hint: 'SG.', regex: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/gd },
];

/**
 * PEM private keys (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted): the BEGIN line through the
 * matching END line when there is one, else the BEGIN line followed by key material.
 */
export const PRIVATE_KEY_PATTERN: SecretPattern = {
	kind: 'private key',
	hint: '-----BEGIN ',
	// The lookahead asks for key material after the marker (line breaks, raw or escaped as `\n`,
	// and up to four `Proc-Type:`-style headers first), so a template (`${var.key}` between the
	// markers) or a mention of the marker in prose is not a key. The body stops at the next
	// `-----`, so a text full of markers is still read in linear time.
	regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?=(?:\s|\\[nr]){0,120}(?:[A-Za-z-]{1,20}:[^\n\\]{0,200}(?:\n|\\n)(?:\s|\\[nr]){0,120}){0,4}[A-Za-z0-9+/]{40})(?:(?:[^-]|-(?!----)){0,16000}-----END \1-----)?/gd,
};

/** Every pattern, for a caller that wants all secrets in a text (redaction). */
export const SECRET_PATTERNS: readonly SecretPattern[] = [...CLOUD_SECRET_PATTERNS, ...SAAS_TOKEN_PATTERNS, PRIVATE_KEY_PATTERN];

/**
 * The secrets the patterns find in `text`, in order of position. Values that are documented
 * examples (AWS's `AKIAIOSFODNN7EXAMPLE`) are left out: they open nothing.
 */
export function findSecrets(text: string, patterns: readonly SecretPattern[] = SECRET_PATTERNS): SecretMatch[] {
	const found: SecretMatch[] = [];
	for (const pattern of patterns) {
		if (!mayMatch(text, pattern.hint)) {
			continue;
		}
		const regex = scannerFor(pattern);
		// The cached regex is ours alone and this loop runs to the end without yielding, so
		// resetting `lastIndex` first is all the isolation between calls it needs.
		regex.lastIndex = 0;
		for (let match = regex.exec(text); match; match = regex.exec(text)) {
			if (match[0] === '') {
				// An empty match would be found again at the same place forever.
				regex.lastIndex++;
			}
			const [start, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
			if (!isDocumentedExample(text.slice(start, end))) {
				found.push({ kind: pattern.kind, start, end });
			}
		}
	}
	return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * One private global copy of each pattern's regex, made on first use: building a regex per call
 * was the largest single cost of a scan. A copy, because callers may use `pattern.regex` and
 * its `lastIndex` themselves.
 */
const scanners = new WeakMap<SecretPattern, RegExp>();

function scannerFor(pattern: SecretPattern): RegExp {
	let regex = scanners.get(pattern);
	if (!regex) {
		const flags = pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`;
		regex = new RegExp(pattern.regex.source, flags);
		scanners.set(pattern, regex);
	}
	return regex;
}

function mayMatch(text: string, hint: string | RegExp | undefined): boolean {
	if (hint === undefined) {
		return true;
	}
	if (typeof hint === 'string') {
		return text.includes(hint);
	}
	// A hint regex may be global by mistake; `test` would then start where the last one ended.
	hint.lastIndex = 0;
	return hint.test(text);
}

/** AWS's documentation keys end in EXAMPLE / EXAMPLEKEY; people paste them on purpose. */
export function isDocumentedExample(secret: string): boolean {
	return /EXAMPLE(?:KEY)?$/.test(secret);
}

/** A Monero, Ethereum or Bitcoin address, whole: what a miner is paid to. */
export const WALLET_ADDRESS = new RegExp(
	`^(?:[48][0-9AB]${BASE58}{93}(?:${BASE58}{11})?|0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{25,59}|[13]${BASE58}{25,34})$`,
);
