import type { ParsedFile } from '../../model/file';
import type { Span } from '../../model/range';
import { imageRefs } from './images';
import { scriptUnits, type ScriptUnit } from './scripts';
import { isInterpreter, isShell, programName, type Command, type Word } from './shell';
import { searchText } from './text';
import type { ToolCatalog, ToolMatch } from './tools';
import { describeLocation } from './where';

/** Where a configuration uses a cataloged tool, and how. */
export interface ToolUse {
	readonly span: Span;
	readonly tool: string;
	/** `image`: a container image; `runs`: a command runs it (or a container of it); `fetches`: a command downloads or installs it. */
	readonly how: 'image' | 'runs' | 'fetches';
	/** `'image' of Deployment 'x'`, for messages. */
	readonly where: string;
	/** The program that fetches (`git`, `apt-get`) when `how` is `fetches`. */
	readonly fetcher?: string;
}

export interface ToolSearch {
	readonly catalog: ToolCatalog;
	/** Whether downloading or installing the tool is a finding, not only running it. */
	readonly installs: boolean;
	/** Drops a match whose arguments show another program of the same name (Ory Hydra is not THC-Hydra). */
	accepts?(tool: string, args: readonly Word[]): boolean;
}

/** Programs that start a container from the image named in their arguments. */
const CONTAINER_CLIS = new Set(['docker', 'podman', 'nerdctl', 'ctr', 'crictl', 'kubectl', 'finch']);

/** Programs whose arguments download or install software. */
const FETCHERS = new Set([
	'curl', 'wget', 'git', 'apt', 'apt-get', 'yum', 'dnf', 'apk', 'zypper', 'pacman', 'snap', 'brew',
	'pip', 'pip3', 'pipx', 'gem', 'go', 'npm', 'cargo',
]);

/** Every use of a cataloged tool in the file's images and scripts, one per place. */
export function findToolUses(file: ParsedFile, search: ToolSearch): ToolUse[] {
	if (!search.catalog.mayAppearIn(searchText(file))) {
		return [];
	}
	const uses: ToolUse[] = [];
	const seen = new Set<string>();
	const add = (use: ToolUse): void => {
		// An exec-form item is read as a word of its array and as a script of its own: keep one.
		const key = `${use.span.start}:${use.span.end}`;
		if (!seen.has(key)) {
			seen.add(key);
			uses.push(use);
		}
	};
	for (const image of imageRefs(file)) {
		const found = search.catalog.inImage(image.image);
		if (found) {
			add({ span: image.spanOf(found.start, found.end), tool: found.tool, how: 'image', where: image.where });
		}
	}
	for (const unit of scriptUnits(file)) {
		for (const pipeline of unit.pipelines) {
			for (const command of pipeline.commands) {
				const use = commandUse(unit, command, search);
				if (use) {
					add(use);
				}
			}
		}
	}
	return uses;
}

function commandUse(unit: ScriptUnit, command: Command, search: ToolSearch): ToolUse | undefined {
	const index = command.programIndex;
	if (index < 0) {
		return undefined;
	}
	const where = describeLocation(unit.ref.resource, unit.ref.key);
	const words = command.words;
	const name = programName(words[index].text);
	const args = words.slice(index + 1);
	const at = (word: Word, found: ToolMatch, how: ToolUse['how'], fetcher?: string): ToolUse =>
		({ span: unit.spanOf(word.start + found.start, word.start + found.end), tool: found.tool, how, where, fetcher });
	const accepted = (found: ToolMatch | undefined, rest: readonly Word[]): found is ToolMatch =>
		found !== undefined && (search.accepts?.(found.tool, rest) ?? true);

	// An argv item with spaces is a script given to `sh -c`; it is read as a unit of its own.
	if (!/\s/.test(words[index].text)) {
		const found = search.catalog.inProgram(raw(unit, words[index]));
		if (accepted(found, args)) {
			return at(words[index], found, 'runs');
		}
	}
	if (isInterpreter(name) || isShell(name)) {
		// `python3 sqlmap.py ...`, `perl nikto.pl ...`: the script the interpreter runs is the program.
		const script = args.findIndex(word => !word.text.startsWith('-'));
		const word = args[script];
		if (word && !/\s/.test(word.text) && (script === 0 || !/^-[A-Za-z]*[cemrE]$/.test(args[script - 1].text))) {
			const found = search.catalog.inProgram(raw(unit, word));
			if (accepted(found, args.slice(script + 1))) {
				return at(word, found, 'runs');
			}
		}
	}
	if (CONTAINER_CLIS.has(name)) {
		for (const word of args) {
			const text = raw(unit, word);
			const image = text.startsWith('--image=') ? text.slice('--image='.length) : text;
			if (image.startsWith('-') || /\s/.test(word.text)) {
				continue;
			}
			const found = search.catalog.inImage(image);
			if (found) {
				const offset = text.length - image.length;
				return at(word, { ...found, start: offset + found.start, end: offset + found.end }, 'runs');
			}
		}
	}
	if (search.installs && FETCHERS.has(name)) {
		for (const word of args) {
			if (word.text.startsWith('-')) {
				continue;
			}
			const found = search.catalog.inSource(raw(unit, word));
			if (found) {
				return at(word, found, 'fetches', name);
			}
		}
	}
	return undefined;
}

/** The word as written: quotes are not letters, so token boundaries hold and offsets map to the source. */
function raw(unit: ScriptUnit, word: Word): string {
	return unit.text.slice(word.start, word.end);
}
