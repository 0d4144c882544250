import { defineRule } from './rule';
import { isFalse, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const turnOn = (types: string[], path: string[]): SettingSpec => ({
	types, path, isOff: isFalse, onText: literal('true'), fixTitle: 'Turn point-in-time recovery on',
});

const SPECS: readonly SettingSpec[] = [
	turnOn(['aws_dynamodb_table'], ['point_in_time_recovery', 'enabled']),
	turnOn(['google_sql_database_instance'], ['settings', 'backup_configuration', 'point_in_time_recovery_enabled']),
	turnOn(['AWS::DynamoDB::Table'], ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']),
];

export default defineRule({
	id: 'AUP-BAK-004',
	title: 'Point-in-time recovery turned off',
	severity: 'info',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds point-in-time recovery explicitly turned off: `point_in_time_recovery { enabled = false }` on `aws_dynamodb_table`, `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: false` on CloudFormation\'s `AWS::DynamoDB::Table`, and `point_in_time_recovery_enabled = false` in a Cloud SQL instance\'s `backup_configuration`. The finding points at the `false`.',
		'',
		'**Why it matters.** Point-in-time recovery restores a table or database to any second of the last days (35 for DynamoDB, the log retention for Cloud SQL), which is what undoes a bad deploy or a buggy job that overwrote data; daily backups alone lose up to a day. Section 4 of the Acceptable Use Policy makes backups and disaster recovery your responsibility. It is information: the feature has a storage cost and not every table needs it.',
		'',
		'**What to do instead.** Turn it on for tables and databases that hold data you cannot rebuild; the quick fix sets the value to true. DynamoDB charges for it by table size.',
		'',
		'**When it is legitimate.** Caches, session stores and tables rebuilt from another source. A table that does not mention point-in-time recovery is not reported (it is off by default in DynamoDB, but reporting every table would be noise); only an explicit `false` is. Suppress with the reason: `# aup-guard-ignore AUP-BAK-004: session cache, items expire in an hour`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			report(settingReport(off, `Point-in-time recovery is off in ${describeResource(off.resource)} (${off.spec.path.join('.')} = false): a bad write can only be undone from the last full backup, if any. Turn it on for data you cannot rebuild (AUP section 4: maintain backups and recovery).`));
		}
	},
	fixes: settingFixes(SPECS),
});
