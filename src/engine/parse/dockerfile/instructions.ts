import { Copy, Env, Arg, Label, Onbuild, Run, type Instruction, type Property } from 'dockerfile-ast';
import type { Entry, ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { verbatimMap } from '../../model/nodes';
import type { Span } from '../../model/range';
import type { LineIndex } from '../../text/line-index';
import { decodeExecForm, decodeWord } from './decode';
import { logicalString, logicalText, sliceLogical, spanOfLogical, trimLogical, wordsOf, type Logical } from './logical';

export interface ConvertContext {
	readonly text: string;
	readonly lines: LineIndex;
	readonly escape: string;
}

interface RangeLike {
	readonly start: { readonly line: number; readonly character: number };
	readonly end: { readonly line: number; readonly character: number };
}

/**
 * One instruction as an entry keyed by its keyword in upper case. Shell-form arguments become
 * one string with the continued lines joined; the exec form a list of strings; `FROM` an object
 * with the `image` (so image rules read it as they read Kubernetes and Compose images);
 * `ENV`, `ARG` and `LABEL` objects of their `KEY=value` pairs; `HEALTHCHECK CMD ...` and
 * `ONBUILD RUN ...` objects holding the instruction they wrap.
 */
export function convertInstruction(instruction: Instruction, context: ConvertContext): Entry | undefined {
	const keyword = instruction.getKeyword();
	if (!/^[A-Z]{2,20}$/.test(keyword)) {
		return undefined;
	}
	const keySpan = spanOf(instruction.getInstructionRange(), context);
	const whole = spanOf(instruction.getRange(), context);
	const value = valueOf(instruction, keyword, keySpan.end, context);
	return { key: keyword, keySpan, value, span: { start: keySpan.start, end: Math.max(whole.end, value.span.end) } };
}

function valueOf(instruction: Instruction, keyword: string, after: number, context: ConvertContext): ValueNode {
	const range = instruction.getArgumentsRange();
	if (!range) {
		return isPropertyList(instruction) ? { kind: 'object', span: { start: after, end: after }, entries: [] } : emptyString(after);
	}
	const { start, end } = spanOf(range, context);
	if (hasHeredoc(instruction)) {
		// A heredoc's body is passed to the shell as written: no continuation applies inside it.
		return { kind: 'string', span: { start, end }, value: context.text.slice(start, end), map: verbatimMap(start, end - start), isLiteral: true };
	}
	const logical = trimLogical(logicalText(context.text, start, end, context.escape));
	if (isPropertyList(instruction)) {
		return propertiesValue(instruction.getProperties(), logical, context);
	}
	if (instruction instanceof Onbuild) {
		const trigger = instruction.getTriggerInstruction();
		const entry = trigger && convertInstruction(trigger, context);
		return entry ? { kind: 'object', span: entry.span, entries: [entry] } : commandValue(context, logical);
	}
	switch (keyword) {
		case 'FROM':
			return fromValue(logical);
		case 'HEALTHCHECK':
			return healthcheckValue(context, logical);
		default:
			return commandValue(context, logical);
	}
}

/** The exec form when the arguments are a JSON array of strings, else the shell form's text. */
function commandValue(context: ConvertContext, logical: Logical): ValueNode {
	return decodeExecForm(context.text, logical) ?? logicalString(logical, 0);
}

/** `FROM [--platform=...] image [AS name]`: `{ image, platform?, as? }`. */
function fromValue(logical: Logical): ObjectNode {
	const entries: Entry[] = [];
	const words = wordsOf(logical);
	let index = 0;
	for (; index < words.length && words[index].value.startsWith('--'); index++) {
		const flag = /^--([A-Za-z-]+)=/.exec(words[index].value);
		if (flag) {
			entries.push(pairEntry(flag[1], words[index], sliceLogical(words[index], flag[0].length, words[index].value.length)));
		}
	}
	const image = words[index];
	if (image) {
		entries.push(pairEntry('image', image, image));
		const stage = words[index + 2];
		if (words[index + 1]?.value.toUpperCase() === 'AS' && stage) {
			entries.push(pairEntry('as', words[index + 1], stage));
		}
	}
	return { kind: 'object', span: spanOfLogical(logical, 0), entries };
}

/** `HEALTHCHECK [options] CMD command`: `{ CMD: ... }`, so the check's command is read as one; `NONE` stays a string. */
function healthcheckValue(context: ConvertContext, logical: Logical): ValueNode {
	const match = /^((?:--\S+\s+)*)(CMD)(\s+|$)/i.exec(logical.value);
	if (!match) {
		return logicalString(logical, 0);
	}
	const keyStart = match[1].length;
	const keyLogical = sliceLogical(logical, keyStart, keyStart + 3);
	const command = trimLogical(sliceLogical(logical, keyStart + 3, logical.value.length));
	const keySpan = spanOfLogical(keyLogical, 0);
	const value = command.value ? commandValue(context, command) : emptyString(keySpan.end);
	return { kind: 'object', span: spanOfLogical(logical, 0), entries: [{ key: 'CMD', keySpan, value, span: { start: keySpan.start, end: value.span.end } }] };
}

/** `KEY=value` pairs (and the legacy `ENV KEY value`), each value unquoted; `ARG NAME` alone is null. */
function propertiesValue(properties: readonly Property[], logical: Logical, context: ConvertContext): ObjectNode {
	const entries: Entry[] = [];
	for (const property of properties) {
		const keySpan = spanOf(property.getNameRange(), context);
		const valueRange = property.getValueRange();
		let value: ValueNode;
		if (valueRange) {
			const span = spanOf(valueRange, context);
			value = decodeWord(context.text, logicalText(context.text, span.start, span.end, context.escape), context.escape);
		} else {
			value = { kind: 'null', span: { start: keySpan.end, end: keySpan.end } };
		}
		entries.push({ key: property.getName(), keySpan, value, span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) } });
	}
	return { kind: 'object', span: spanOfLogical(logical, 0), entries };
}

function pairEntry(key: string, keyPart: Logical, valuePart: Logical): Entry {
	const keySpan = spanOfLogical(keyPart, 0);
	const value = logicalString(valuePart, keySpan.end);
	return { key, keySpan, value, span: { start: keySpan.start, end: value.span.end } };
}

function isPropertyList(instruction: Instruction): instruction is Env | Arg | Label {
	return instruction instanceof Env || instruction instanceof Arg || instruction instanceof Label;
}

function hasHeredoc(instruction: Instruction): boolean {
	return (instruction instanceof Run || instruction instanceof Copy) && instruction.getHeredocs().length > 0;
}

function emptyString(at: number): StringNode {
	return { kind: 'string', span: { start: at, end: at }, value: '', map: verbatimMap(at, 0), isLiteral: true };
}

export function spanOf(range: RangeLike, context: ConvertContext): Span {
	const start = context.lines.offsetAt(range.start);
	return { start, end: Math.max(start, context.lines.offsetAt(range.end)) };
}
