import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { StringNode, ValueNode } from '../../../src/engine/model/nodes';
import { get, getPath } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { ALIAS_BUDGET } from '../../../src/engine/parse/yaml/convert';
import { MAX_DEPTH } from '../../../src/engine/parse/yaml/cst';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';
import { scanText } from '../helpers/engine';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');
type YamlFormat = 'cloudformation' | 'kubernetes' | 'compose';

function parse(text: string, format: YamlFormat = 'kubernetes'): ParsedFile {
	const file = createYamlParser(format).parse({ path: 'file.yaml', text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function fixture(name: string): string {
	return readFileSync(path.join(FIXTURES, name), 'utf8');
}

function at(file: ParsedFile, span: Span | undefined): string {
	assert.ok(span, 'no span');
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Values a rule would visit walking the model as a tree (aliases repeat); stops counting at `limit`. */
function treeSize(node: ValueNode, limit = 10_000_000): number {
	let count = 0;
	const stack = [node];
	for (let next = stack.pop(); next && count < limit; next = stack.pop()) {
		count++;
		if (next.kind === 'object') {
			stack.push(...next.entries.map(entry => entry.value));
		} else if (next.kind === 'array') {
			stack.push(...next.items);
		}
	}
	return count;
}

function depthOf(node: ValueNode): number {
	let deepest = 0;
	const stack: [ValueNode, number][] = [[node, 1]];
	for (let next = stack.pop(); next; next = stack.pop()) {
		const [value, depth] = next;
		deepest = Math.max(deepest, depth);
		const children = value.kind === 'object' ? value.entries.map(entry => entry.value) : value.kind === 'array' ? value.items : [];
		stack.push(...children.map((child): [ValueNode, number] => [child, depth + 1]));
	}
	return deepest;
}

/** What must hold for any input: spans inside the text, maps that copy the source exactly. */
function assertSound(file: ParsedFile): void {
	const inside = (span: Span): void => assert.ok(span.start >= 0 && span.start <= span.end && span.end <= file.text.length, `span ${JSON.stringify(span)} in ${file.text.length}`);
	const stack = [...file.roots];
	for (let node = stack.pop(); node; node = stack.pop()) {
		inside(node.span);
		if (node.kind === 'object') {
			for (const entry of node.entries) {
				inside(entry.keySpan);
				inside(entry.span);
				stack.push(entry.value);
			}
		} else if (node.kind === 'array') {
			stack.push(...node.items);
		} else if (node.kind === 'string') {
			assertMapped(file.text, node);
		}
	}
	[...file.comments, ...file.notes, ...file.resources.map(resource => ({ span: resource.headerSpan }))].forEach(item => inside(item.span));
}

function assertMapped(text: string, node: StringNode): void {
	for (const segment of node.map.segments) {
		assert.equal(text.slice(segment.sourceStart, segment.sourceStart + segment.length), node.value.slice(segment.valueStart, segment.valueStart + segment.length));
	}
}

describe('YAML parser: broken and hostile input', () => {
	it('a half-typed document yields what parsed, with one note saying where and what it means', () => {
		const file = parse(fixture('half-typed.yaml'));
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name]), [['Pod', 'miner-check'], ['Pod', 'half-typed']]);
		assert.equal(file.notes.length, 1);
		assert.equal(at(file, file.notes[0].span), '14:0-14:1');
		assert.match(file.notes[0].message, /^YAML syntax error on line 15: .+\. Findings in this document may be missing\.$/);
		const image = getPath(file.roots[1], 'spec', 'containers');
		assert.ok(image?.kind === 'array');
		const unfinished = get(image.items[0], 'image');
		assert.equal(unfinished?.kind === 'string' && unfinished.value, 'xmrig/xmrig:lat');
		// A string whose closing quote is not typed yet ends with its text, not on the next line.
		assert.equal(at(file, unfinished?.span), '17:13-17:29');
		assert.deepEqual(getPath(file.roots[1], 'metadata', 'labels', 'app')?.kind, 'string');
	});

	it('tells the user through the engine, as a note on the broken line', async () => {
		const result = await scanText('pods.yaml', fixture('half-typed.yaml'));
		assert.equal(result.format, 'kubernetes');
		assert.deepEqual(result.errors.filter(error => error.ruleId === undefined), []);
		assert.deepEqual(result.notes.map(note => note.range.start.line), [14]);
	});

	it('caps what an alias bomb expands to, and says so once', () => {
		const file = parse(fixture('alias-bomb.yaml'));
		assert.ok(treeSize(file.roots[0]) <= ALIAS_BUDGET + 200, `expanded to ${treeSize(file.roots[0])}`);
		assert.equal(file.notes.length, 1);
		assert.match(file.notes[0].message, /^Aliases in this file repeat too many values .+ \*c and the aliases after it are not expanded/);
		assert.equal(at(file, file.notes[0].span), '9:37-9:39');
		// Below the cap, aliases expand: the first levels are whole.
		assert.equal(treeSize(getPath(file.roots[0], 'data', 'c') ?? file.roots[0]), 1 + 10 * 111);
		const i = getPath(file.roots[0], 'data', 'i');
		assert.ok(i?.kind === 'array');
		assert.deepEqual(i.items.map(item => item.kind === 'expression' && item.text), Array(10).fill('*h'));
	});

	it('stays bounded for deeper and wider bombs, merge keys included', () => {
		const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
		for (let level = 1; level < 40; level++) {
			levels.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
		}
		const merges = ['m0: &m0 {x: 1, y: 2}'];
		for (let level = 1; level < 40; level++) {
			merges.push(`m${level}: &m${level} {<<: *m${level - 1}, p: *m${level - 1}, q: *m${level - 1}, r: *m${level - 1}}`);
		}
		const wide = `big: &big [${Array(6000).fill('x').join(', ')}]\ncopies: [*big, *big, *big]\n`;
		for (const text of [levels.join('\n'), merges.join('\n'), wide]) {
			const file = parse(text);
			assert.ok(treeSize(file.roots[0]) <= ALIAS_BUDGET + text.length, `expanded to ${treeSize(file.roots[0])}`);
			assert.equal(file.notes.length, 1);
		}
	});

	it('cuts off nesting deeper than the limit and reads on after it', () => {
		const inputs = [
			`deep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\nafter: 1\n`,
			`deep: ${'{a: '.repeat(5_000)}\nafter: 1\n`,
			`${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\nafter: 1\n`,
			`${'- '.repeat(3_000)}x\n`,
		];
		for (const text of inputs) {
			const file = parse(text);
			assert.ok(depthOf(file.roots[0]) <= MAX_DEPTH + 2, `depth ${depthOf(file.roots[0])}`);
			assert.ok(file.notes.some(note => note.message === `This YAML nests more than ${MAX_DEPTH} levels deep; what lies deeper is not scanned.`));
			assertSound(file);
		}
		assert.deepEqual(get(parse(inputs[0]).roots[0], 'after'), { kind: 'number', span: { start: 10_014, end: 10_015 }, value: 1 });
	});

	it('does not expand an alias to its own container or to an anchor that does not exist', () => {
		const file = parse('loop: &loop [1, *loop]\nmissing: *nowhere\n---\nagain: *loop\n');
		assert.deepEqual(getPath(file.roots[0], 'loop'), {
			kind: 'array',
			span: { start: 12, end: 22 },
			items: [{ kind: 'number', span: { start: 13, end: 14 }, value: 1 }, { kind: 'expression', span: { start: 16, end: 21 }, text: '*loop', parts: [] }],
		});
		assert.deepEqual(get(file.roots[0], 'missing'), { kind: 'expression', span: { start: 32, end: 40 }, text: '*nowhere', parts: [] });
		// Anchors belong to their document.
		assert.equal(get(file.roots[1], 'again')?.kind, 'expression');
		assert.deepEqual(file.notes.map(note => note.message), [
			'Alias *loop refers to the value that contains it; it is not expanded.',
			'Alias *nowhere names no anchor written before it; its value is not scanned.',
			'Alias *loop names no anchor written before it; its value is not scanned.',
		]);
	});

	it('never throws on random text, and what it returns is sound', () => {
		const formats = fc.constantFrom<YamlFormat>('cloudformation', 'kubernetes', 'compose');
		const yamlish = fc.string({ unit: fc.constantFrom('a', 'key', ': ', '- ', '\n', '\n  ', '  ', '"', '\'', '\\', '[', ']', '{', '}', ',', '#', '&a ', '*a', '<<: ', '|', '>-', '!Ref ', '!!str ', '---\n', '...\n', '%YAML 1.2\n', '? ', '\t', '\r\n', '🚀', '\u0000', '\uFEFF'), maxLength: 80 });
		fc.assert(fc.property(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 200 })), formats, (text, format) => {
			assertSound(parse(text, format));
		}), { numRuns: 1500 });
	});

	it('reads every truncation of the fixtures without throwing', () => {
		for (const name of readdirSync(FIXTURES).filter(file => file.endsWith('.yaml'))) {
			const text = fixture(name);
			const format: YamlFormat = name.startsWith('compose') ? 'compose' : name.startsWith('cloudformation') ? 'cloudformation' : 'kubernetes';
			for (let length = 0; length <= text.length; length += 11) {
				assertSound(parse(text.slice(0, length), format));
			}
		}
	});

	it('reads an empty file and a comment-only file as no documents', () => {
		assert.deepEqual(parse('').roots, []);
		const comments = parse('# nothing here yet\n');
		assert.deepEqual(comments.roots, []);
		assert.deepEqual(comments.comments.map(comment => comment.text), [' nothing here yet']);
		assert.deepEqual(comments.notes, []);
	});
});
