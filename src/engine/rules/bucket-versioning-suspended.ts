import { quoted } from '../fixes/values';
import type { ValueNode } from '../model/nodes';
import { literalString } from '../model/query';
import { defineRule } from './rule';
import { isFalse, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const isSuspended = (value: ValueNode): boolean => ['Suspended', 'Disabled'].includes(literalString(value) ?? '');

const SPECS: readonly SettingSpec[] = [
	{ types: ['aws_s3_bucket_versioning'], path: ['versioning_configuration', 'status'], isOff: isSuspended, onText: syntax => quoted(syntax, 'Enabled'), fixTitle: 'Turn versioning on' },
	{ types: ['AWS::S3::Bucket'], path: ['VersioningConfiguration', 'Status'], isOff: isSuspended, onText: syntax => quoted(syntax, 'Enabled'), fixTitle: 'Turn versioning on' },
	// The inline block of AWS provider 3 and the GCS bucket's block.
	{ types: ['aws_s3_bucket', 'google_storage_bucket'], path: ['versioning', 'enabled'], isOff: isFalse, onText: literal('true'), fixTitle: 'Turn versioning on' },
];

export default defineRule({
	id: 'AUP-BAK-005',
	title: 'Bucket versioning suspended',
	severity: 'info',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds object versioning explicitly suspended or disabled: `status = "Suspended"` (or `"Disabled"`) in `aws_s3_bucket_versioning`, `Status: Suspended` in CloudFormation\'s `AWS::S3::Bucket`, and `versioning { enabled = false }` on `aws_s3_bucket` and `google_storage_bucket`. The finding points at the value.',
		'',
		'**Why it matters.** With versioning, an overwritten or deleted object keeps its previous versions, so a buggy job, a mistaken `rm` or ransomware that rewrites objects can be undone. Section 4 of the Acceptable Use Policy makes backups and disaster recovery your responsibility. It is information: versioning costs storage for every kept version, and many buckets hold nothing worth keeping twice.',
		'',
		'**What to do instead.** Turn versioning on for buckets that hold data (the quick fix sets the status to `Enabled`), and add a lifecycle rule that expires old versions after some days to bound the cost.',
		'',
		'**When it is legitimate.** Scratch, cache and build-artifact buckets, or logs already copied elsewhere. Buckets that do not mention versioning are not reported. Suppress with the reason: `# aup-guard-ignore AUP-BAK-005: CI cache bucket, contents are rebuilt`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			report(settingReport(off, `Versioning is ${off.value && isFalse(off.value) ? 'off' : 'suspended'} in ${describeResource(off.resource)}: an overwritten or deleted object cannot be recovered. Turn versioning on for buckets that hold data, with a lifecycle rule for old versions (AUP section 4: maintain backups and recovery).`));
		}
	},
	fixes: settingFixes(SPECS),
});
