import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Fix, TextEdit } from '../../../src/engine/finding';
import { applyEdits, combineFixes, overlaps } from '../../../src/engine/fixes/combine';

function edit(line: number, from: number, to: number, newText: string): TextEdit {
	return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

function fix(title: string, ...edits: TextEdit[]): Fix {
	return { title, edits };
}

describe('combineFixes', () => {
	it('sorts the edits of independent fixes and applies them all', () => {
		const combined = combineFixes([fix('b', edit(2, 0, 3, 'two')), fix('a', edit(0, 4, 5, 'X'), edit(1, 0, 0, '# '))]);
		assert.deepEqual(combined.edits.map(e => e.newText), ['X', '# ', 'two']);
		assert.equal(combined.applied, 2);
		assert.equal(combined.dropped, 0);
		assert.equal(applyEdits('abcdefg\nline\nold rest\n', combined.edits), 'abcdXfg\n# line\ntwo rest\n');
	});

	it('drops a whole fix when one of its edits overlaps an edit already kept', () => {
		const first = fix('first', edit(0, 2, 6, 'A'));
		const second = fix('second', edit(0, 5, 8, 'B'), edit(3, 0, 0, 'declaration\n'));
		const combined = combineFixes([first, second]);
		assert.deepEqual(combined.edits, first.edits);
		assert.equal(combined.dropped, 1);
	});

	it('keeps identical edits once, so two fixes that append the same block do not duplicate it', () => {
		const block = edit(9, 0, 0, 'variable "x" {}\n');
		const combined = combineFixes([fix('one', edit(1, 0, 3, 'var.x'), block), fix('two', edit(4, 0, 3, 'var.x'), block)]);
		assert.equal(combined.applied, 2);
		assert.equal(combined.edits.filter(e => e.newText === block.newText).length, 1);
	});

	it('keeps insertions at the same point in fix order', () => {
		const combined = combineFixes([fix('one', edit(1, 0, 0, 'A\n')), fix('two', edit(1, 0, 0, 'B\n'))]);
		assert.equal(applyEdits('first\nsecond\n', combined.edits), 'first\nA\nB\nsecond\n');
	});

	it('treats an insertion at the edge of a replacement as a conflict', () => {
		assert.equal(overlaps(edit(0, 3, 3, 'x'), edit(0, 0, 3, 'y')), true);
		assert.equal(overlaps(edit(0, 4, 4, 'x'), edit(0, 0, 3, 'y')), false);
		assert.equal(overlaps(edit(0, 0, 3, 'x'), edit(0, 3, 5, 'y')), false, 'adjacent replacements do not overlap');
	});

	it('rejects a fix whose own edits overlap', () => {
		assert.equal(combineFixes([fix('bad', edit(0, 0, 4, 'a'), edit(0, 2, 6, 'b'))]).applied, 0);
	});

	it('never returns overlapping edits, whatever it is given', () => {
		const arbitraryEdit = fc.record({ line: fc.nat(3), from: fc.nat(6), length: fc.nat(3), text: fc.string({ maxLength: 3 }) })
			.map(({ line, from, length, text }) => edit(line, from, from + length, text));
		fc.assert(fc.property(fc.array(fc.array(arbitraryEdit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), editLists => {
			const fixes = editLists.map((edits, index) => fix(`fix ${index}`, ...edits));
			const combined = combineFixes(fixes).edits;
			combined.forEach((a, i) => combined.slice(i + 1).forEach(b => assert.ok(!overlaps(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`)));
			for (let i = 1; i < combined.length; i++) {
				const [prev, next] = [combined[i - 1].range.start, combined[i].range.start];
				assert.ok(prev.line < next.line || prev.line === next.line && prev.character <= next.character, 'sorted');
			}
		}));
	});
});
