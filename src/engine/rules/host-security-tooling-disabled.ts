import type { Span } from '../model/range';
import { defineRule } from './rule';
import { agentActions, type AgentAction } from './shared/agent-tampering';
import { scriptUnits } from './shared/scripts';
import type { SecurityAgent } from './shared/security-agents';
import { traceWipes, type TraceWipe } from './shared/trace-wiping';
import { describeLocation } from './shared/where';

const AGENT_ADVICE = 'Turning off security and audit agents is the usual first step of an intrusion or a miner dropper, and AUP section 3 forbids harmful scripts. Keep the agent running; to apply new settings, restart it instead.';
const LOG_ADVICE = 'Erasing logs is how intruders cover their tracks (AUP section 3). Leave them in place and let logrotate or journald retention limit their size.';
const HISTORY_ADVICE = 'Hiding what was run is how intruders cover their tracks (AUP section 3). Remove it; to keep secrets out of history, pass them in files or from a secret store.';

export default defineRule({
	id: 'AUP-EXE-003',
	title: 'Host security tooling disabled',
	severity: 'warning',
	aupSection: '3',
	category: 'malicious-code',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell'],
	docs: [
		'Finds scripts that switch off a host\'s security and audit agents or erase its records: stopping, disabling, masking, killing or uninstalling auditd, Falco, the CrowdStrike Falcon sensor, osquery, the Wazuh and OSSEC agents, Alibaba Cloud\'s Aegis (AliYunDun) and Cloud Assist agent, Tencent Cloud\'s YunJing (YDService), the Sysdig agent, the GuardDuty runtime agent, SentinelOne, the ClamAV daemon, Microsoft Defender for Endpoint, Elastic Defend, Auditbeat, Qualys, Trend Micro Deep Security, Carbon Black and Rapid7 (`systemctl stop falcon-sensor`, `service auditd stop`, `pkill -9 AliYunDun`, `ps aux | grep aegis | awk \'{print $2}\' | xargs kill -9`, `apt-get purge -y auditd`, Aegis\'s uninstall script); `auditctl -e 0`; wiping system logs (`rm -rf /var/log/*`, `> /var/log/auth.log`, `truncate -s 0 /var/log/syslog`); and turning off or clearing shell history (`history -c`, `unset HISTFILE`, `export HISTFILE=/dev/null`). Commands run through `chroot /host` or `nsenter` from a container count as well.',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids uploading harmful scripts and deploying configurations that compromise systems, and names cryptocurrency mining on resources used without authorization among the illegal activities it prohibits. Scripts that take over cloud machines to mine cryptocurrency almost always start by killing the provider\'s security agent, then delete the logs and history that would show what they did. In a configuration you are about to deploy, the same lines mean the machine runs blind: nobody will see what happens on it.',
		'',
		'**What to do instead.** Keep agents running. To change an agent\'s settings, restart it: a stop followed by a start of the same agent later in the file, and `systemctl restart`, are not reported; neither is a reload signal such as `kill -HUP`. Let logrotate or journald retention manage log size: rotation, `find /var/log -mtime +7 -delete` and deleting an application\'s own logs (`/var/log/nginx/*`) are not reported.',
		'',
		'**Not reported.** SELinux (`setenforce 0`), AppArmor and host firewalls (`ufw disable`, `systemctl stop firewalld`): the Kubernetes install guides tell users to turn them off, so flagging them would bury real findings. `RUN` lines of a Dockerfile, which run while the image is built, not on a host: deleting logs there only makes the image smaller, and images built to run systemd often mask auditd because it cannot work in a container. Monitoring and management agents (CloudWatch, Datadog, SSM) are not security tooling.',
		'',
		'**When it is legitimate.** Replacing one security agent with another, or removing one on the security team\'s instruction; preparing a golden image whose logs must start empty. Suppress with the reason: `# aup-guard-ignore AUP-EXE-003: Falcon replaced by Defender, change SEC-412`.',
	].join('\n'),
	check(file, report) {
		const offs: { action: AgentAction; span: Span; where: string }[] = [];
		const ons: { agents: readonly SecurityAgent[]; start: number }[] = [];
		const wipes: { wipe: TraceWipe; span: Span; where: string }[] = [];
		for (const unit of scriptUnits(file)) {
			// A Dockerfile's RUN runs while the image is built, where there is no agent to stop and no host log to hide.
			if (file.format === 'dockerfile' && unit.ref.key === 'RUN') {
				continue;
			}
			const where = describeLocation(unit.ref.resource, unit.ref.key);
			for (const pipeline of unit.pipelines) {
				for (const action of agentActions(pipeline)) {
					const span = unit.spanOf(action.start, action.end);
					if (action.kind === 'on') {
						ons.push({ agents: action.agents, start: span.start });
					} else {
						offs.push({ action, span, where });
					}
				}
				for (const command of pipeline.commands) {
					wipes.push(...traceWipes(command).map(wipe => ({ wipe, span: unit.spanOf(wipe.start, wipe.end), where })));
				}
			}
		}
		const seen = new Set<string>();
		const once = (span: Span): boolean => {
			const key = `${span.start}:${span.end}`;
			return !seen.has(key) && seen.add(key) !== undefined;
		};
		for (const { action, span, where } of offs) {
			// A start of the same agent later on makes the stop a restart.
			const agents = action.agents.filter(agent => !ons.some(on => on.start > span.start && on.agents.includes(agent)));
			if (agents.length > 0 && once(span)) {
				const kind = agents.length > 1 ? 'host security agents' : 'a host security agent';
				report({ span, message: `This command (${where}) ${action.verb} ${agents.map(agent => agent.display).join(' and ')}, ${kind}. ${AGENT_ADVICE}` });
			}
		}
		for (const { wipe, span, where } of wipes) {
			if (once(span)) {
				const message = wipe.what === 'logs'
					? `This command (${where}) wipes system logs (${wipe.detail}), destroying the record of what happened on the host. ${LOG_ADVICE}`
					: `This command (${where}) clears or turns off shell history (${wipe.detail}). ${HISTORY_ADVICE}`;
				report({ span, message });
			}
		}
	},
});
