import * as assert from 'node:assert/strict';
import { redact } from '../../../src/engine/redact/index';
import { assertUntouched } from './assertions';
import { RANDOM_HEX, keyLines, pem, randomText } from './fake-secrets';

describe('redact: look-alikes stay as written', () => {
	const cases: readonly (readonly [string, string])[] = [
		['a Terraform variable', 'password = var.db_password\n'],
		['a Terraform resource attribute and a function', 'password = random_password.db.result\nadmin_password = file("${path.module}/pw.txt")\n'],
		['interpolation', 'password = "${var.db_password}"\nDB_PASSWORD=${DB_PASSWORD}\n'],
		['CloudFormation references', 'MasterUserPassword: !Ref DbPassword\nPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"\n'],
		['a command substitution', 'export DB_PASSWORD=$(aws ssm get-parameter --name /db/pw --query Parameter.Value)\n'],
		['templates', 'password: {{ .Values.db.password }}\ntoken: ${{ secrets.DEPLOY_TOKEN }}\n'],
		['secret store addresses', 'valueFrom: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123\npassword: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)"\n'],
		['an ARM expression', '"adminPassword": "[parameters(\'adminPassword\')]"\n'],
		['settings about passwords', 'password_length = 16\nminimum_password_length = 14\nmax_password_age = 90\npassword_reuse_prevention = 5\ntoken_ttl = 3600\n'],
		['names and ids of secrets', 'secret_name = "prod/db"\nsecret_arn = aws_secretsmanager_secret.db.arn\nsecretName: db-credentials\nkms_key_id = "alias/prod"\n'],
		['switches', 'manage_master_user_password = true\ngenerate_secret = false\nauth: null\npassword: ""\n'],
		['API Gateway authorization settings', 'authorization = "NONE"\nauthorization = "AWS_IAM"\n'],
		['Kubernetes secret references', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: db, key: password }\n'],
		['a plain value after an ordinary name', 'env:\n  - name: LOG_LEVEL\n    value: debug\n'],
		['an AMI, a security group and a subnet', 'ami = "ami-0c55b159cbfafe1f0"\nvpc_security_group_ids = ["sg-0123456789abcdef0"]\nsubnet_id = "subnet-0bb1c79de3fa2b9c1"\n'],
		['ARNs', 'role_arn = "arn:aws:iam::123456789012:role/service-role/AWSLambdaBasicExecutionRole"\nkey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n'],
		['UUIDs', 'tenant_id       = "72f988bf-86f1-41af-91ab-2d7cd011db47"\nsubscription_id = "0b1f6471-1bf0-4dda-aec3-111122223333"\n'],
		['identifiers and paths', 'name: MyApplicationLoadBalancerListener2\npath: /usr/local/lib/python3.12/site-packages\nkey: projects/acme-prod-123456/locations/europe-west1/keyRings/platformKeys2024\n'],
		['a checksum in a download check', `curl -fsSLO https://releases.example.com/tool.zip\necho "${RANDOM_HEX}  tool.zip" | sha256sum -c -\n`],
		['checksums and digests that say so', `EXPECTED_SHA256=${RANDOM_HEX}\nimage: nginx@sha256:${randomText(64, 3, '0123456789abcdef')}\n`],
		['a module pinned to a commit', `source = "git::https://github.com/acme/modules.git//vpc?ref=${RANDOM_HEX}"\n`],
		['Terraform lock hashes', `hashes = [\n  "h1:${randomText(43, 5)}=",\n  "zh:${randomText(64, 6, '0123456789abcdef')}",\n]\n`],
		['an SSH public key', `public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomText(43, 7)} deploy@ci"\n`],
		['a certificate', pem('CERTIFICATE', keyLines(3, 9))],
		['a URL with a user and no password', 'git clone ssh://git@github.com/acme/infra.git\nurl = "https://user@example.com/path"\n'],
		['a URL whose password is a reference', 'url: postgres://app:${DB_PASSWORD}@db:5432/app\n'],
		['flags that are not passwords', 'docker run -p 8080:80 mysql:8\nmysql -u root -p app\nargs: ["--password", var.db_password]\nargs:\n  - --password-stdin\n  - --verbose\n'],
		['prose about passwords', 'Rotate the password regularly, see the runbook.\n# the token expires after an hour\n'],
	];
	for (const [name, input] of cases) {
		it(name, () => {
			assertUntouched(input);
		});
	}
});

describe('redact: where erring on the side of removing wins', () => {
	it('removes a bare 40-character hex string with nothing on its line to say it is a checksum', () => {
		assert.equal(redact(`expected = "${RANDOM_HEX}"\n`).text, 'expected = "<redacted: high-entropy string>"\n');
	});

	it('removes a UUID written in a credential-named field', () => {
		assert.equal(redact('client_secret = "72f988bf-86f1-41af-91ab-2d7cd011db47"\n').text, 'client_secret = "<redacted: client secret>"\n');
	});

	it('removes what follows a credential name and a colon in a comment or prose: commented-out config is a common leak', () => {
		assert.equal(redact('# password: changeme\n').text, '# password: <redacted: password>\n');
		assert.equal(redact('Rotate the password: see the runbook.\n').text, 'Rotate the password: <redacted: password>\n');
	});

	it('removes a whole .env line, since .env values may hold spaces', () => {
		assert.equal(redact('PGPASSWORD=Hunt3r2024 psql -h db\n').text, 'PGPASSWORD=<redacted: password>\n');
	});
});
