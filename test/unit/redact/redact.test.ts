import * as assert from 'node:assert/strict';
import { describeRedactions, redact } from '../../../src/engine/redact/index';
import { assertRedacts } from './assertions';
import {
	AWS_KEY_ID, AWS_SECRET, AZURE_ACCOUNT_KEY, GITHUB_FINE_GRAINED, GITHUB_TOKEN, JWT, RANDOM_BASE64, RANDOM_HEX,
	SLACK_TOKEN, SLACK_WEBHOOK, STRIPE_KEY, keyLines, pem,
} from './fake-secrets';

describe('redact: cloud credentials', () => {
	it('removes an AWS key pair from a Terraform provider, keeping everything else', () => {
		const input = `provider "aws" {\n  region     = "eu-west-1"\n  access_key = "${AWS_KEY_ID}"\n  secret_key = "${AWS_SECRET}"\n}\n`;
		const result = assertRedacts(input, [AWS_KEY_ID, AWS_SECRET], ['AWS access key id', 'secret key']);
		assert.equal(result.text, 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "<redacted: AWS access key id>"\n  secret_key = "<redacted: secret key>"\n}\n');
		assert.deepEqual(result.redactions.map(redaction => input.slice(redaction.range.start, redaction.range.end)), [AWS_KEY_ID, AWS_SECRET]);
	});

	it('names the AWS secret access key in a credentials file and in the environment', () => {
		assertRedacts(`[default]\naws_access_key_id = ${AWS_KEY_ID}\naws_secret_access_key = ${AWS_SECRET}\n`, [AWS_KEY_ID, AWS_SECRET], ['AWS access key id', 'AWS secret access key']);
		const env = assertRedacts(`export AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n`, [AWS_KEY_ID, AWS_SECRET], ['AWS secret access key']);
		assert.equal(env.text, 'export AWS_ACCESS_KEY_ID=<redacted: AWS access key id>\nexport AWS_SECRET_ACCESS_KEY=<redacted: AWS secret access key>\n');
	});

	it('removes a GCP service-account key file\'s private key and its id', () => {
		const key = pem('PRIVATE KEY', keyLines(4, 20), '\\n');
		const input = [
			'{',
			'  "type": "service_account",',
			'  "project_id": "acme-prod-123",',
			`  "private_key_id": "${RANDOM_HEX}",`,
			`  "private_key": "${key}\\n",`,
			'  "client_email": "deployer@acme-prod-123.iam.gserviceaccount.com"',
			'}',
		].join('\n');
		const result = assertRedacts(input, [RANDOM_HEX, ...keyLines(4, 20)], ['GCP service-account private key']);
		assert.ok(result.text.includes('"client_email": "deployer@acme-prod-123.iam.gserviceaccount.com"'));
		assert.ok(result.text.includes('"project_id": "acme-prod-123"'));
	});

	it('removes Azure account keys and passwords from connection strings', () => {
		const storage = `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${AZURE_ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
		const result = assertRedacts(`connection_string = "${storage}"\n`, [AZURE_ACCOUNT_KEY], ['Azure storage account key']);
		assert.equal(result.text, 'connection_string = "<redacted: Azure storage account key>"\n', 'the whole string goes, named by the most specific secret in it');
		const inline = assertRedacts(`storage: "${storage}"\n`, [AZURE_ACCOUNT_KEY], ['Azure storage account key']);
		assert.ok(inline.text.includes('AccountName=acmeprod;AccountKey=<redacted: Azure storage account key>;EndpointSuffix='));
		const sql = assertRedacts('db = "Server=tcp:acme.database.windows.net,1433;User ID=app;Password=Tr1cky;Pass!;Encrypt=true"\n', ['Tr1cky'], ['password']);
		assert.ok(sql.text.includes('User ID=app;Password=<redacted: password>;Pass!;Encrypt=true'), 'a `;` ends the value, as the connection string syntax says');
	});
});

describe('redact: service tokens', () => {
	const cases: readonly (readonly [string, string, string])[] = [
		['GitHub token', GITHUB_TOKEN, 'GitHub token'],
		['GitHub fine-grained token', GITHUB_FINE_GRAINED, 'GitHub fine-grained token'],
		['Slack token', SLACK_TOKEN, 'Slack token'],
		['Slack webhook URL', SLACK_WEBHOOK, 'Slack webhook URL'],
		['Stripe live secret key', STRIPE_KEY, 'Stripe live secret key'],
	];
	for (const [name, secret, kind] of cases) {
		it(`removes a ${name} wherever it appears`, () => {
			assertRedacts(`steps:\n  - run: ./notify.sh ${secret} --channel ops\n`, [secret], [kind]);
			assertRedacts(`# pasted by mistake: ${secret}`, [secret], [kind]);
		});
	}

	it('removes a JSON Web Token, in a field or in prose', () => {
		assertRedacts(`token: ${JWT}\n`, [JWT], ['JSON Web Token']);
		assertRedacts(`the session was ${JWT}, expired`, [JWT], ['JSON Web Token']);
	});
});

describe('redact: private keys', () => {
	it('replaces a key block in a YAML block scalar with one marker and blank lines', () => {
		const input = `tls:\n  key: |\n    ${pem('RSA PRIVATE KEY', keyLines(3, 30), '\n', '    ')}\n  ca: ca.pem\n`;
		const result = assertRedacts(input, keyLines(3, 30), ['private key']);
		assert.equal(result.text, 'tls:\n  key: |\n    <redacted: private key>\n\n\n\n\n  ca: ca.pem\n');
	});

	it('handles OpenSSH keys, encrypted keys with headers, and CRLF line breaks', () => {
		assertRedacts(pem('OPENSSH PRIVATE KEY', keyLines(3, 40)), keyLines(3, 40), ['private key']);
		const encrypted = pem('RSA PRIVATE KEY', ['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,1A2B3C4D5E6F7A8B', '', ...keyLines(2, 50)]);
		const result = assertRedacts(encrypted, keyLines(2, 50), ['private key']);
		assert.ok(!result.text.includes('DEK-Info'));
		const crlf = `key = <<EOF\r\n${pem('EC PRIVATE KEY', keyLines(2, 60), '\r\n')}\r\nEOF\r\n`;
		const redacted = assertRedacts(crlf, keyLines(2, 60), ['private key']);
		assert.equal(redacted.text, 'key = <<EOF\r\n<redacted: private key>\r\n\r\n\r\n\r\nEOF\r\n');
	});

	it('removes the key material of a block cut short by a selection', () => {
		const input = `  private_key: |\n    -----BEGIN PRIVATE KEY-----\n    ${keyLines(3, 70).join('\n    ')}`;
		assertRedacts(input, keyLines(3, 70), ['private key']);
		const escaped = `"key": "-----BEGIN PRIVATE KEY-----\\n${keyLines(2, 80).join('\\n')}`;
		assertRedacts(escaped, keyLines(2, 80), ['private key']);
	});
});

describe('redact: credential-named fields', () => {
	const cases: readonly (readonly [string, string, string, string])[] = [
		['HCL', 'resource "aws_db_instance" "db" {\n  master_password = "Hunt3r-2024!"\n}\n', 'Hunt3r-2024!', 'password'],
		['HCL heredoc', 'admin_password = <<EOT\nHunt3r-2024!\nEOT\n', 'Hunt3r-2024!', 'password'],
		['YAML', 'db:\n  password: Hunt3r 2024 # rotated in May\n', 'Hunt3r 2024', 'password'],
		['YAML single quotes', 'db:\n  password: \'it\'\'s-Hunt3r\'\n', 'it\'\'s-Hunt3r', 'password'],
		['YAML block scalar', 'stringData:\n  api_key: |-\n    k3y-0f-the-day\n  user: app\n', 'k3y-0f-the-day', 'API key'],
		['JSON', '{"db": {"user": "app", "password": "Hunt3r-2024!"}}', 'Hunt3r-2024!', 'password'],
		['JSON with a number', '{\n  "pin": 1,\n  "passcode": 918273,\n}', '918273', 'password'],
		['JSON escaped inside HCL', 'container_definitions = "[{\\"name\\":\\"app\\",\\"client_secret\\":\\"Hunt3r-2024!\\"}]"', 'Hunt3r-2024!', 'client secret'],
		['.env', 'DB_HOST=db.internal\nDB_PASSWORD=Hunt3r 2024\n', 'Hunt3r 2024', 'password'],
		['Dockerfile ENV, space form', 'FROM alpine\nENV DB_PASSWORD Hunt3r-2024!\n', 'Hunt3r-2024!', 'password'],
		['Dockerfile ENV, pairs', 'ENV APP=web API_TOKEN=Hunt3r-2024! MODE=prod\n', 'Hunt3r-2024!', 'token'],
		['CLI flag', 'mysql --user root --password Hunt3r-2024! -h db\n', 'Hunt3r-2024!', 'password'],
		['CLI flag with =', 'vault login --token=s.Hunt3r2024 -method=token\n', 's.Hunt3r2024', 'token'],
		['quoted CLI flag', 'docker login --password "Hunt3r 2024" registry.example.com\n', 'Hunt3r 2024', 'password'],
		['an exec-form argument list', 'command: ["app", "--db-token", "Hunt3r-2024!"]\n', 'Hunt3r-2024!', 'token'],
		['a YAML argument list', 'args:\n  - --db-password\n  - Hunt3r 2024\n  - --port\n  - "5432"\n', 'Hunt3r 2024', 'password'],
		['a MySQL -p flag', 'mysqldump -h db -u app -pHunt3r-2024! app > dump.sql\n', 'Hunt3r-2024!', 'password'],
		['a quoted MySQL -p flag', 'mysql -u root -p"Hunt3r 2024" -e "select 1"\n', 'Hunt3r 2024', 'password'],
		['sshpass', 'sshpass -p Hunt3r-2024! ssh deploy@host\n', 'Hunt3r-2024!', 'password'],
		['query string', 'url: https://api.example.com/v1?user=app&api_key=Hunt3r2024&format=json\n', 'Hunt3r2024', 'API key'],
		['flow mapping', 'auth: { user: app, password: Hunt3r2024 }\n', 'Hunt3r2024', 'password'],
		['Kubernetes env pair', 'env:\n  - name: DB_USER\n    value: app\n  - name: DB_PASSWORD\n    value: "Hunt3r-2024!"\n', 'Hunt3r-2024!', 'password'],
		['ECS pair on one line', '[{"name": "LOG_LEVEL", "value": "info"}, {"name": "STRIPE_SECRET", "value": "Hunt3r-2024!"}]', 'Hunt3r-2024!', 'secret'],
		['Terraform variable default', 'variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "Hunt3r-2024!"\n}\n', 'Hunt3r-2024!', 'password'],
		['CloudFormation parameter default', 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: Hunt3r-2024!\n', 'Hunt3r-2024!', 'password'],
	];
	for (const [name, input, secret, kind] of cases) {
		it(`removes the value in ${name}`, () => {
			assertRedacts(input, [secret], [kind]);
		});
	}

	it('keeps the YAML structure and the comment after a bare value', () => {
		assert.equal(redact('db:\n  password: Hunt3r 2024 # rotated in May\n').text, 'db:\n  password: <redacted: password> # rotated in May\n');
	});
});

describe('redact: URLs and Authorization headers', () => {
	it('removes the password of a URL and keeps the user, host and path', () => {
		const result = assertRedacts('DATABASE_URL: postgres://app:S3cr3t;Pa55@db.internal:5432/app?sslmode=require\n', ['S3cr3t;Pa55'], ['password in URL']);
		assert.equal(result.text, 'DATABASE_URL: postgres://app:<redacted: password in URL>@db.internal:5432/app?sslmode=require\n');
		assertRedacts('git clone https://deploy:Hunt3r2024@git.example.com/team/infra.git', ['Hunt3r2024'], ['password in URL']);
		assertRedacts('redis://:p%40ss-Hunt3r@cache:6379/0', ['p%40ss-Hunt3r'], ['password in URL']);
	});

	it('removes the credential of an Authorization header and keeps its scheme', () => {
		const curl = assertRedacts(`curl -H "Authorization: Bearer ${RANDOM_BASE64}" -H 'Accept: application/json' https://api.example.com\n`, [RANDOM_BASE64], ['authorization']);
		assert.ok(curl.text.includes('-H "Authorization: Bearer <redacted: authorization>" -H \'Accept: application/json\''));
		assertRedacts('headers:\n  Authorization: Basic YXBwOkh1bnQzcjIwMjQ=\n', ['YXBwOkh1bnQzcjIwMjQ='], ['authorization']);
		assertRedacts('curl -H "X-Api-Key: Hunt3r2024" https://api.example.com', ['Hunt3r2024'], ['API key']);
	});
});

describe('redact: generic high-entropy strings', () => {
	it('removes random base64 and hex that no pattern or field name explains', () => {
		assertRedacts(`webhook_signing = "${RANDOM_BASE64}"\n`, [RANDOM_BASE64], ['high-entropy string']);
		assertRedacts(`  - ${RANDOM_HEX}\n`, [RANDOM_HEX], ['high-entropy string']);
	});
});

describe('redact: the result', () => {
	it('reports input and output ranges and a summary of what went', () => {
		const input = `a: 1\npassword: Hunt3r2024\ntoken: ${GITHUB_TOKEN}\n`;
		const result = redact(input);
		assert.deepEqual(result.redactions.map(redaction => [redaction.kind, input.slice(redaction.range.start, redaction.range.end)]), [
			['password', 'Hunt3r2024'],
			['GitHub token', GITHUB_TOKEN],
		]);
		assert.equal(describeRedactions(result.redactions), '2 secrets removed: GitHub token, password');
		assert.equal(describeRedactions([]), undefined);
	});

	it('is stable: redacting a redacted text changes nothing', () => {
		const input = [
			`password: Hunt3r2024`, `--token=${GITHUB_TOKEN}`, 'url: https://app:Hunt3r2024@db/x', `curl -H "Authorization: Bearer ${JWT}"`,
			`key: |\n  ${pem('PRIVATE KEY', keyLines(2, 90), '\n', '  ')}`, `admin_password = <<EOF\nHunt3r2024\nEOF`,
		].join('\n');
		const once = redact(input).text;
		assert.deepEqual(redact(once), { text: once, redactions: [] });
	});
});
