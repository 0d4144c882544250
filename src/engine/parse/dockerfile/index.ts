import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import type { Comment, ParsedFile, ParseNote, Resource } from '../../model/file';
import type { Entry, ObjectNode } from '../../model/nodes';
import { get, literalString } from '../../model/query';
import { LineIndex } from '../../text/line-index';
import type { ParseInput, Parser } from '../parser';
import { shellComments } from '../shell/comments';
import { convertInstruction, spanOf, type ConvertContext } from './instructions';

/**
 * How much of a Dockerfile is read. Real ones are a few kilobytes; dockerfile-ast takes seconds
 * on megabytes of garbage, which the editor must not wait for.
 */
export const MAX_DOCKERFILE_LENGTH = 256 * 1024;

/** Instructions whose shell form is run by a shell, so a `#` after the command is a shell comment. */
const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * Dockerfiles (and Containerfiles), read with dockerfile-ast: one root object whose entries are
 * the instructions in order, and one resource per build stage. Never throws.
 */
export function createDockerfileParser(): Parser {
	return { parse: parseDockerfile };
}

function parseDockerfile(input: ParseInput): ParsedFile {
	const text = input.text;
	const lines = new LineIndex(text);
	const notes: ParseNote[] = [];
	const readable = readablePart(text);
	if (readable < text.length) {
		notes.push({
			span: { start: readable, end: readable },
			message: `This Dockerfile is longer than ${MAX_DOCKERFILE_LENGTH / 1024} KB; only the part before this point is scanned.`,
		});
	}
	const file = { path: input.path, format: 'dockerfile' as const, text, lines };
	try {
		const dockerfile = DockerfileParser.parse(text.slice(0, readable));
		const context: ConvertContext = { text, lines, escape: dockerfile.getEscapeCharacter() || '\\' };
		const entries: Entry[] = [];
		for (const instruction of dockerfile.getInstructions()) {
			const entry = convertInstruction(instruction, context);
			if (entry) {
				entries.push(entry);
			}
		}
		const root: ObjectNode = { kind: 'object', span: { start: 0, end: readable }, entries };
		return { ...file, roots: [root], resources: stages(entries), comments: commentsOf(dockerfile, entries, context), notes };
	} catch {
		// Not expected for any input; the file then gets no findings rather than a crash.
		notes.push({ span: { start: 0, end: 0 }, message: 'This Dockerfile could not be read, so it was not checked.' });
		return { ...file, roots: [{ kind: 'object', span: { start: 0, end: text.length }, entries: [] }], resources: [], comments: [], notes };
	}
}

/** The end of the last whole line within the length limit. */
function readablePart(text: string): number {
	if (text.length <= MAX_DOCKERFILE_LENGTH) {
		return text.length;
	}
	const cut = text.lastIndexOf('\n', MAX_DOCKERFILE_LENGTH);
	return cut > 0 ? cut : MAX_DOCKERFILE_LENGTH;
}

/**
 * Each build stage, from its `FROM` to the instruction before the next one, named by its
 * `AS` name or, as Docker numbers them, by its index. The body lists the stage's instructions.
 */
function stages(entries: readonly Entry[]): Resource[] {
	const resources: Resource[] = [];
	let index = 0;
	entries.forEach((entry, position) => {
		if (entry.key !== 'FROM') {
			return;
		}
		let last = position;
		while (last + 1 < entries.length && entries[last + 1].key !== 'FROM') {
			last++;
		}
		const members = entries.slice(position, last + 1);
		const span = { start: entry.span.start, end: entries[last].span.end };
		resources.push({
			type: 'dockerfile:stage',
			name: literalString(get(entry.value, 'as')) ?? String(index),
			span,
			headerSpan: entry.span,
			body: { kind: 'object', span, entries: members },
		});
		index++;
	});
	return resources;
}

/**
 * Dockerfile comment lines (parser directives are not comments), and the shell comments after
 * a shell-form command (`RUN make # why`), so a suppression can sit at the end of a `RUN` line.
 */
function commentsOf(dockerfile: Dockerfile, entries: readonly Entry[], context: ConvertContext): Comment[] {
	const byStart = new Map<number, Comment>();
	for (const comment of dockerfile.getComments()) {
		const span = spanOf(comment.getRange(), context);
		const hash = context.text.indexOf('#', span.start);
		if (hash >= 0 && hash < span.end) {
			byStart.set(hash, { span: { start: hash, end: span.end }, text: context.text.slice(hash + 1, span.end) });
		}
	}
	for (const entry of entries) {
		if (SHELL_FORM.has(entry.key) && entry.value.kind === 'string' && !entry.value.value.includes('<<')) {
			for (const comment of shellComments(context.text, entry.value.span.start, entry.value.span.end)) {
				if (!byStart.has(comment.span.start)) {
					byStart.set(comment.span.start, comment);
				}
			}
		}
	}
	return [...byStart.values()].sort((a, b) => a.span.start - b.span.start);
}
