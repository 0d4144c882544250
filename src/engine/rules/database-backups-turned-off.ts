import { defineRule } from './rule';
import { hasAny, isFalse, isZero, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

// AUP section 4 makes appropriate backups and disaster recovery the user's responsibility.
const SPECS: readonly SettingSpec[] = [
	{
		// A read replica copies its primary; its own backups are optional.
		types: ['aws_db_instance'], path: ['backup_retention_period'], isOff: isZero, onText: literal('7'),
		unless: hasAny('replicate_source_db'), fixTitle: 'Keep automated backups for 7 days',
	},
	{
		types: ['AWS::RDS::DBInstance'], path: ['BackupRetentionPeriod'], isOff: isZero, onText: literal('7'),
		unless: hasAny('SourceDBInstanceIdentifier', 'DBClusterIdentifier'), fixTitle: 'Keep automated backups for 7 days',
	},
	{
		// Cloud SQL replicas cannot have backups of their own.
		types: ['google_sql_database_instance'], path: ['settings', 'backup_configuration', 'enabled'], isOff: isFalse, onText: literal('true'),
		unless: hasAny('master_instance_name'), fixTitle: 'Turn automated backups on',
	},
];

export default defineRule({
	id: 'AUP-BAK-001',
	title: 'Database backups turned off',
	severity: 'warning',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds databases whose automated backups are turned off: `backup_retention_period = 0` on `aws_db_instance` (and `BackupRetentionPeriod: 0` on CloudFormation\'s `AWS::RDS::DBInstance`), and `settings.backup_configuration.enabled = false` on `google_sql_database_instance`. The finding points at the value.',
		'',
		'**Why it matters.** Without automated backups there is no point-in-time restore: a dropped table, a bad migration or a corrupted volume loses the data for good. Section 4 of the Acceptable Use Policy makes appropriate backups and disaster recovery your responsibility. It is a warning, not an error: the policy does not forbid the setting, it asks you to own its consequences.',
		'',
		'**What to do instead.** Keep automated backups, for at least 7 days in production. The quick fix sets the retention to 7 days (or turns Cloud SQL backups on); backups within the free allowance (as much backup storage as the database\'s size on RDS) cost nothing extra.',
		'',
		'**When it is legitimate.** A throwaway test database, or data that is rebuilt from elsewhere. Read replicas (`replicate_source_db`, `SourceDBInstanceIdentifier`, `master_instance_name`) and Aurora instances, whose cluster keeps the backups, are not reported. Suppress with the reason: `# aup-guard-ignore AUP-BAK-001: CI database, recreated on every run`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			const setting = off.spec.path.join('.');
			report(settingReport(off, `Automated backups are off in ${describeResource(off.resource)} (${setting}): a failure or a bad change would lose the data for good. Keep backups for at least 7 days (AUP section 4: maintain backups and recovery).`));
		}
	},
	fixes: settingFixes(SPECS),
});
