import type { ParsedFile, Resource } from '../model/file';
import type { ValueNode } from '../model/nodes';
import { get, literalBoolean, literalNumber, resourcesOfType } from '../model/query';
import { defineRule, type RuleReport } from './rule';
import { isFalse, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const turnOn = (types: string[], path: string[]): SettingSpec => ({
	types, path, isOff: isFalse, onText: literal('true'), fixTitle: 'Turn detailed monitoring on',
});

// Only switches written as false: where false is also the default (aws_instance), a missing
// setting is the provider's choice, not a decision in this file.
const SPECS = [
	turnOn(['aws_instance'], ['monitoring']),
	turnOn(['aws_launch_template'], ['monitoring', 'enabled']),
	turnOn(['aws_launch_configuration'], ['enable_monitoring']),
	turnOn(['AWS::EC2::Instance'], ['Monitoring']),
	turnOn(['AWS::EC2::LaunchTemplate'], ['LaunchTemplateData', 'Monitoring', 'Enabled']),
	turnOn(['AWS::AutoScaling::LaunchConfiguration'], ['InstanceMonitoring']),
];

/** RDS keys, Terraform's and CloudFormation's: the enhanced monitoring interval and Performance Insights. */
const DATABASES = [
	{ type: 'aws_db_instance', interval: 'monitoring_interval', insights: 'performance_insights_enabled' },
	{ type: 'AWS::RDS::DBInstance', interval: 'MonitoringInterval', insights: 'EnablePerformanceInsights' },
];

export default defineRule({
	id: 'AUP-MON-001',
	title: 'Detailed monitoring turned off',
	severity: 'info',
	aupSection: '4',
	category: 'logging-monitoring',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds detailed monitoring that a configuration explicitly switches off: `monitoring = false` on `aws_instance`, `monitoring { enabled = false }` on `aws_launch_template`, `enable_monitoring = false` on `aws_launch_configuration`, CloudFormation\'s `Monitoring: false` on `AWS::EC2::Instance`, `LaunchTemplateData.Monitoring.Enabled: false` on `AWS::EC2::LaunchTemplate` and `InstanceMonitoring: false` on `AWS::AutoScaling::LaunchConfiguration`; and a database that turns off both Enhanced Monitoring and Performance Insights (`monitoring_interval = 0` with `performance_insights_enabled = false` on `aws_db_instance`, `MonitoringInterval: 0` with `EnablePerformanceInsights: false` on `AWS::RDS::DBInstance`). The finding points at the value.',
		'',
		'**Why it matters.** Without detailed monitoring, EC2 reports its metrics every five minutes instead of every minute, so load spikes, runaway scaling and a compromised machine busy at full CPU show up late, and alarms fire late. Section 4 of the Acceptable Use Policy asks you to monitor your cloud infrastructure. It is information, not a warning: detailed monitoring is a paid CloudWatch feature, and basic monitoring is enough for many machines.',
		'',
		'**What to do instead.** Turn it on where you rely on the metrics (auto scaling, alarms, production machines); the quick fix sets the value to true. For a database, turn Performance Insights on, or set a monitoring interval with a monitoring role.',
		'',
		'**What is not reported.** A missing setting: `aws_instance` and launch templates default to basic monitoring, and flagging every instance without `monitoring = true` would report most of them for a choice the provider made. Only a value written as off is a decision worth a second look. A database with only one of the two turned off still has the other. Values from variables are not known until deploy.',
		'',
		'**When it is legitimate.** Development and batch machines where five-minute metrics are enough, to save the CloudWatch charges. Turn the rule off for the workspace or suppress with the reason: `# aup-guard-ignore AUP-MON-001: dev sandbox, basic metrics are enough`.',
	].join('\n'),
	check(file, report) {
		const reports: RuleReport[] = offSettings(file, SPECS).map(off => settingReport(off,
			`Detailed monitoring is switched off in ${describeResource(off.resource)} (${off.spec.path.join('.')}${file.format === 'cloudformation' ? ': ' : ' = '}false): metrics arrive every five minutes instead of every minute, so spikes and runaway costs show late. Turn it on where you rely on these metrics (AUP section 4: monitor your infrastructure).`));
		reports.push(...databasesWithoutMonitoring(file));
		reports.sort((a, b) => a.span.start - b.span.start).forEach(report);
	},
	fixes: settingFixes(SPECS),
});

/** Databases with both Enhanced Monitoring and Performance Insights written as off; no fix, since a monitoring interval needs a role the file may not have. */
function databasesWithoutMonitoring(file: ParsedFile): RuleReport[] {
	const reports: RuleReport[] = [];
	for (const keys of DATABASES) {
		for (const resource of resourcesOfType(file, keys.type)) {
			const interval = get(resource.body, keys.interval);
			if (isZero(interval) && literalBoolean(get(resource.body, keys.insights)) === false) {
				reports.push({ span: interval.span, message: databaseMessage(resource, keys, file.format === 'cloudformation' ? ': ' : ' = ') });
			}
		}
	}
	return reports;
}

function isZero(value: ValueNode | undefined): value is ValueNode {
	return value !== undefined && literalNumber(value) === 0;
}

function databaseMessage(resource: Resource, keys: (typeof DATABASES)[number], is: string): string {
	return `${describeResource(resource)} turns off both Enhanced Monitoring (${keys.interval}${is}0) and Performance Insights (${keys.insights}${is}false): only basic metrics remain, so slow queries and an overloaded database are hard to see. Turn Performance Insights on, or set a monitoring interval with a monitoring role (AUP section 4: monitor your infrastructure).`;
}
