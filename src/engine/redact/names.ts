/**
 * Decides whether a key, flag or variable name says its value is a credential, and what kind.
 * The issue asks redaction to err on the side of removing, so the words are broad; the
 * exceptions are names whose value describes a credential rather than holds it
 * (`password_length`, `secret_arn`, `token_ttl`), which IaC is full of.
 */

/** A name whose words contain one of these (as a substring of a word) holds a credential. */
const CONTAINED: readonly (readonly [string, string])[] = [
	['password', 'password'],
	['passwd', 'password'],
	['passphrase', 'passphrase'],
	['passcode', 'password'],
	['secret', 'secret'],
	['token', 'token'],
	['credential', 'credentials'],
	['apikey', 'API key'],
	['accesskey', 'access key'],
	['secretkey', 'secret key'],
	['privatekey', 'private key'],
	['accountkey', 'account key'],
	['connectionstring', 'connection string'],
];

/** Whole words that hold a credential by themselves. */
const WHOLE: ReadonlyMap<string, string> = new Map([
	['pwd', 'password'],
	['pass', 'password'],
	['creds', 'credentials'],
	['auth', 'authorization'],
	['authorization', 'authorization'],
	['bearer', 'authorization'],
	['connstr', 'connection string'],
	['sig', 'signature'],
	['signature', 'signature'],
	['sas', 'shared access signature'],
]);

/** Two adjacent words that together name a key: `api_key`, `AccountKey`, `--client-key`. */
const PAIRS: readonly (readonly [string, string, string])[] = [
	['api', 'key', 'API key'],
	['app', 'key', 'application key'],
	['secret', 'key', 'secret key'],
	['access', 'key', 'access key'],
	['private', 'key', 'private key'],
	['account', 'key', 'account key'],
	['master', 'key', 'master key'],
	['shared', 'key', 'shared key'],
	['signing', 'key', 'signing key'],
	['encryption', 'key', 'encryption key'],
	['client', 'key', 'client key'],
	['license', 'key', 'license key'],
	['connection', 'string', 'connection string'],
];

/** Last words that make the value describe a credential instead of holding it. */
const DESCRIPTIVE = new Set([
	'length', 'len', 'size', 'age', 'min', 'max', 'minimum', 'maximum', 'policy', 'policies', 'name', 'names',
	'id', 'ids', 'arn', 'arns', 'type', 'types', 'ttl', 'file', 'files', 'path', 'paths', 'dir', 'ref', 'refs',
	'version', 'versions', 'count', 'enabled', 'enable', 'disabled', 'required', 'require', 'expiry',
	'expiration', 'expires', 'rotation', 'prevention', 'reuse', 'reset', 'hint', 'label', 'field', 'mode',
	'method', 'format', 'source', 'provider', 'endpoint', 'url', 'uri', 'location', 'region', 'algorithm',
	'strength', 'complexity', 'chars', 'characters', 'lowercase', 'uppercase', 'numeric', 'numbers', 'symbols',
	'special', 'timeout', 'duration', 'period', 'scope', 'scopes', 'audience', 'issuer', 'grant', 'role',
	'group', 'parameter', 'param', 'store', 'vault', 'backend', 'manager', 'kms', 'prefix', 'suffix',
	'pattern', 'regex', 'prompt', 'validation', 'lifetime', 'validity', 'header', 'env', 'var', 'variable',
	'selector', 'mount', 'volume', 'class', 'kind', 'usage', 'lookup', 'output', 'secrets', 'tokens', 'keys', 'stdin',
]);

/** The kind of credential a name says its value is, or undefined when it is not one. */
export function credentialKind(name: string): string | undefined {
	const words = splitWords(name);
	if (words.length === 0 || DESCRIPTIVE.has(words[words.length - 1])) {
		return undefined;
	}
	if (isAwsSecretKey(words)) {
		return 'AWS secret access key';
	}
	if (hasPair(words, 'client', 'secret') || words.includes('clientsecret')) {
		return 'client secret';
	}
	for (let i = 0; i + 1 < words.length; i++) {
		const pair = PAIRS.find(([first, second]) => words[i] === first && words[i + 1] === second);
		if (pair) {
			return pair[2];
		}
	}
	const joined = words.join('');
	for (const [fragment, kind] of CONTAINED) {
		if (words.some(word => word.includes(fragment)) || (fragment.length > 6 && joined.includes(fragment))) {
			return kind;
		}
	}
	for (const word of words) {
		const kind = WHOLE.get(word);
		if (kind) {
			return kind;
		}
	}
	return undefined;
}

/** Lower-case words of a name in any casing: `dbPassword`, `DB_PASSWORD`, `x-api-key`, `AccountKey`. */
export function splitWords(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(word => word.length > 0)
		.map(word => word.toLowerCase());
}

function isAwsSecretKey(words: readonly string[]): boolean {
	return words.includes('secret') && words.includes('key') && (words.includes('aws') || words.includes('access'));
}

function hasPair(words: readonly string[], first: string, second: string): boolean {
	return words.some((word, index) => word === first && words[index + 1] === second);
}
