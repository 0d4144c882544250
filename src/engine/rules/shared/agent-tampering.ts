import { hostCommand, positionalWords, sendsStoppingSignal, type HostCommand } from './host-commands';
import { agentNamed, agentsMentioned, type SecurityAgent } from './security-agents';
import { programName, type Pipeline, type Word } from './shell';

/**
 * What scripts do to host security agents: turn them off (`systemctl stop falcon-sensor`,
 * `pkill -9 AliYunDun`, `apt-get purge auditd`, `auditctl -e 0`) or bring them back
 * (`systemctl start auditd`, a reinstall), so a stop followed by a start reads as a restart.
 */
export interface AgentAction {
	readonly kind: 'off' | 'on';
	/** 'stops', 'kills', 'uninstalls': how a message says what the command does. */
	readonly verb: string;
	readonly agents: readonly SecurityAgent[];
	/** Offsets in the script text: the command, without its redirections. */
	readonly start: number;
	readonly end: number;
}

const SYSTEMCTL_OFF: Readonly<Record<string, string>> = { stop: 'stops', disable: 'disables', mask: 'masks', kill: 'kills' };
const SYSTEMCTL_ON = new Set(['start', 'restart', 'enable', 'reenable', 'unmask', 'try-restart', 'reload-or-restart', 'condrestart']);
const SYSTEMCTL_VALUED = new Set(['-s', '--signal', '-H', '--host', '-M', '--machine', '-t', '--type', '-p', '--property', '-n', '--lines', '-o', '--output', '--kill-whom', '--kill-who']);
/** `service NAME ACTION`, `rc-service NAME ACTION`, `/etc/init.d/NAME ACTION`. */
const INIT_OFF: Readonly<Record<string, string>> = { stop: 'stops', disable: 'disables', off: 'disables', remove: 'disables', del: 'disables', '--del': 'disables' };
const INIT_ON = new Set(['start', 'restart', 'on', 'enable', 'add', 'defaults', 'condrestart', 'try-restart']);

/** Package managers: subcommand (or rpm/dpkg option) to whether it removes or installs. */
const PACKAGE_ACTIONS: Readonly<Record<string, Readonly<Record<string, 'off' | 'on'>>>> = {
	'apt': { remove: 'off', purge: 'off', install: 'on', reinstall: 'on' },
	'apt-get': { remove: 'off', purge: 'off', install: 'on', reinstall: 'on' },
	'aptitude': { remove: 'off', purge: 'off', install: 'on', reinstall: 'on' },
	'yum': { remove: 'off', erase: 'off', install: 'on', reinstall: 'on', localinstall: 'on' },
	'dnf': { remove: 'off', erase: 'off', install: 'on', reinstall: 'on' },
	'microdnf': { remove: 'off', install: 'on' },
	'zypper': { remove: 'off', rm: 'off', install: 'on', in: 'on' },
	'apk': { del: 'off', add: 'on' },
	'snap': { remove: 'off', install: 'on' },
	'rpm': { '-e': 'off', '--erase': 'off', '-i': 'on', '-ivh': 'on', '-U': 'on', '-Uvh': 'on', '--install': 'on', '--upgrade': 'on' },
	'dpkg': { '-r': 'off', '-P': 'off', '--remove': 'off', '--purge': 'off', '-i': 'on', '--install': 'on' },
};

/** Where agents install themselves: deleting the folder removes the agent. */
const INSTALL_FOLDERS: Readonly<Record<string, string>> = {
	'/usr/local/aegis': 'aegis', '/usr/local/qcloud': 'ydservice', '/usr/local/qcloud/yunjing': 'ydservice',
	'/opt/crowdstrike': 'falcon-sensor', '/opt/sentinelone': 'sentinelone',
};

/** Every action on a security agent in a pipeline, in order. */
export function agentActions(pipeline: Pipeline): AgentAction[] {
	const actions: AgentAction[] = [];
	for (const command of pipeline.commands) {
		const host = hostCommand(command);
		const action = host && commandAction(host);
		if (action) {
			actions.push(action);
		}
	}
	const piped = pipedKill(pipeline);
	if (piped) {
		actions.push(piped);
	}
	return actions;
}

function commandAction(command: HostCommand): AgentAction | undefined {
	const { name, args } = command;
	const action = (kind: 'off' | 'on', verb: string, agents: readonly SecurityAgent[], last: Word = command.last): AgentAction | undefined =>
		agents.length > 0 ? { kind, verb, agents: unique(agents), start: command.program.start, end: last.end } : undefined;
	const positional = positionalWords(args, SYSTEMCTL_VALUED);
	if (name === 'systemctl') {
		const [subcommand, ...units] = positional.map(word => word.text);
		const agents = named(units);
		if (subcommand in SYSTEMCTL_OFF && (subcommand !== 'kill' || sendsStoppingSignal(args))) {
			return action('off', SYSTEMCTL_OFF[subcommand], agents);
		}
		return SYSTEMCTL_ON.has(subcommand) ? action('on', 'starts', agents) : undefined;
	}
	const initScript = /^\/etc\/(?:rc\.d\/)?init\.d\/[^/]+$/.test(command.program.text) ? [command.program.text, ...positional.map(word => word.text)] : undefined;
	if (initScript || name === 'service' || name === 'rc-service' || name === 'invoke-rc.d' || name === 'chkconfig' || name === 'update-rc.d' || name === 'rc-update') {
		const words = initScript ?? args.filter(word => word.text !== '-f').map(word => word.text);
		// rc-update and `chkconfig --del` put the action first: `rc-update del auditd`.
		const [first, second] = name === 'rc-update' || words[0] === '--del' || words[0] === '--add' ? [words[1], words[0]] : [words[0], words[1]];
		const agents = named([first ?? '']);
		const verb = INIT_OFF[second ?? ''];
		return verb ? action('off', verb, agents) : INIT_ON.has(second?.replace(/^--/, '') ?? '') ? action('on', 'starts', agents) : undefined;
	}
	if (name === 'pkill' || name === 'killall' || name === 'kill') {
		if (!sendsStoppingSignal(args)) {
			return undefined;
		}
		// kill takes process ids, so only a substitution names what it kills: `kill -9 $(pidof auditd)`.
		const targets = positionalWords(args, new Set(['-u', '-U', '-g', '-G', '-P', '-t', '-s', '-n', '--signal', '-o', '-y']))
			.filter(word => name !== 'kill' || /\$\(|`/.test(word.text));
		return action('off', 'kills', targets.flatMap(word => agentsMentioned(word.text).map(mention => mention.agent)));
	}
	const packages = PACKAGE_ACTIONS[name];
	if (packages) {
		const verbWord = args.find(word => packages[word.text] !== undefined || /^-[A-Za-z]+$/.test(word.text) && (name === 'rpm' || name === 'dpkg') && packages[word.text.slice(0, 2)] !== undefined);
		const kind = verbWord && (packages[verbWord.text] ?? packages[verbWord.text.slice(0, 2)]);
		if (!kind) {
			return undefined;
		}
		const words = positional.filter(word => word !== verbWord && word.text !== verbWord.text);
		// Package files carry a version after an underscore or dash: `falcon-sensor_7.10.0_amd64.deb`.
		const agents = kind === 'off' ? named(words.map(word => word.text))
			: words.flatMap(word => agentsMentioned(word.text.replace(/_(?=\d)/g, ' ')).map(mention => mention.agent));
		return action(kind, kind === 'off' ? 'uninstalls' : 'installs', agents);
	}
	if (name === 'auditctl') {
		const flag = args.findIndex((word, index) => word.text === '-e0' || word.text === '-e' && args[index + 1]?.text === '0');
		return flag < 0 ? undefined : action('off', 'turns off kernel auditing for', named(['auditd']), args[args[flag].text === '-e0' ? flag : flag + 1]);
	}
	if (name === 'mdatp') {
		const text = args.map(word => word.text).join(' ');
		return /^config real-time-protection .*--value[ =]disabled\b/.test(text) ? action('off', 'turns off real-time protection of', named(['mdatp'])) : undefined;
	}
	if (name === 'sentinelctl') {
		const text = args.map(word => word.text).join(' ');
		return /^(?:control (?:stop|unload)|unprotect)\b/.test(text) ? action('off', 'stops', named(['sentinelone'])) : undefined;
	}
	if (name === 'rm') {
		const folders = positional.map(word => INSTALL_FOLDERS[word.text.toLowerCase().replace(/\/?\*?$/, '').replace(/\/+$/, '')]).filter(isString);
		return action('off', 'deletes', named(folders));
	}
	if (/^uninst(?:all)?(?:\.sh)?$/.test(name) && /^\/usr\/local\/(?:aegis|qcloud)\//i.test(command.program.text)) {
		return action('off', 'uninstalls', named([/aegis/i.test(command.program.text) ? 'aegis' : 'ydservice']));
	}
	if ((name === 'curl' || name === 'wget') && args.some(word => /aegis\.aliyun\.com\/download\/[a-z_]*uninstall/i.test(word.text))) {
		return action('off', 'downloads the uninstaller of', named(['aegis']));
	}
	return undefined;
}

/** `ps aux | grep aegis | awk '{print $2}' | xargs kill -9`: processes found by name, then killed. */
function pipedKill(pipeline: Pipeline): AgentAction | undefined {
	const commands = pipeline.commands;
	for (let index = 0; index < commands.length; index++) {
		const finder = hostCommand(commands[index]);
		if (!finder || !/^(?:grep|egrep|pgrep|pidof)$/.test(finder.name)) {
			continue;
		}
		const agents = positionalWords(finder.args, new Set(['-e', '-u'])).flatMap(word => agentsMentioned(word.text).map(mention => mention.agent));
		if (agents.length === 0) {
			continue;
		}
		for (const later of commands.slice(index + 1)) {
			const host = hostCommand(later);
			const killAt = host?.name === 'xargs' ? host.args.findIndex(word => programName(word.text) === 'kill') : -1;
			if (host && killAt >= 0 && sendsStoppingSignal(host.args.slice(killAt + 1))) {
				return { kind: 'off', verb: 'kills', agents: unique(agents), start: finder.program.start, end: host.last.end };
			}
		}
	}
	return undefined;
}

function named(names: readonly string[]): SecurityAgent[] {
	return names.map(agentNamed).filter((agent): agent is SecurityAgent => agent !== undefined);
}

function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}

function isString(value: string | undefined): value is string {
	return value !== undefined;
}
