import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { getPath } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { parseJson, type JsonFormat } from '../../../src/engine/parse/json/index';
import { MAX_DEPTH } from '../../../src/engine/parse/json/prescan';

function parse(text: string, format: JsonFormat = 'arm'): ParsedFile {
	return parseJson({ path: 'template.json', text }, format);
}

function slice(file: ParsedFile, span: Span | undefined): string {
	assert.ok(span, 'no span');
	return file.text.slice(span.start, span.end);
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

/** The source text that `value.slice(start, end)` maps to. */
function mapped(file: ParsedFile, node: StringNode, start: number, end: number): string {
	return slice(file, sourceSpan(node, start, end));
}

/** What must hold for any input: every span inside the text, at most one syntax note. */
function assertWellFormed(file: ParsedFile): void {
	const inText = (span: Span, what: string): void => {
		assert.ok(0 <= span.start && span.start <= span.end && span.end <= file.text.length, `${what} ${JSON.stringify(span)} outside 0..${file.text.length}`);
	};
	const visit = (node: ValueNode): void => {
		inText(node.span, node.kind);
		if (node.kind === 'object') {
			node.entries.forEach(entry => { inText(entry.keySpan, 'key'); inText(entry.span, 'entry'); visit(entry.value); });
		} else if (node.kind === 'array') {
			node.items.forEach(visit);
		} else if (node.kind === 'string') {
			node.map.segments.forEach(segment => inText({ start: segment.sourceStart, end: segment.sourceStart + segment.length }, 'segment'));
		}
	};
	file.roots.forEach(visit);
	assert.ok(file.roots.length <= 1);
	assert.ok(file.notes.filter(note => note.message.startsWith('JSON syntax error')).length <= 1);
	[...file.comments, ...file.notes, ...file.resources].forEach(item => inText(item.span, 'item'));
}

describe('JSON parser: the located model', () => {
	it('locates keys, values and entries by UTF-16 offsets, astral characters included', () => {
		const text = '{\n  "tag": "🚀 launch",\n  "n": -1.5e2, "ok": true, "none": null, "list": [1, "two"]\n}\n';
		const file = parse(text);
		const root = file.roots[0];
		assert.equal(root.kind, 'object');
		// The rocket is two UTF-16 code units, as VS Code counts it.
		assert.deepEqual(root.span, { start: 0, end: text.length - 1 });
		assert.deepEqual(root.entries[0].value.span, { start: 11, end: 22 });
		const [tag, n, ok, none, list] = root.entries;
		assert.equal(slice(file, tag.keySpan), '"tag"');
		assert.equal(slice(file, tag.span), '"tag": "🚀 launch"');
		assert.equal(asString(tag.value).value, '🚀 launch');
		assert.equal(mapped(file, asString(tag.value), 3, 9), 'launch');
		assert.deepEqual([n.value.kind, slice(file, n.value.span)], ['number', '-1.5e2']);
		assert.deepEqual(n.value.kind === 'number' && n.value.value, -150);
		assert.deepEqual([ok.value.kind, none.value.kind], ['boolean', 'null']);
		assert.equal(slice(file, list.value.span), '[1, "two"]');
		assert.deepEqual(file.notes, []);
	});

	it('decodes escapes and maps each decoded character back into the source', () => {
		const text = '{"user_data": "#!/bin/bash\\napt-get update\\n\\tcurl -s \\"http://x/a.sh\\" | sh\\u0021"}';
		const file = parse(text);
		const script = asString(getPath(file.roots[0], 'user_data'));
		assert.equal(script.value, '#!/bin/bash\napt-get update\n\tcurl -s "http://x/a.sh" | sh!');
		const curl = script.value.indexOf('curl');
		assert.equal(mapped(file, script, curl, script.value.length - 1), 'curl -s \\"http://x/a.sh\\" | sh');
		assert.equal(mapped(file, script, script.value.indexOf('apt-get'), script.value.indexOf('update') + 6), 'apt-get update');
		// A decoded character points at its escape's backslash.
		assert.equal(sourceSpan(script, 11, 12).start, text.indexOf('\\n'));
		assert.equal(sourceSpan(script, script.value.length - 1, script.value.length).start, text.indexOf('\\u0021'));
		// A range that ends on an escape's result ends after the whole escape, not on its backslash.
		assert.equal(mapped(file, script, curl, script.value.length), 'curl -s \\"http://x/a.sh\\" | sh\\u0021');
		assert.equal(mapped(file, script, script.value.indexOf('"'), script.value.indexOf('"') + 1), '\\"');
		assert.equal(script.isLiteral, true);
	});

	it('keeps an empty string located between its quotes', () => {
		const file = parse('{"a": ""}');
		const empty = asString(getPath(file.roots[0], 'a'));
		assert.equal(empty.value, '');
		assert.deepEqual(empty.span, { start: 6, end: 8 });
		assert.equal(sourceSpan(empty, 0, 0).start, 7);
	});

	it('collects line and block comments without their markers, and accepts trailing commas', () => {
		const text = '// top\n{\n  /* block\n     comment */ "a": [1, 2,], // end\n}\n';
		const file = parse(text);
		assert.deepEqual(file.comments.map(comment => [slice(file, comment.span), comment.text]), [
			['// top', ' top'],
			['/* block\n     comment */', ' block\n     comment '],
			['// end', ' end'],
		]);
		assert.deepEqual(file.notes, []);
		assert.equal(getPath(file.roots[0], 'a')?.kind, 'array');
	});

	it('keeps an unclosed block comment at the end of the text inside the text', () => {
		// jsonc-parser reports `/*` alone as three characters long; found by the random-text property below.
		for (const text of ['/*', '{}/*', '{"a": 1} /* still typing']) {
			const file = parse(text);
			assert.deepEqual(file.comments.map(comment => [comment.span.end, comment.text]), [[text.length, text.slice(text.indexOf('/*') + 2)]], text);
		}
	});

	it('reads a half-typed file as far as it goes, with one note at the first error', () => {
		const text = '{\n  "resources": [\n    { "type": "Microsoft.Storage/storageAccounts", "name": "logs",\n      "properties": { "allowBlobPublicAccess": \n';
		const file = parse(text);
		assert.deepEqual(file.resources.map(resource => resource.type), ['Microsoft.Storage/storageAccounts']);
		const properties = file.resources[0].body.entries.find(entry => entry.key === 'properties');
		assert.equal(getPath(properties?.value, 'allowBlobPublicAccess')?.kind, 'null');
		assert.equal(file.notes.length, 1);
		assert.equal(file.notes[0].message, 'JSON syntax error on line 5: a value is expected. Findings after this point may be missing.');
	});

	it('notes a stray token on its own line, over that token', () => {
		const file = parse('{\n  "a": 1,\n  "b": tru,\n  "c": 3\n}\n');
		assert.equal(file.notes.length, 1);
		assert.equal(slice(file, file.notes[0].span), 'tru');
		assert.match(file.notes[0].message, /^JSON syntax error on line 3: this is not a JSON value\./);
		assert.equal(getPath(file.roots[0], 'c')?.kind, 'number');
	});

	it('gives an empty or comment-only file no root and no note', () => {
		for (const text of ['', '   \n', '// nothing yet\n']) {
			const file = parse(text);
			assert.deepEqual([file.roots, file.notes, file.resources], [[], [], []], JSON.stringify(text));
		}
	});

	it(`cuts off what nests deeper than ${MAX_DEPTH} levels, 100,000 deep included, without throwing`, () => {
		for (const text of ['['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), '['.repeat(100_000)]) {
			const file = parse(text);
			assertWellFormed(file);
			const deep = file.notes.find(note => note.message.includes('levels deep'));
			assert.ok(deep, 'a note says what was not scanned');
			let node: ValueNode | undefined = file.roots[0];
			let depth = 0;
			while (node && (node.kind === 'array' || node.kind === 'object')) {
				node = node.kind === 'array' ? node.items[0] : node.entries[0]?.value;
				depth++;
			}
			assert.equal(depth, MAX_DEPTH);
			assert.equal(node?.kind, 'expression');
		}
	});

	it('keeps values beside a too-deep one', () => {
		const deep = '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5);
		const file = parse(`{"deep": ${deep}, "after": "still read"}`);
		assert.equal(asString(getPath(file.roots[0], 'after')).value, 'still read');
	});

	it('never throws on random text, truncated JSON or random JSON values', () => {
		const real = '{"resources": [{"type": "Microsoft.Network/networkSecurityGroups", "name": "[parameters(\'n\')]", "properties": {"securityRules": [{"name": "r", "properties": {"access": "Allow"}}]}}]}';
		fc.assert(fc.property(fc.string({ maxLength: 300 }), text => assertWellFormed(parse(text))), { numRuns: 300 });
		fc.assert(fc.property(fc.nat(real.length), cut => assertWellFormed(parse(real.slice(0, cut)))), { numRuns: 200 });
		fc.assert(fc.property(fc.json(), fc.constantFrom<JsonFormat>('arm', 'cloudformation', 'terraform-json'), (text, format) => {
			const file = parse(text, format);
			assertWellFormed(file);
			assert.deepEqual(file.notes, []);
		}), { numRuns: 300 });
	});
});
