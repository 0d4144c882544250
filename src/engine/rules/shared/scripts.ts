import type { ParsedFile } from '../../model/file';
import { sourceOffset, sourceSpan, type StringNode } from '../../model/nodes';
import { scriptValues, type StringRef } from '../../model/query';
import type { Span } from '../../model/range';
import { command, parseScript, type Pipeline } from './shell-reader';
import { memoized, memoKey } from '../../model/memo';

/** How deep `sh -c '...'` inside `sh -c '...'` is read: deeper nesting is not seen in real configs. */
const MAX_NESTING = 3;

/**
 * A script as rules read it: a string run by a shell (user data, `sh -c` text, a Compose
 * `command:` string), or an exec-form array (`command: ["xmrig", "-o", "..."]`) whose items are
 * the words of one command. `text` is what regexes run on; `spanOf` maps its offsets to the source.
 */
export interface ScriptUnit {
	readonly text: string;
	readonly pipelines: readonly Pipeline[];
	/** The first string of the unit, for messages that name where it sits. */
	readonly ref: StringRef;
	spanOf(start: number, end: number): Span;
}

/** Keys whose arrays are argument vectors rather than lists of script lines (Terraform `inline`, cloud-init `runcmd`). */
const ARGV_KEYS = new Set(['command', 'args', 'entrypoint', 'Command', 'EntryPoint', 'Entrypoint', 'Args', 'CMD', 'ENTRYPOINT']);

const UNITS = memoKey<ScriptUnit[]>('script units');

/** Every script in the file, computed once per parsed file. */
export function scriptUnits(file: ParsedFile): readonly ScriptUnit[] {
	return memoized(file, UNITS, () => collectUnits(scriptValues(file)));
}

function collectUnits(refs: readonly StringRef[]): ScriptUnit[] {
	const units: ScriptUnit[] = [];
	let index = 0;
	while (index < refs.length) {
		const ref = refs[index];
		const parent = arrayParent(ref);
		if (parent === undefined) {
			units.push(...withNestedUnits(stringUnit(ref)));
			index++;
			continue;
		}
		const items = [ref];
		while (index + items.length < refs.length && arrayParent(refs[index + items.length]) === parent) {
			items.push(refs[index + items.length]);
		}
		units.push(argvUnit(items));
		// An item with several words is a script of its own, as in `["/bin/sh", "-c", "curl ... | sh"]`.
		for (const item of items) {
			if (/\s/.test(item.node.value.trim())) {
				units.push(...withNestedUnits(stringUnit(item)));
			}
		}
		index += items.length;
	}
	return units;
}

/** cloud-init lists whose items are commands: a string is a script, a list is an argv (`[ wget, -q, URL ]`). */
const COMMAND_LIST_KEYS = new Set(['runcmd', 'bootcmd']);

/** A key identifying the argv array a string is an item of, or undefined when it is not one. */
function arrayParent(ref: StringRef): string | undefined {
	const last = ref.path[ref.path.length - 1];
	const owner = ref.path[ref.path.length - 2];
	const isArgv = typeof owner === 'string' ? ARGV_KEYS.has(owner)
		: typeof owner === 'number' && COMMAND_LIST_KEYS.has(String(ref.path[ref.path.length - 3]));
	if (typeof last !== 'number' || !isArgv) {
		return undefined;
	}
	return JSON.stringify(ref.path.slice(0, -1));
}

function stringUnit(ref: StringRef): ScriptUnit {
	const node = ref.node;
	return {
		text: node.value,
		pipelines: parseScript(node.value),
		ref,
		spanOf: (start, end) => sourceSpan(node, start, end),
	};
}

/**
 * The quoted scripts given to `-c` inside a unit (`su -c 'xmrig ...'`, `bash -c "..."`): read as
 * units of their own, so what they run is seen with exact ranges. Only quotes without escapes are
 * opened, because then the text inside maps one to one onto the source.
 */
function withNestedUnits(unit: ScriptUnit, depth = 0): ScriptUnit[] {
	const units = [unit];
	if (depth >= MAX_NESTING) {
		return units;
	}
	for (const pipeline of unit.pipelines) {
		for (const command of pipeline.commands) {
			command.words.forEach((word, index) => {
				const raw = unit.text.slice(word.start, word.end);
				const previous = command.words[index - 1]?.text ?? '';
				if (!/^-[A-Za-z]*c$/.test(previous) || !/^(?:'[^']*'|"[^"\\]*")$/.test(raw)) {
					return;
				}
				const offset = word.start + 1;
				const text = raw.slice(1, -1);
				units.push(...withNestedUnits({
					text,
					pipelines: parseScript(text),
					ref: unit.ref,
					spanOf: (start, end) => unit.spanOf(offset + start, offset + end),
				}, depth + 1));
			});
		}
	}
	return units;
}

/** The items joined by single spaces, each item one word whatever it contains. */
function argvUnit(items: readonly StringRef[]): ScriptUnit {
	const starts: number[] = [];
	let text = '';
	for (const item of items) {
		if (text) {
			text += ' ';
		}
		starts.push(text.length);
		text += item.node.value;
	}
	const words = items.map((item, i) => ({ text: item.node.value, start: starts[i], end: starts[i] + item.node.value.length }));
	const locate = (offset: number): { node: StringNode; offset: number } => {
		let i = starts.length - 1;
		while (i > 0 && starts[i] > offset) {
			i--;
		}
		const node = items[i].node;
		return { node, offset: Math.min(offset - starts[i], node.value.length) };
	};
	return {
		text,
		pipelines: [{ commands: [command(words, [], 0, text.length)] }],
		ref: items[0],
		spanOf: (start, end) => {
			const from = locate(start);
			if (end <= start) {
				const at = sourceOffset(from.node.map, from.offset);
				return { start: at, end: at };
			}
			const to = locate(end - 1);
			const last = sourceSpan(to.node, to.offset, to.offset + 1);
			return { start: sourceOffset(from.node.map, from.offset), end: last.end };
		},
	};
}
