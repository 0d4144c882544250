import type { Command, Word } from './shell-reader';

/**
 * Helpers over parsed shell commands: which program a command runs and how it reads its input,
 * so rules flag `xmrig -o ...` but not `pkill xmrig`, and `curl ... | sh` but not
 * `curl ... | sha256sum`.
 */
export { parseScript, type Command, type Pipeline, type Redirect, type Word } from './shell-reader';

/** Words a shell treats as syntax before the command it runs. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', 'time', '!', '{', '}', 'fi', 'done', 'esac']);

interface Wrapper {
	/** Options that take a value (`sudo -u app`). */
	readonly valued: ReadonlySet<string>;
	/** Positional words before the command (timeout's duration, taskset's mask). */
	readonly positional: number;
}

/** Programs that run the command written after their own options. */
const WRAPPERS: Readonly<Record<string, Wrapper>> = {
	sudo: { valued: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T']), positional: 0 },
	doas: { valued: new Set(['-u', '-C']), positional: 0 },
	nohup: { valued: new Set(), positional: 0 },
	setsid: { valued: new Set(), positional: 0 },
	exec: { valued: new Set(['-a']), positional: 0 },
	command: { valued: new Set(), positional: 0 },
	builtin: { valued: new Set(), positional: 0 },
	busybox: { valued: new Set(), positional: 0 },
	env: { valued: new Set(['-u', '-C', '-S']), positional: 0 },
	nice: { valued: new Set(['-n']), positional: 0 },
	ionice: { valued: new Set(['-c', '-n', '-p']), positional: 0 },
	timeout: { valued: new Set(['-s', '-k']), positional: 1 },
	stdbuf: { valued: new Set(['-i', '-o', '-e']), positional: 0 },
	taskset: { valued: new Set(), positional: 1 },
	screen: { valued: new Set(['-S', '-c', '-L', '-Logfile']), positional: 0 },
	runuser: { valued: new Set(['-u', '-g', '-G']), positional: 0 },
};

/** systemd unit lines hold a command too: `ExecStart=/opt/app/run --flag`. */
const SYSTEMD_EXEC = /^Exec(?:Start|StartPre|StartPost|Reload|Stop)=[-@:+!]{0,3}/;

/**
 * Where the program a command runs sits among its words, looking through assignments
 * (`FOO=1 app`), reserved words and wrappers (`sudo -u app nohup app`). -1 when there is none.
 */
export function commandIndex(words: readonly Word[]): number {
	let index = commandIndexes.get(words);
	if (index === undefined) {
		index = findCommandIndex(words);
		commandIndexes.set(words, index);
	}
	return index;
}

/**
 * Parsed commands are shared by every rule that reads the file's scripts (see scriptUnits), and
 * each asks where the program sits, so the answer is kept with the command's words.
 */
const commandIndexes = new WeakMap<readonly Word[], number>();

function findCommandIndex(words: readonly Word[]): number {
	let index = 0;
	while (index < words.length) {
		const text = words[index].text;
		if (text.startsWith('Exec') && SYSTEMD_EXEC.test(text)) {
			if (text.replace(SYSTEMD_EXEC, '') !== '') {
				return index;
			}
			index++;
		} else if (RESERVED.has(text) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
			index++;
		} else {
			const wrapper = WRAPPERS[programName(text)];
			if (!wrapper) {
				return index;
			}
			index = skipWrapperOptions(words, index + 1, wrapper);
		}
	}
	return -1;
}

/** The program a command runs, as a lower-case base name (`/usr/bin/python3` -> `python3`). */
export function commandName(command: Command): string | undefined {
	const index = commandIndex(command.words);
	return index < 0 ? undefined : programName(command.words[index].text);
}

/** The lower-case base name of a program word; a systemd `ExecStart=` prefix is dropped. */
export function programName(word: string): string {
	const path = word.startsWith('Exec') ? word.replace(SYSTEMD_EXEC, '') : word;
	return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** The words after the program the command runs. */
export function programArguments(command: Command): readonly Word[] {
	const index = commandIndex(command.words);
	return index < 0 ? [] : command.words.slice(index + 1);
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);
const INTERPRETERS = /^(?:python[0-9.]{0,5}|perl|ruby|node|nodejs|php)$/;

export function isShell(name: string | undefined): boolean {
	return name !== undefined && SHELLS.has(name);
}

export function isInterpreter(name: string | undefined): boolean {
	return name !== undefined && INTERPRETERS.test(name);
}

/**
 * Whether a shell or script interpreter runs the program it reads on standard input:
 * `sh`, `bash -s -- arg`, `python3 -` do; `bash -c '...'`, `sh install.sh`,
 * `python3 -m json.tool` read their program elsewhere and treat stdin as data.
 */
export function runsStandardInput(command: Command): boolean {
	const name = commandName(command);
	const interpreter = isInterpreter(name);
	if (!isShell(name) && !interpreter) {
		return false;
	}
	// Option letters that name the program some other way: a shell's -c; an interpreter's -c, -m, -e, -E, -p, -r, -n.
	const programFlags = interpreter ? /[cmeEprn]/ : /c/;
	for (const word of programArguments(command)) {
		const text = word.text;
		if (text === '-' || text === '-s' && !interpreter) {
			return true;
		}
		if (text === '--') {
			return !interpreter;
		}
		if (/^-[A-Za-z]+$/.test(text)) {
			if (programFlags.test(text.slice(1))) {
				return false;
			}
		} else if (!text.startsWith('--') && !text.startsWith('+')) {
			// A script file or another positional word: stdin is that program's data.
			return false;
		}
	}
	return true;
}

/** Whether a shell is started interactive (`bash -i`, `sh -li`). */
export function isInteractiveShell(command: Command): boolean {
	return isShell(commandName(command)) && programArguments(command).some(word => /^-[A-Za-z]*i[A-Za-z]*$/.test(word.text));
}

function skipWrapperOptions(words: readonly Word[], from: number, wrapper: Wrapper): number {
	let index = from;
	while (index < words.length) {
		const text = words[index].text;
		if (text === '--') {
			index++;
			break;
		}
		if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
			index++;
		} else if (text.startsWith('-') && text !== '-') {
			// `-u app`, and a cluster whose last letter takes the value: `screen -dmS name`.
			const takesValue = wrapper.valued.has(text) || /^-[A-Za-z]{2,}$/.test(text) && wrapper.valued.has(`-${text.slice(-1)}`);
			index += takesValue ? 2 : 1;
		} else {
			break;
		}
	}
	return Math.min(index + wrapper.positional, words.length);
}
