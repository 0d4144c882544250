import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { Composer, Parser, parseDocument, stringify, visit } from 'yaml';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { get, getPath, stringValues } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { decodeBlockScalar } from '../../../src/engine/parse/yaml/block-scalar';
import { decodeDoubleQuoted, decodePlain, decodeSingleQuoted } from '../../../src/engine/parse/yaml/flow-scalar';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');

function parse(text: string, format: 'kubernetes' | 'compose' = 'kubernetes'): ParsedFile {
	const file = createYamlParser(format).parse({ path: 'file.yaml', text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function at(file: ParsedFile, span: Span | undefined): string {
	assert.ok(span, 'no span');
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

/** Where each part of `value` was copied from, as `value part@line:character-line:character`. */
function pieces(file: ParsedFile, node: StringNode): string[] {
	return node.map.segments.filter(segment => segment.length > 0).map(segment =>
		`${node.value.slice(segment.valueStart, segment.valueStart + segment.length)}@${at(file, { start: segment.sourceStart, end: segment.sourceStart + segment.length })}`);
}

function locate(file: ParsedFile, node: StringNode, needle: string): string {
	const index = node.value.indexOf(needle);
	assert.ok(index >= 0, `${needle} not in ${JSON.stringify(node.value)}`);
	return at(file, sourceSpan(node, index, index + needle.length));
}

describe('YAML parser: scalars and their offset maps', () => {
	it('double-quoted: escapes decoded, the text between them mapped exactly', () => {
		const file = parse('cmd: "echo \\"hi\\"\\tthen\\u00e9 \\\n    next  line"\n');
		const value = asString(get(file.roots[0], 'cmd'));
		assert.equal(value.value, 'echo "hi"\tthen\u00e9 next  line');
		assert.equal(at(file, value.span), '0:5-1:15');
		assert.deepEqual(pieces(file, value), ['echo @0:6-0:11', 'hi@0:13-0:15', 'then@0:19-0:23', ' @0:29-0:30', 'next  line@1:4-1:14']);
		assert.equal(locate(file, value, '\u00e9'), '0:23-0:29', 'the whole escape');
	});

	it('single-quoted and plain scalars over several lines: folded, each line mapped', () => {
		const file = parse("a: 'it''s\n  folded\n\n  twice'\nb: plain words\n   go on\n");
		const single = asString(get(file.roots[0], 'a'));
		assert.equal(single.value, 'it\'s folded\ntwice');
		assert.deepEqual(pieces(file, single), ['it\'@0:4-0:7', 's@0:8-0:9', 'folded@1:2-1:8', 'twice@3:2-3:7']);
		const plain = asString(get(file.roots[0], 'b'));
		assert.equal(plain.value, 'plain words go on');
		assert.equal(at(file, plain.span), '4:3-5:8');
		assert.equal(locate(file, plain, 'go on'), '5:3-5:8');
	});

	it('block scalars: keep, strip, explicit indentation and leading blank lines', () => {
		const file = parse([
			'keep: |+', // 0
			'  one', // 1
			'', // 2
			'strip: |-', // 3
			'    two', // 4
			'     three', // 5
			'explicit: |1', // 6
			'   indented', // 7
			'blank: >', // 8
			'', // 9
			'  after blank', // 10
			'  same line', // 11
			'',
		].join('\n'));
		const root = file.roots[0];
		assert.equal(asString(get(root, 'keep')).value, 'one\n\n');
		assert.equal(at(file, get(root, 'keep')?.span), '0:6-1:5');
		const strip = asString(get(root, 'strip'));
		assert.equal(strip.value, 'two\n three');
		assert.deepEqual(pieces(file, strip), ['two@4:4-4:7', ' three@5:4-5:10']);
		const explicit = asString(get(root, 'explicit'));
		assert.equal(explicit.value, '  indented\n');
		assert.deepEqual(pieces(file, explicit), ['  indented@7:1-7:11']);
		const blank = asString(get(root, 'blank'));
		assert.equal(blank.value, '\nafter blank same line\n');
		assert.equal(locate(file, blank, 'same line'), '11:2-11:11');
	});

	it('CRLF line endings: the same values and the same positions as LF', () => {
		const lf = readFileSync(path.join(FIXTURES, 'k8s-workloads.yaml'), 'utf8');
		const crlf = lf.replace(/\n/g, '\r\n');
		const [a, b] = [parse(lf), parse(crlf)];
		const described = (file: ParsedFile): string[] => stringValues(file).map(ref => `${JSON.stringify(ref.node.value)} ${at(file, ref.node.span)} ${pieces(file, ref.node).join(' ')}`);
		assert.deepEqual(described(b), described(a));
		assert.deepEqual(b.comments.map(comment => [comment.text, at(b, comment.span)]), a.comments.map(comment => [comment.text, at(a, comment.span)]));
		assert.deepEqual(b.resources.map(resource => at(b, resource.span)), a.resources.map(resource => at(a, resource.span)));
	});

	it('non-ASCII text: positions count UTF-16 code units, as VS Code does', () => {
		const file = parse(readFileSync(path.join(FIXTURES, 'non-ascii.yaml'), 'utf8'));
		const root = file.roots[0];
		assert.deepEqual(file.comments.map(comment => [comment.text, at(file, comment.span)]), [[' Équipe données — café ☕ 🚀', '0:0-0:28']]);
		assert.equal(at(file, getPath(root, 'metadata', 'name')?.span), '4:8-4:20');
		assert.equal(file.resources[0].name, 'données-🚀');
		const description = asString(getPath(root, 'metadata', 'annotations', 'description'));
		assert.equal(locate(file, description, 'und café'), '6:45-6:53');
		const containers = getPath(root, 'spec', 'containers');
		assert.ok(containers?.kind === 'array');
		const args = getPath(containers.items[0], 'args');
		assert.ok(args?.kind === 'array');
		const pool = asString(args.items[2]);
		assert.equal(locate(file, pool, 'stratum+tcp://'), '11:50-11:64');
	});

	it('reads any data written in any style as yaml does, with every mapped part verbatim', () => {
		fc.assert(fc.property(documents, styles, (value, options) => {
			const text = stringify(value, { version: '1.2', minContentWidth: 0, ...options });
			// yaml's writer has corner cases it cannot read back; compare with what its reader makes of the text.
			const expected = parseDocument(text, { version: '1.2' });
			fc.pre(expected.errors.length === 0);
			const file = parse(text, 'compose');
			assert.deepEqual(file.notes, [], text);
			assert.deepEqual(plain(file.roots[0]), expected.toJS(), text);
			assertVerbatim(file);
		}), { numRuns: 300 });
	});

	it('decodes every scalar exactly as the yaml package does, broken input included', () => {
		fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...SCALAR_PIECES), maxLength: 12 }), fc.constantFrom(...SCALAR_FRAMES), (body, frame) => {
			const text = frame(body);
			for (const token of new Composer({ keepSourceTokens: true }).compose(new Parser().parse(text))) {
				visit(token, {
					Scalar(_key, scalar) {
						const [start, end] = scalar.range ?? [0, 0];
						const source = scalar.srcToken;
						let decoded: string;
						if (source?.type === 'block-scalar') {
							decoded = decodeBlockScalar(text, source).text.value;
						} else if (scalar.type === 'QUOTE_DOUBLE') {
							decoded = decodeDoubleQuoted(text, start, end).value;
						} else if (scalar.type === 'QUOTE_SINGLE') {
							decoded = decodeSingleQuoted(text, start, end).value;
						} else {
							decoded = decodePlain(text, start, end).value;
						}
						assert.equal(decoded, scalar.source, JSON.stringify(text));
					},
				});
			}
		}), { numRuns: 2000 });
	});
});

/** The model as plain data, to compare with what was written. */
function plain(node: ValueNode | undefined): unknown {
	if (!node) {
		return undefined;
	}
	switch (node.kind) {
		case 'object':
			return Object.fromEntries(node.entries.map(entry => [entry.key, plain(entry.value)]));
		case 'array':
			return node.items.map(plain);
		case 'null':
			return null;
		case 'expression':
			return `expression:${node.text}`;
		default:
			return node.value;
	}
}

/** Every run of a map copies its source exactly, and every span lies inside the text. */
export function assertVerbatim(file: ParsedFile): void {
	for (const { node } of stringValues(file)) {
		assert.ok(node.span.start >= 0 && node.span.start <= node.span.end && node.span.end <= file.text.length, `span ${JSON.stringify(node.span)}`);
		for (const segment of node.map.segments) {
			assert.equal(file.text.slice(segment.sourceStart, segment.sourceStart + segment.length), node.value.slice(segment.valueStart, segment.valueStart + segment.length));
		}
	}
}

/** Text that exercises escapes, folding, quotes, indentation and non-ASCII. */
const TEXT_PIECES = ['a', 'b c', ' ', '  ', '\t', '\n', '\n\n', '"', '\'', '\\', '#', ': ', '- ', '$', '{', '[', ',', 'é', '🚀', '\u0007', 'xmrig --url stratum+tcp://x'];

const leaf = fc.oneof(
	fc.string({ unit: fc.constantFrom(...TEXT_PIECES), maxLength: 8 }),
	fc.string({ unit: 'binary', maxLength: 6 }),
	fc.integer(),
	fc.boolean(),
	fc.constant(null),
);

const documents = fc.letrec<{ value: unknown }>(tie => ({
	value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
		leaf,
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.string({ maxLength: 6 }).filter(key => key !== '<<'), tie('value'), { maxKeys: 4, noNullPrototype: true })),
})).value;

const styles = fc.record({
	defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>,
	defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<null | 'PLAIN' | 'QUOTE_DOUBLE'>,
	lineWidth: fc.constantFrom(0, 12, 80),
	indent: fc.constantFrom(2, 4),
	flowCollectionPadding: fc.boolean(),
	collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
});

const SCALAR_PIECES = ['a', 'b c', ' ', '  ', '\t', '\n', '\n  ', '\n\n', '\r\n', '\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F680', '\\', '\\\n', '"', '\'', '\'\'', '#', ': ', '🚀', '  x', '\n    y'];

const SCALAR_FRAMES: readonly ((body: string) => string)[] = [
	body => `k: "${body}"\n`,
	body => `k: '${body}'\n`,
	body => `k: ${body}\n`,
	body => `k: |\n  ${body.replace(/\n/g, '\n  ')}\n`,
	body => `k: >\n  ${body.replace(/\n/g, '\n  ')}\nx: 1\n`,
	body => `- |+\n   ${body}\n\n`,
	body => `k: >-\n    ${body}\n  `,
	body => `k: |2\n   ${body}\n`,
	body => `["${body}", '${body}']`,
];
