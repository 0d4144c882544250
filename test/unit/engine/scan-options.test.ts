import * as assert from 'node:assert/strict';
import { scanText } from '../helpers/engine';

const BUCKET = `resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
}

resource "aws_db_instance" "orders" {
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  storage_encrypted   = false
  skip_final_snapshot = true
}
`;

describe('engine scan options', () => {
	it('builds quick fixes by default and none when asked not to, with the same findings', async () => {
		const withFixes = await scanText('db.tf', BUCKET);
		const without = await scanText('db.tf', BUCKET, { fixes: false });
		assert.ok(withFixes.findings.some(finding => finding.fixes.length > 0), 'some finding here has a fix');
		assert.deepEqual(without.findings.map(finding => finding.fixes), without.findings.map(() => []));
		assert.deepEqual(
			without.findings.map(({ fixes: _fixes, ...rest }) => rest),
			withFixes.findings.map(({ fixes: _fixes, ...rest }) => rest),
		);
	});
});

describe('a Terraform module\'s other files', () => {
	const PROVIDER = `provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA2OGYBAH6QEXAMPLX"
}
`;

	it('keep the variable a fix declares apart from the ones they declare', async () => {
		const alone = await scanText('providers.tf', PROVIDER);
		const beside = await scanText('providers.tf', PROVIDER, { moduleVariables: new Set(['aws_access_key', 'aws_access_key_2']) });
		const titles = (result: typeof alone): string[] => result.findings.flatMap(finding => finding.fixes.map(fix => fix.title));
		assert.deepEqual(titles(alone), ['Replace with var.aws_access_key, declared sensitive at the end of the file']);
		assert.deepEqual(titles(beside), ['Replace with var.aws_access_key_3, declared sensitive at the end of the file']);
	});
});
