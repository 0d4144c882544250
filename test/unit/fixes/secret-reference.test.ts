import * as assert from 'node:assert/strict';
import { snippetPlainText, type Finding, type Fix } from '../../../src/engine/finding';
import { applyEdits, combineFixes } from '../../../src/engine/fixes/combine';
import { scanText } from '../helpers/engine';

// Fake credentials, assembled from parts so that secret scanners do not stop this file.
const ACCESS_KEY_ID = ['AKIA', 'QYLPMN5HHHFPZAM2'].join('');
const SECRET_KEY = ['YvMIHa+2o76umfXfKm+r', '5kJP1VrT/1FJors+6ILi'].join('');
const GITHUB_TOKEN = ['ghp', '_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D'].join('');
const KEY_BODY = ['MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK'];

const FIX_TITLE = /^(Replace with|Read )/;

/** The secret-reference fix of the finding at `line`, applied as the CLI would (placeholders take their defaults). */
async function applySecretFix(path: string, source: string, line: number): Promise<{ fix: Fix; text: string }> {
	const finding = (await scanText(path, source)).findings.find(candidate => candidate.range.start.line === line && candidate.ruleId.startsWith('AUP-CRD'));
	assert.ok(finding, `a credential finding on line ${line}`);
	const fix = finding.fixes.find(candidate => FIX_TITLE.test(candidate.title));
	assert.ok(fix, `a secret-reference fix among ${finding.fixes.map(candidate => candidate.title).join('; ')}`);
	return { fix, text: applyEdits(source, plain(fix).edits) };
}

function plain(fix: Fix): Fix {
	return fix.isSnippet ? { ...fix, edits: fix.edits.map(edit => ({ ...edit, newText: snippetPlainText(edit.newText) })) } : fix;
}

/** After the fix: still parses, and no credential finding is left. */
async function assertFixed(path: string, text: string): Promise<readonly Finding[]> {
	const result = await scanText(path, text);
	assert.deepEqual(result.notes, [], 'the fixed file parses without notes');
	assert.deepEqual(result.errors, []);
	assert.deepEqual(result.findings.filter(finding => finding.ruleId.startsWith('AUP-CRD')).map(finding => finding.message), []);
	return result.findings;
}

describe('secret-reference fixes', () => {
	it('Terraform: a sensitive variable, declared once at the end with the file\'s indentation', async () => {
		const source = `provider "aws" {\n\tregion     = "eu-west-1"\n\taccess_key = "${ACCESS_KEY_ID}"\n\tsecret_key = "${SECRET_KEY}"\n}\n\nvariable "aws_access_key" {\n\ttype = string\n}`;
		const { fix, text } = await applySecretFix('providers.tf', source, 3);
		assert.equal(fix.isPreferred, true);
		// `aws_secret_key` is free; the access key's would-be name is taken, so it gets a suffix below.
		assert.equal(text, `provider "aws" {\n\tregion     = "eu-west-1"\n\taccess_key = "${ACCESS_KEY_ID}"\n\tsecret_key = var.aws_secret_key\n}\n\nvariable "aws_access_key" {\n\ttype = string\n}\n\nvariable "aws_secret_key" {\n\ttype      = string\n\tsensitive = true\n}\n`);
		const both = await scanText('providers.tf', source);
		const combined = combineFixes(both.findings.map(finding => finding.fixes[0]));
		assert.equal(combined.applied, 2);
		const fixedAll = applyEdits(source, combined.edits);
		assert.match(fixedAll, /access_key = var\.aws_access_key_2\n/);
		await assertFixed('providers.tf', fixedAll);
	});

	it('Terraform: a key in a heredoc is replaced whole; a token inside a script keeps the script', async () => {
		const source = [
			'resource "aws_iam_server_certificate" "legacy" {',
			'  name        = "legacy"',
			'  private_key = <<EOF',
			'-----BEGIN RSA PRIVATE KEY-----', ...KEY_BODY, '-----END RSA PRIVATE KEY-----',
			'EOF',
			'}',
			'',
			'resource "aws_instance" "runner" {',
			'  user_data = <<-EOT',
			'    #!/bin/bash',
			`    echo "${GITHUB_TOKEN}" | gh auth login --with-token`,
			'  EOT',
			'}',
			'',
		].join('\n');
		const key = await applySecretFix('main.tf', source, 3);
		assert.match(key.text, /^ {2}private_key = var\.legacy_private_key\n\}$/m);
		const token = await applySecretFix('main.tf', source, 13);
		assert.match(token.text, /^ {4}echo "\$\{var\.runner_user_data\}" \| gh auth login --with-token$/m);
		assert.match(token.text, /variable "runner_user_data" \{\n {2}type {6}= string\n {2}sensitive = true\n\}\n$/);
		await assertFixed('main.tf', applyEdits(source, combineFixes([key.fix, token.fix]).edits));
	});

	it('Terraform: no fix for a variable\'s own default or a .tfvars file', async () => {
		for (const [path, source] of [['variables.tf', 'variable "db_password" {\n  default = "orders-2026"\n}\n'], ['prod.tfvars', 'db_password = "orders-2026"\n']]) {
			const findings = (await scanText(path, source)).findings;
			assert.equal(findings.length, 1, path);
			assert.deepEqual(findings[0].fixes, [], path);
		}
	});

	it('CloudFormation: a dynamic reference whose secret name is a snippet placeholder', async () => {
		const source = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  OrdersDb:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: orders\n      MasterUserPassword: Tr0ub4dor-orders  # set by hand\n`;
		const { fix, text } = await applySecretFix('stack.yaml', source, 7);
		assert.equal(fix.isSnippet, true);
		assert.equal(fix.isPreferred, undefined, 'a fix that needs a decision is not applied on save');
		assert.equal(fix.edits[0].newText, '\'{{resolve:secretsmanager:${1:orders-db-credentials}:SecretString:password\\}\\}\'');
		assert.equal(text, source.replace('Tr0ub4dor-orders', '\'{{resolve:secretsmanager:orders-db-credentials:SecretString:password}}\''));
		await assertFixed('stack.yaml', text);
	});

	it('Kubernetes: valueFrom.secretKeyRef, indented under the env entry, block and flow style', async () => {
		const source = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: orders-api\nspec:\n  containers:\n    - name: api\n      image: acme/orders:1.4\n      env:\n        - name: DB_PASSWORD\n          value: "orders-db-2026"\n        - {name: GITHUB_TOKEN, value: ${GITHUB_TOKEN}}\n`;
		const block = await applySecretFix('pod.yaml', source, 10);
		assert.equal(block.fix.isSnippet, true);
		assert.equal(block.text, source.replace('value: "orders-db-2026"', 'valueFrom:\n            secretKeyRef:\n              name: orders-api-secrets\n              key: db-password'));
		const flow = await applySecretFix('pod.yaml', source, 11);
		assert.equal(flow.text, source.replace(`value: ${GITHUB_TOKEN}}`, 'valueFrom: {secretKeyRef: {name: orders-api-secrets, key: github-token}}}'));
		await assertFixed('pod.yaml', applyEdits(source, combineFixes([plain(block.fix), plain(flow.fix)]).edits));
	});

	it('Compose: ${VARIABLE} substitution in map, list and flow environments', async () => {
		const source = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: 'orders-db-2026'\n  ci:\n    image: acme/ci:2\n    environment:\n      - GITHUB_TOKEN=${GITHUB_TOKEN}\n  cache:\n    image: redis:7\n    environment: {REDIS_PASSWORD: cache-pass-2026}\n`;
		const map = await applySecretFix('compose.yaml', source, 4);
		assert.equal(map.fix.isPreferred, true);
		assert.equal(map.text, source.replace('\'orders-db-2026\'', '\'${POSTGRES_PASSWORD}\''));
		const list = await applySecretFix('compose.yaml', source, 8);
		assert.equal(list.text, source.replace(`GITHUB_TOKEN=${GITHUB_TOKEN}`, 'GITHUB_TOKEN=${GITHUB_TOKEN}'));
		const flow = await applySecretFix('compose.yaml', source, 11);
		assert.equal(flow.text, source.replace('cache-pass-2026', '"${REDIS_PASSWORD}"'));
		await assertFixed('compose.yaml', applyEdits(source, combineFixes([map.fix, list.fix, flow.fix]).edits));
	});

	it('snippet text reads back as the placeholder defaults', () => {
		assert.equal(snippetPlainText('a ${1:name} b $2 ${3} \\$x \\}\\} \\\\'), 'a name b   $x }} \\');
	});
});
