import type { Command, Word } from './shell-reader';

/**
 * Helpers over parsed shell commands: which program a command runs and how it reads its input,
 * so rules flag `xmrig -o ...` but not `pkill xmrig`, and `curl ... | sh` but not
 * `curl ... | sha256sum`.
 */
export { parseScript, type Command, type Pipeline, type Redirect, type Word } from './shell-reader';
export { programIndex, programName } from './command-program';

/** The program a command runs, as a lower-case base name (`/usr/bin/python3` -> `python3`). */
export function commandName(command: Command): string | undefined {
	return command.programName;
}

/** The words after the program the command runs. */
export function programArguments(command: Command): readonly Word[] {
	const index = command.programIndex;
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
