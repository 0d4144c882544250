import { defineRule } from './rule';
import { isFalse, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const turnOn = (types: string[], path: string[]): SettingSpec => ({
	types, path, isOff: isFalse, onText: literal('true'), fixTitle: 'Turn deletion protection on',
});

// Only an explicit false is reported: it is the default for RDS and DynamoDB, and reporting every
// database without it would bury the ones where someone turned it off on purpose.
const SPECS: readonly SettingSpec[] = [
	turnOn(['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'google_sql_database_instance'], ['deletion_protection']),
	turnOn(['aws_dynamodb_table'], ['deletion_protection_enabled']),
	turnOn(['google_sql_database_instance'], ['settings', 'deletion_protection_enabled']),
	turnOn(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'], ['DeletionProtection']),
	turnOn(['AWS::DynamoDB::Table'], ['DeletionProtectionEnabled']),
];

export default defineRule({
	id: 'AUP-BAK-003',
	title: 'Database deletion protection turned off',
	severity: 'info',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds deletion protection explicitly set to false: `deletion_protection` on RDS, DocumentDB and Neptune databases and on `google_sql_database_instance` (where Terraform\'s own default is true), `settings.deletion_protection_enabled` on Cloud SQL, `deletion_protection_enabled` on `aws_dynamodb_table`, and `DeletionProtection` / `DeletionProtectionEnabled` in CloudFormation. The finding points at the `false`.',
		'',
		'**Why it matters.** Deletion protection makes the provider refuse to delete the database until someone turns it off on purpose, so a mistaken `destroy`, a stack deletion or a change that forces replacement cannot take the data with it. Section 4 of the Acceptable Use Policy makes backups and disaster recovery your responsibility. It is information, not a warning: the setting is off by default on AWS and is a reasonable choice for disposable databases.',
		'',
		'**What to do instead.** Set it to true for any database whose data matters; the quick fix does. Turning it off again is a deliberate, reviewed step before a real deletion.',
		'',
		'**When it is legitimate.** Development and CI databases that are created and destroyed often. A missing setting is not reported. Suppress with the reason: `# aup-guard-ignore AUP-BAK-003: review app database, destroyed with the branch`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			report(settingReport(off, `Deletion protection is off in ${describeResource(off.resource)} (${off.spec.path.join('.')} = false): a mistaken destroy or replacement deletes the database. Set it to true where the data matters (AUP section 4: maintain backups and recovery).`));
		}
	},
	fixes: settingFixes(SPECS),
});
