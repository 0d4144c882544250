import type { ParsedFile } from '../model/file';
import type { ObjectNode } from '../model/nodes';
import { get, literalBoolean, literalString, resourcesOfType } from '../model/query';
import { defineRule } from './rule';
import { hasAny, isFalse, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const REPLACES = 'Turn encryption at rest on (an existing resource is replaced)';

const encrypt = (types: string[], key: string, missing: boolean, unless?: SettingSpec['unless'], fixTitle = REPLACES): SettingSpec => ({
	types, path: [key], isOff: isFalse, onText: literal('true'), missing, unless, fixTitle,
});

// A missing setting is reported only where the provider's default is unencrypted; resources that
// take their encryption from a source or a snapshot are left alone.
const SPECS: readonly SettingSpec[] = [
	encrypt(['aws_db_instance'], 'storage_encrypted', true, hasAny('replicate_source_db', 'snapshot_identifier')),
	encrypt(['aws_rds_cluster'], 'storage_encrypted', true, (body: ObjectNode) =>
		literalString(get(body, 'engine_mode')) === 'serverless' || hasAny('snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier')(body)),
	encrypt(['aws_ebs_volume'], 'encrypted', true, (body: ObjectNode, file: ParsedFile) => hasAny('snapshot_id')(body) || encryptsEbsByDefault(file)),
	encrypt(['aws_efs_file_system'], 'encrypted', true),
	encrypt(['aws_elasticache_replication_group'], 'at_rest_encryption_enabled', false),
	encrypt(['aws_redshift_cluster'], 'encrypted', false),
	{ types: ['aws_instance'], path: ['root_block_device', 'encrypted'], isOff: isFalse, onText: literal('true'), fixTitle: REPLACES },
	encrypt(['azurerm_mssql_database'], 'transparent_data_encryption_enabled', false, undefined, 'Turn transparent data encryption on'),
	encrypt(['AWS::RDS::DBInstance'], 'StorageEncrypted', true, hasAny('SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'DBClusterIdentifier', 'SourceDBClusterIdentifier')),
	encrypt(['AWS::RDS::DBCluster'], 'StorageEncrypted', true, (body: ObjectNode) =>
		literalString(get(body, 'EngineMode')) === 'serverless' || hasAny('SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier')(body)),
	encrypt(['AWS::EC2::Volume'], 'Encrypted', true, hasAny('SnapshotId')),
	encrypt(['AWS::EFS::FileSystem'], 'Encrypted', true),
	encrypt(['AWS::ElastiCache::ReplicationGroup'], 'AtRestEncryptionEnabled', false),
	encrypt(['AWS::Redshift::Cluster'], 'Encrypted', false),
];

export default defineRule({
	id: 'AUP-ENC-001',
	title: 'Encryption at rest turned off',
	severity: 'warning',
	aupSection: '4',
	category: 'encryption',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds data stores whose encryption at rest is off. Explicitly off or missing where the default is unencrypted: `storage_encrypted` on `aws_db_instance` and `aws_rds_cluster` (`StorageEncrypted` on `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`), `encrypted` on `aws_ebs_volume` (`AWS::EC2::Volume`) and `aws_efs_file_system` (`AWS::EFS::FileSystem`). Only when explicitly off: `at_rest_encryption_enabled` on `aws_elasticache_replication_group`, `encrypted` on `aws_redshift_cluster`, `root_block_device.encrypted` on `aws_instance`, `transparent_data_encryption_enabled` on `azurerm_mssql_database`, and their CloudFormation equivalents. The finding points at the `false`, or at the resource\'s name when the setting is missing.',
		'',
		'**Why it matters.** Unencrypted volumes, snapshots and backups can be read by anyone who gets hold of a copy: a snapshot shared by mistake, a disk from a decommissioned host. Section 4 of the Acceptable Use Policy asks you to keep what you run secure; encryption at rest is the cheap, standard part of that, and many compliance regimes require it. It is a warning, not an error: the policy makes it your responsibility rather than forbidding the setting.',
		'',
		'**What to do instead.** Turn encryption on; the quick fix sets the value to true or adds the attribute. Encryption cannot be switched on in place for RDS, EBS or EFS: on an existing resource Terraform and CloudFormation replace it, so migrate its data first (for RDS, copy a snapshot with encryption and restore from it).',
		'',
		'**What is not reported.** Services that always encrypt: S3 (since January 2023), DynamoDB (`server_side_encryption { enabled = false }` only chooses an AWS-owned key over a KMS key), Google Cloud SQL and persistent disks, Azure managed disks and storage accounts. Read replicas and resources restored from a snapshot, whose encryption comes from their source, and EBS volumes in a file that turns on `aws_ebs_encryption_by_default`.',
		'',
		'**When it is legitimate.** Public datasets and scratch volumes. Suppress with the reason: `# aup-guard-ignore AUP-ENC-001: public reference data, no customer content`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			const key = off.spec.path.join('.');
			const state = off.value ? `${key} = false` : `${key} is not set, and the default is unencrypted`;
			report(settingReport(off, `Encryption at rest is off in ${describeResource(off.resource)} (${state}): its data, snapshots and backups are stored in the clear. Set ${key} = true (AUP section 4: keep what you run secure).`));
		}
	},
	fixes: settingFixes(SPECS),
});

/** `aws_ebs_encryption_by_default` in the file encrypts every new volume of the account and region. */
function encryptsEbsByDefault(file: ParsedFile): boolean {
	return resourcesOfType(file, 'aws_ebs_encryption_by_default').some(resource => literalBoolean(get(resource.body, 'enabled')) !== false);
}
