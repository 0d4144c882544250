import * as assert from 'node:assert/strict';
import { findSecrets, SECRET_PATTERNS, WALLET_ADDRESS } from '../../../src/engine/secrets/patterns';

// Fake secrets, assembled from parts so that secret scanners do not stop this file.
const join = (...parts: string[]): string => parts.join('');
const FAKES: readonly { kind: string; text: string; secret: string }[] = [
	{ kind: 'AWS access key id', text: join('id=', 'AKIA', 'QYLPMN5HHHFPZAM2', ';'), secret: join('AKIA', 'QYLPMN5HHHFPZAM2') },
	{ kind: 'AWS access key id', text: join('"', 'ASIA', 'Y34FZKBOKMUTVV7A', '"'), secret: join('ASIA', 'Y34FZKBOKMUTVV7A') },
	{ kind: 'AWS secret access key', text: join('export AWS_SECRET_ACCESS_KEY=', 'YvMIHa+2o76umfXfKm+r', '5kJP1VrT/1FJors+6ILi'), secret: join('YvMIHa+2o76umfXfKm+r', '5kJP1VrT/1FJors+6ILi') },
	{ kind: 'AWS secret access key', text: join('"SecretAccessKey": "', '8IHn5kxsC7tVO+HbkQfy', 'y+KV5zjR3j1twdTKWTdd', '"'), secret: join('8IHn5kxsC7tVO+HbkQfy', 'y+KV5zjR3j1twdTKWTdd') },
	{ kind: 'Azure storage account key', text: join('AccountName=x;AccountKey=', 'Os8PFvTT1V80b08eA3Oq0gVutnTCirFcC5VYcjE31gz3', 'GFYBpLIbf0y0qyARlujRJ43J9HduDWwrLM+kGTgEmg==', ';EndpointSuffix=core.windows.net'), secret: join('Os8PFvTT1V80b08eA3Oq0gVutnTCirFcC5VYcjE31gz3', 'GFYBpLIbf0y0qyARlujRJ43J9HduDWwrLM+kGTgEmg==') },
	{ kind: 'Azure shared access key', text: join('Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=', 'lhZuJ69aPEMf+nJHrU4bLUiACDEYh87cZVEhVlchy84='), secret: join('lhZuJ69aPEMf+nJHrU4bLUiACDEYh87cZVEhVlchy84=') },
	{ kind: 'Google API key', text: join('key=', 'AIza', 'SyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', '&q=x'), secret: join('AIza', 'SyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI') },
	{ kind: 'GitHub token', text: join('token: ', 'ghp', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D'), secret: join('ghp', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D') },
	{ kind: 'GitHub fine-grained token', text: join('github', '_pat_', '11ABCDEFG0123456789abc', '_', 'defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), secret: join('github', '_pat_', '11ABCDEFG0123456789abc', '_', 'defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') },
	{ kind: 'GitLab token', text: join('glpat', '-xK3v9QmZ2wL8rT5yN1bC'), secret: join('glpat', '-xK3v9QmZ2wL8rT5yN1bC') },
	{ kind: 'Slack token', text: join('xoxb', '-2048123456-4096123456789-klZDOCj2ISaJiHkTj0rLGlko'), secret: join('xoxb', '-2048123456-4096123456789-klZDOCj2ISaJiHkTj0rLGlko') },
	{ kind: 'Slack webhook URL', text: join('url: ', 'https://hooks.slack.com/services/', 'T0123ABCD/B0456EFGH/', 'klZDOCj2ISaJiHkTj0rLGlko'), secret: join('https://hooks.slack.com/services/', 'T0123ABCD/B0456EFGH/', 'klZDOCj2ISaJiHkTj0rLGlko') },
	{ kind: 'Stripe live secret key', text: join('sk', '_live_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83'), secret: join('sk', '_live_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83') },
	{ kind: 'npm access token', text: join('//registry.npmjs.org/:_authToken=', 'npm', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D'), secret: join('npm', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D') },
	{ kind: 'SendGrid API key', text: join('SG', '.ngeVfQFYQlKU0ufo8x5d1A', '.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'), secret: join('SG', '.ngeVfQFYQlKU0ufo8x5d1A', '.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr') },
];

const KEY_BODY = 'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';
const pem = (label: string, body: string, separator = '\n'): string =>
	[join('-----BEGIN ', label, '-----'), body, join('-----END ', label, '-----')].join(separator);

describe('secret patterns', () => {
	for (const fake of FAKES) {
		it(`finds a ${fake.kind} and points at the secret only`, () => {
			const found = findSecrets(fake.text);
			assert.deepEqual(found.map(match => ({ kind: match.kind, secret: fake.text.slice(match.start, match.end) })), [{ kind: fake.kind, secret: fake.secret }]);
		});
	}

	it('gives every pattern a kind and a global regex with match indices', () => {
		for (const pattern of SECRET_PATTERNS) {
			assert.ok(pattern.kind.length > 0);
			assert.ok(pattern.regex.global && pattern.regex.hasIndices, pattern.kind);
		}
	});

	it('finds PEM private keys from BEGIN through END, raw and with escaped line breaks', () => {
		const raw = pem('RSA PRIVATE KEY', KEY_BODY);
		const escaped = pem('PRIVATE KEY', KEY_BODY, '\\n');
		const text = `key: |\n${raw}\njson: "${escaped}\\n"`;
		assert.deepEqual(findSecrets(text).map(match => text.slice(match.start, match.end)), [raw, escaped]);
	});

	it('finds an encrypted PEM key with headers, and a BEGIN line without its END', () => {
		const encrypted = pem('RSA PRIVATE KEY', `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n${KEY_BODY}`);
		const truncated = `-----BEGIN EC PRIVATE KEY-----\n${KEY_BODY}\n`;
		assert.deepEqual(findSecrets(encrypted).map(match => encrypted.slice(match.start, match.end)), [encrypted]);
		assert.deepEqual(findSecrets(truncated).map(match => truncated.slice(match.start, match.end)), ['-----BEGIN EC PRIVATE KEY-----']);
	});

	it('finds the private key of a GCP service-account key file as such', () => {
		const key = pem('PRIVATE KEY', KEY_BODY, '\\n');
		const text = `{"type": "service_account", "private_key": "${key}\\n", "client_email": "a@b.iam.gserviceaccount.com"}`;
		const kinds = findSecrets(text).map(match => `${match.kind}: ${text.slice(match.start, match.end)}`);
		assert.deepEqual(kinds, [`GCP service-account private key: ${key}\\n`, `private key: ${key}`]);
	});

	it('leaves look-alikes alone', () => {
		const lookAlikes = [
			'AKIAIOSFODNN7EXAMPLE',
			'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			join('AKIA', 'QYLPMN5HHHFPZAM2X'),
			join('xAKIA', 'QYLPMN5HHHFPZAM2'),
			'secret = YvMIHa+2o76umfXfKm+r5kJP1VrT/1FJors+6ILi',
			join('sk', '_test_Af1lLQSAJaiXnkU8Is2g8nprvDd53x83'),
			'ghp_short',
			pem('PUBLIC KEY', KEY_BODY),
			pem('CERTIFICATE', KEY_BODY),
			pem('RSA PRIVATE KEY', '${var.key_body}'),
			'Paste the -----BEGIN RSA PRIVATE KEY----- block into the vault.',
		];
		for (const text of lookAlikes) {
			assert.deepEqual(findSecrets(text), [], text);
		}
	});

	it('recognises wallet addresses only whole', () => {
		const monero = '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';
		for (const address of [monero, '0x52908400098527886E0F7030069857D2E4169EE7', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']) {
			assert.ok(WALLET_ADDRESS.test(address), address);
		}
		for (const text of [`${monero}0`, '0x52908400098527886E0F7030069857D2E4169EE', 'deploy-bot', `x${monero}`]) {
			assert.ok(!WALLET_ADDRESS.test(text), text);
		}
	});

	it('reads adversarial text to the end', () => {
		// Inputs that make backtracking regexes explode; these patterns read them in one pass.
		const texts = [
			'AKIA'.repeat(20000),
			'-----BEGIN RSA PRIVATE KEY-----'.repeat(5000),
			`-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(39)}\n`.repeat(2000),
			`aws_secret_access_key=${'a/'.repeat(50000)}`,
			`"private_key": "-----BEGIN PRIVATE KEY-----${'A'.repeat(100)}`.repeat(1000),
			`xoxb-1234567890-${'a-'.repeat(50000)}`,
		];
		for (const text of texts) {
			assert.ok(Array.isArray(findSecrets(text)));
		}
	});
});
