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
