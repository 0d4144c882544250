/**
 * Host security and audit agents, by the names scripts use for them: systemd units, init scripts,
 * process names and packages. Names are matched whole, so `falcon` (a Python web framework) and
 * `audit` (a common word) are not agents. Monitoring agents (CloudWatch, Datadog), management
 * agents (SSM) and host firewalls are left out on purpose: stopping them is routine.
 */
export interface SecurityAgent {
	/** What a message calls it: 'the CrowdStrike Falcon sensor'. */
	readonly display: string;
	/** Lower-case unit, process and package names. */
	readonly names: readonly string[];
}

const AGENTS: readonly SecurityAgent[] = [
	{ display: 'the Linux audit daemon', names: ['auditd'] },
	{ display: 'the Falco runtime security agent', names: ['falco', 'falco-modern-bpf', 'falco-kmod', 'falco-bpf', 'falco-custom'] },
	{ display: 'the CrowdStrike Falcon sensor', names: ['falcon-sensor', 'falcond'] },
	{ display: 'the osquery daemon', names: ['osqueryd', 'osquery'] },
	{ display: 'the Wazuh agent', names: ['wazuh-agent', 'wazuh-agentd'] },
	{ display: 'the OSSEC agent', names: ['ossec', 'ossec-hids', 'ossec-hids-agent', 'ossec-agentd', 'ossec-syscheckd'] },
	{ display: 'Alibaba Cloud Security Center (Aegis)', names: ['aegis', 'aliyundun', 'aliyundunupdate', 'aliyundunmonitor', 'alisecguard'] },
	{ display: 'the Alibaba Cloud Assist agent', names: ['aliyun', 'aliyun-service'] },
	{ display: 'Tencent Cloud workload protection (YunJing)', names: ['ydservice', 'ydlive', 'yunjing'] },
	{ display: 'the Sysdig agent', names: ['dragent', 'sysdig-agent'] },
	{ display: 'the Amazon GuardDuty runtime agent', names: ['amazon-guardduty-agent'] },
	{ display: 'the SentinelOne agent', names: ['sentinelone', 'sentinelagent', 's1-agent'] },
	{ display: 'the ClamAV daemon', names: ['clamav-daemon', 'clamd'] },
	{ display: 'Microsoft Defender for Endpoint', names: ['mdatp', 'wdavdaemon'] },
	{ display: 'Elastic Defend', names: ['elastic-endpoint'] },
	{ display: 'Auditbeat', names: ['auditbeat'] },
	{ display: 'the Qualys Cloud Agent', names: ['qualys-cloud-agent'] },
	{ display: 'the Trend Micro Deep Security agent', names: ['ds_agent', 'ds-agent'] },
	{ display: 'the Carbon Black sensor', names: ['cbagentd', 'cbdaemon'] },
	{ display: 'the Rapid7 Insight Agent', names: ['ir_agent'] },
];

const BY_NAME = new Map<string, SecurityAgent>(AGENTS.flatMap(agent => agent.names.map(name => [name, agent] as const)));

const ALL_NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length).map(name => name.replace(/[-.]/g, '\\$&'));
/** A name inside a pattern or a command line (`pkill -f /usr/local/aegis/aegis_client`), not inside a longer word. */
const NAME_TOKEN = new RegExp(`(?<![A-Za-z0-9_])(?:${ALL_NAMES.join('|')})(?![A-Za-z0-9_])`, 'gi');

/** The agent a unit, init script, process or package name is (`falcon-sensor.service`, `/etc/init.d/auditd`, `clamd@scan`). */
export function agentNamed(word: string): SecurityAgent | undefined {
	const base = word.slice(word.lastIndexOf('/') + 1).toLowerCase()
		.replace(/\.(?:service|socket|timer)$/, '')
		.replace(/@.*$/, '')
		// Package globs and versions: `falcon-sensor*`, `osquery=5.10.2-1`, `auditd:amd64`.
		.replace(/[*=:].*$/, '');
	return BY_NAME.get(base);
}

export interface AgentMention {
	readonly agent: SecurityAgent;
	/** The name as written, and its offsets in the text searched. */
	readonly name: string;
	readonly start: number;
	readonly end: number;
}

/** Every agent named in a process pattern or command substitution (`$(pidof auditd)`, `'AliYunDun|aegis'`). */
export function agentsMentioned(text: string): AgentMention[] {
	const mentions: AgentMention[] = [];
	for (const match of text.matchAll(NAME_TOKEN)) {
		const agent = BY_NAME.get(match[0].toLowerCase());
		if (agent) {
			mentions.push({ agent, name: match[0], start: match.index, end: match.index + match[0].length });
		}
	}
	return mentions;
}
