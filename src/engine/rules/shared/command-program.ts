import type { Word } from './shell-reader';

/**
 * Which word of a simple command is the program it runs: what a shell reads as syntax, variable
 * assignments and wrappers (`sudo`, `nohup`, `timeout 5`) come first. The shell reader works this
 * out once per command; rules read it from the command.
 */

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
export function programIndex(words: readonly Word[]): number {
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

/** The lower-case base name of a program word; a systemd `ExecStart=` prefix is dropped. */
export function programName(word: string): string {
	const path = word.startsWith('Exec') ? word.replace(SYSTEMD_EXEC, '') : word;
	return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
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
