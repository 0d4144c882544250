import { programIndex, programName, type Command, type Word } from './shell';

/**
 * The program a command runs on the host, looking through `chroot /host` and `nsenter -t 1 ...`
 * as well as the wrappers `programIndex` knows: a privileged container reaches its node's
 * services that way, so `chroot /host systemctl stop auditd` stops the node's audit daemon.
 */
export interface HostCommand {
	readonly program: Word;
	/** Lower-case base name of the program. */
	readonly name: string;
	readonly args: readonly Word[];
	/** The last word of the command (redirections left out), for ranges. */
	readonly last: Word;
}

const NSENTER_VALUED = new Set(['-t', '--target', '-S', '--setuid', '-G', '--setgid']);

export function hostCommand(command: Command): HostCommand | undefined {
	const words = command.words;
	let index = command.programIndex;
	// Bounded: each step moves past at least one word.
	while (index >= 0 && index < words.length) {
		const name = programName(words[index].text);
		let next: number;
		if (name === 'chroot') {
			next = skipOptions(words, index + 1, new Set()) + 1;
		} else if (name === 'nsenter') {
			next = skipOptions(words, index + 1, NSENTER_VALUED);
		} else {
			return { program: words[index], name, args: words.slice(index + 1), last: words[words.length - 1] };
		}
		const rest = programIndex(words.slice(next));
		index = rest < 0 ? -1 : next + rest;
	}
	return undefined;
}

function skipOptions(words: readonly Word[], from: number, valued: ReadonlySet<string>): number {
	let index = from;
	while (index < words.length && words[index].text.startsWith('-')) {
		if (words[index].text === '--') {
			return index + 1;
		}
		index += valued.has(words[index].text) ? 2 : 1;
	}
	return index;
}

/** The words that are not options, given which options take a value (`-u root`). */
export function positionalWords(args: readonly Word[], valued: ReadonlySet<string> = new Set()): Word[] {
	const words: Word[] = [];
	for (let index = 0; index < args.length; index++) {
		const text = args[index].text;
		if (text === '--') {
			words.push(...args.slice(index + 1));
			break;
		}
		if (text.startsWith('-') && text !== '-') {
			if (valued.has(text)) {
				index++;
			}
			continue;
		}
		words.push(args[index]);
	}
	return words;
}

/** Signals that end or freeze a process; HUP, USR1, USR2 and CONT ask a daemon to reload or resume. */
const GENTLE_SIGNALS = new Set(['0', '1', 'hup', '10', 'usr1', '12', 'usr2', '18', 'cont', '28', 'winch']);

/**
 * Whether `kill`, `pkill`, `killall` or `systemctl kill` sends a signal that stops the process:
 * the default (TERM) does; `-HUP` and `-s USR1` do not.
 */
export function sendsStoppingSignal(args: readonly Word[]): boolean {
	for (let index = 0; index < args.length; index++) {
		const text = args[index].text;
		let signal: string | undefined;
		if (text === '-s' || text === '--signal' || text === '-n') {
			signal = args[index + 1]?.text;
		} else if (text.startsWith('--signal=')) {
			signal = text.slice('--signal='.length);
		} else if (/^-(?:\d+|(?:SIG)?[A-Z][A-Z0-9]+)$/.test(text)) {
			signal = text.slice(1);
		}
		if (signal !== undefined) {
			return !GENTLE_SIGNALS.has(signal.toLowerCase().replace(/^sig/, ''));
		}
	}
	return true;
}
