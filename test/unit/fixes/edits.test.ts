import * as assert from 'node:assert/strict';
import { editsOverlap, fixDraft, quoted, replaceValue } from '../../../src/engine/fixes/index';

describe('fixes: edits', () => {
	it('finds overlapping edits and insertions touching another edit, and lets adjacent replacements through', () => {
		const at = (start: number, end: number) => ({ span: { start, end }, newText: 'x' });
		assert.equal(editsOverlap([at(0, 4), at(4, 6)]), false);
		assert.equal(editsOverlap([at(5, 9), at(0, 6)]), true);
		assert.equal(editsOverlap([at(3, 3), at(3, 3)]), true);
		assert.equal(editsOverlap([at(0, 4), at(4, 4)]), true, 'an insertion at the end of a replacement');
		assert.equal(editsOverlap([at(0, 4), at(5, 5)]), false);
	});

	it('builds no fix from a declined or overlapping edit', () => {
		assert.equal(fixDraft('t', [replaceValue({ start: 0, end: 4 }, 'true'), null]), null);
		assert.equal(fixDraft('t', [replaceValue({ start: 0, end: 4 }, 'a'), replaceValue({ start: 2, end: 5 }, 'b')]), null);
		assert.deepEqual(fixDraft('t', [replaceValue({ start: 0, end: 4 }, 'a')], true), { title: 't', isPreferred: true, edits: [{ span: { start: 0, end: 4 }, newText: 'a' }] });
	});

	it('quotes strings for each syntax', () => {
		assert.equal(quoted('hcl', 'db-${x}-final'), '"db-$${x}-final"');
		assert.equal(quoted('yaml', 'db-final'), 'db-final');
		assert.equal(quoted('yaml', 'yes'), '"yes"');
		assert.equal(quoted('yaml', 'a: b'), '"a: b"');
		assert.equal(quoted('json', 'a"b'), '"a\\"b"');
	});
});
