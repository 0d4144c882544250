import * as assert from 'node:assert/strict';
import { hostCommand, sendsStoppingSignal } from '../../../../src/engine/rules/shared/host-commands';
import { agentNamed, agentsMentioned } from '../../../../src/engine/rules/shared/security-agents';
import { parseScript } from '../../../../src/engine/rules/shared/shell';

function command(script: string) {
	return parseScript(script)[0].commands[0];
}

describe('security agents', () => {
	it('knows agents by unit, init script, process and package names', () => {
		assert.deepEqual(['falcon-sensor.service', '/etc/init.d/auditd', 'clamd@scan', 'AliYunDun', 'osquery=5.10.2-1', 'falcon-sensor*'].map(name => agentNamed(name)?.display), [
			'the CrowdStrike Falcon sensor', 'the Linux audit daemon', 'the ClamAV daemon', 'Alibaba Cloud Security Center (Aegis)', 'the osquery daemon', 'the CrowdStrike Falcon sensor',
		]);
		for (const name of ['falcon', 'audit', 'amazon-ssm-agent', 'firewalld', 'clamav-freshclam', 'falco-exporter']) {
			assert.equal(agentNamed(name), undefined, name);
		}
	});

	it('finds agent names as whole tokens in patterns and substitutions', () => {
		assert.deepEqual(agentsMentioned('$(pidof auditd) AliYunDun|aegis /usr/local/aegis/x').map(mention => mention.name), ['auditd', 'AliYunDun', 'aegis', 'aegis']);
		assert.deepEqual(agentsMentioned('falcondb auditdaemon my_auditd osqueryi'), []);
	});

	it('reads signals: the default and KILL stop a process, HUP and USR1 do not', () => {
		const args = (text: string) => command(`kill ${text}`).words.slice(1);
		assert.deepEqual(['1234', '-9 1', '-KILL 1', '-s TERM 1', '--signal=STOP 1'].map(text => sendsStoppingSignal(args(text))), [true, true, true, true, true]);
		assert.deepEqual(['-HUP 1', '-SIGUSR1 1', '-s usr2 1', '-1 1', '-0 1'].map(text => sendsStoppingSignal(args(text))), [false, false, false, false, false]);
	});

	it('looks through sudo, chroot and nsenter to the program run on the host', () => {
		assert.equal(hostCommand(command('sudo chroot /host systemctl stop auditd'))?.name, 'systemctl');
		assert.equal(hostCommand(command('nsenter -t 1 -m -u -n -i -- service auditd stop'))?.name, 'service');
		assert.equal(hostCommand(command('chroot'))?.name, undefined);
	});
});
