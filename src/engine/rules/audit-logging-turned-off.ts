import { defineRule } from './rule';
import { isFalse, isTrue, literal, offSettings, settingFixes, settingReport, type SettingSpec } from './shared/settings';
import { describeResource } from './shared/where';

const turnOn = (types: string[], key: string, what: string): SettingSpec & { what: string } => ({
	types, path: [key], isOff: isFalse, onText: literal('true'), fixTitle: `Turn ${what} back on`, what,
});

// Each entry names what the switch controls, for the message.
const SPECS = [
	turnOn(['aws_cloudtrail'], 'enable_logging', 'CloudTrail logging'),
	turnOn(['aws_guardduty_detector'], 'enable', 'GuardDuty threat detection'),
	turnOn(['aws_config_configuration_recorder_status'], 'is_enabled', 'AWS Config recording'),
	turnOn(['azurerm_network_watcher_flow_log'], 'enabled', 'the network flow log'),
	turnOn(['AWS::CloudTrail::Trail'], 'IsLogging', 'CloudTrail logging'),
	turnOn(['AWS::GuardDuty::Detector'], 'Enable', 'GuardDuty threat detection'),
	{ types: ['google_logging_project_sink'], path: ['disabled'], isOff: isTrue, onText: literal('false'), fixTitle: 'Turn the log sink back on', what: 'the log sink' },
];

export default defineRule({
	id: 'AUP-LOG-001',
	title: 'Audit logging or threat detection turned off',
	severity: 'warning',
	aupSection: '4',
	category: 'logging-monitoring',
	formats: ['terraform', 'terraform-json', 'cloudformation'],
	docs: [
		'Finds audit logging and threat detection declared but switched off: `enable_logging = false` on `aws_cloudtrail` (`IsLogging: false` on `AWS::CloudTrail::Trail`), `enable = false` on `aws_guardduty_detector` (`Enable: false` on `AWS::GuardDuty::Detector`), `is_enabled = false` on `aws_config_configuration_recorder_status`, `enabled = false` on `azurerm_network_watcher_flow_log`, and `disabled = true` on `google_logging_project_sink`. The finding points at the value.',
		'',
		'**Why it matters.** These are the records that tell you who did what in the account and warn you of a compromise; switched off, an intrusion or a leaked key goes unnoticed and cannot be investigated afterwards. Section 4 of the Acceptable Use Policy asks you to monitor your cloud infrastructure. A trail or detector that exists but is switched off is easy to miss in review, because the resource looks present.',
		'',
		'**What to do instead.** Turn it back on; the quick fix flips the value. If cost is the concern, narrow what is recorded (event selectors, sampling) rather than turning it off.',
		'',
		'**What is not reported.** An account or project with no trail, detector or flow log in this file: they are often managed centrally, in another file or by an organization. Values from variables are not known until deploy.',
		'',
		'**When it is legitimate.** A trail paused while it is migrated to an organization trail. Suppress with the reason: `# aup-guard-ignore AUP-LOG-001: replaced by the organization trail in the audit account`.',
	].join('\n'),
	check(file, report) {
		for (const off of offSettings(file, SPECS)) {
			const what = SPECS[off.index].what;
			const setting = `${off.spec.path.join('.')} = ${off.spec.isOff === isTrue ? 'true' : 'false'}`;
			report(settingReport(off, `${what[0].toUpperCase()}${what.slice(1)} is switched off in ${describeResource(off.resource)} (${setting}): activity in the account goes unrecorded and a compromise unnoticed. Turn it back on (AUP section 4: monitor your infrastructure).`));
		}
	},
	fixes: settingFixes(SPECS),
});
