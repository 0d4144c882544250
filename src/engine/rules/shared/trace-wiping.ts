import { hostCommand, positionalWords } from './host-commands';
import type { Command, Word } from './shell';

/**
 * Commands that erase the record of what ran on a host: deleting or emptying system logs
 * (`rm -rf /var/log/*`, `> /var/log/auth.log`, `truncate -s 0 /var/log/syslog`) and turning off
 * or clearing shell history (`history -c`, `unset HISTFILE`, `export HISTFILE=/dev/null`).
 * Log rotation and cleanup of old or application logs (`find /var/log -mtime +7 -delete`,
 * `rm -rf /var/log/nginx/*`) are not wiping.
 */
export interface TraceWipe {
	readonly what: 'logs' | 'history';
	/** The path or setting named, for the message: `/var/log/*`, `unset HISTFILE`. */
	readonly detail: string;
	/** Offsets in the script text. */
	readonly start: number;
	readonly end: number;
}

/** The system log folder itself or a glob over it, the security logs in it, and login records. */
const SYSTEM_LOG = /^\/var\/log(?:\/(?:\*|\*\.log|(?:auth\.log|secure|syslog|messages|kern\.log)(?:[.-]?\*)?|audit(?:\/(?:\*|audit\.log[^/]*))?|journal(?:\/\*)?|wtmp|btmp|lastlog|faillog))?\/?$|^\/run\/log\/journal(?:\/\*)?\/?$/;
const HISTORY_FILE = /(?:^|\/)\.(?:bash|zsh|ash|sh)_history$/;
const HISTORY_VARIABLES = /^(?:HISTFILE=(?:\/dev\/null)?|HISTSIZE=0|HISTFILESIZE=0|SAVEHIST=0)$/;
/** Tests that make `find /var/log ... -delete` a retention policy rather than a wipe. */
const FIND_FILTERS = new Set(['-mtime', '-mmin', '-ctime', '-cmin', '-atime', '-amin', '-newer', '-size']);

export function traceWipes(command: Command): TraceWipe[] {
	const wipes: TraceWipe[] = [];
	const host = hostCommand(command);
	const start = host?.program.start ?? command.start;
	const end = host?.last.end ?? command.end;
	const logOrHistory = (path: string): TraceWipe['what'] | undefined => SYSTEM_LOG.test(path) ? 'logs' : HISTORY_FILE.test(path) ? 'history' : undefined;
	// `> /var/log/auth.log`, `cat /dev/null > ~/.bash_history`: a truncating redirection empties the file.
	for (const redirect of command.redirects) {
		const path = redirect.target?.text;
		const what = path === undefined ? undefined : logOrHistory(path);
		if (what && path && (redirect.operator === '>' || redirect.operator === '>|' || redirect.operator === '&>')) {
			wipes.push({ what, detail: path, start: command.start, end: Math.max(end, redirect.end) });
		}
	}
	if (!host) {
		// Only assignments: `HISTFILE=/dev/null` on a line of its own.
		const assignment = command.words.find(word => HISTORY_VARIABLES.test(word.text));
		return assignment ? [...wipes, { what: 'history', detail: assignment.text, start: assignment.start, end: assignment.end }] : wipes;
	}
	const { name, args } = host;
	const paths = positionalWords(args, new Set(['-s', '--size', '-n', '--iterations']));
	const wiped = (what: TraceWipe['what'], detail: string): TraceWipe => ({ what, detail, start, end });
	switch (name) {
		case 'rm':
		case 'shred':
		case 'unlink':
		case 'truncate': {
			if (name === 'truncate' && !truncatesToZero(args)) {
				break;
			}
			const path = paths.find(word => logOrHistory(word.text));
			const what = path && logOrHistory(path.text);
			if (path && what) {
				wipes.push(wiped(what, path.text));
			}
			break;
		}
		case 'ln': {
			// `ln -sf /dev/null ~/.bash_history`: the history is thrown away as it is written.
			if (paths[0]?.text === '/dev/null' && paths[1] && logOrHistory(paths[1].text)) {
				wipes.push(wiped(logOrHistory(paths[1].text) ?? 'history', paths[1].text));
			}
			break;
		}
		case 'find': {
			const path = args[0]?.text.replace(/\/+$/, '');
			const deletes = args.some((word, index) => word.text === '-delete' || word.text === '-exec' && /^(?:rm|shred|truncate)$/.test(args[index + 1]?.text ?? ''));
			if ((path === '/var/log' || path === '/var/log/audit') && deletes && !args.some(word => FIND_FILTERS.has(word.text) || isRotatedName(args, word))) {
				wipes.push(wiped('logs', path));
			}
			break;
		}
		case 'history':
			if (args.some(word => /^-[A-Za-z]*c[A-Za-z]*$/.test(word.text))) {
				wipes.push(wiped('history', 'history -c'));
			}
			break;
		case 'unset':
			if (args.some(word => word.text === 'HISTFILE')) {
				wipes.push(wiped('history', 'unset HISTFILE'));
			}
			break;
		case 'export':
		case 'declare':
		case 'readonly':
		case 'typeset': {
			const setting = args.find(word => HISTORY_VARIABLES.test(word.text));
			if (setting) {
				wipes.push(wiped('history', setting.text));
			}
			break;
		}
		case 'set':
			if (args.some((word, index) => word.text === '+o' && args[index + 1]?.text === 'history')) {
				wipes.push(wiped('history', 'set +o history'));
			}
			break;
	}
	return wipes;
}

function truncatesToZero(args: readonly Word[]): boolean {
	return args.some((word, index) => word.text === '-s0' || word.text === '--size=0' || (word.text === '-s' || word.text === '--size') && args[index + 1]?.text === '0');
}

/** `-name '*.gz'`, `-name '*.1'`: only rotated copies are deleted. */
function isRotatedName(args: readonly Word[], word: Word): boolean {
	if (word.text !== '-name' && word.text !== '-iname') {
		return false;
	}
	const pattern = args[args.indexOf(word) + 1]?.text ?? '';
	return /(?:\.gz|\.xz|\.bz2|\.zst|\.old|\.\d|\.\[0-9\]|\.\*)$/.test(pattern);
}
