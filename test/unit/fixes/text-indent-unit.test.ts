import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { indentUnitOf } from '../../../src/engine/fixes/text';
import type { Format } from '../../../src/engine/model/format';

/** indentUnitOf as it was before it kept its last answer: the oracle for the cached one. */
function indentUnitOracle(text: string, format: Format): string {
	let smallest = Number.POSITIVE_INFINITY;
	for (const line of text.slice(0, 20_000).split(/\r?\n|\r/)) {
		if (line.startsWith('\t') && format === 'terraform') {
			return '\t';
		}
		const spaces = /^ +(?=\S)/.exec(line)?.[0].length ?? 0;
		if (spaces > 0 && spaces < smallest) {
			smallest = spaces;
		}
	}
	return ' '.repeat(Number.isFinite(smallest) ? Math.min(smallest, 8) : 2);
}

describe('indentUnitOf', () => {
	it('reads the file\'s indentation step', () => {
		assert.equal(indentUnitOf({ text: 'resource "a" "b" {\n\tx = 1\n}\n', format: 'terraform' }), '\t');
		assert.equal(indentUnitOf({ text: 'a:\n    b: 1\n        c: 2\n', format: 'kubernetes' }), '    ');
		assert.equal(indentUnitOf({ text: 'a: 1\n', format: 'kubernetes' }), '  ');
		assert.equal(indentUnitOf({ text: `a:\n${' '.repeat(12)}b: 1\n`, format: 'kubernetes' }), ' '.repeat(8));
	});

	it('answers for the file it is given, not the one before', () => {
		const tabbed = 'x {\n\ty = 1\n}\n';
		assert.equal(indentUnitOf({ text: tabbed, format: 'terraform' }), '\t');
		// Same text, other format: tabs mean nothing outside HCL.
		assert.equal(indentUnitOf({ text: tabbed, format: 'kubernetes' }), '  ');
		assert.equal(indentUnitOf({ text: 'a:\n   b: 1\n', format: 'kubernetes' }), '   ');
		// An equal text built anew gets the same answer as the cached one.
		assert.equal(indentUnitOf({ text: ['a:', '   b: 1', ''].join('\n'), format: 'kubernetes' }), '   ');
		assert.equal(indentUnitOf({ text: 'a:\n b: 1\n', format: 'kubernetes' }), ' ');
	});

	it('gives the uncached answer for any sequence of files', () => {
		const line = fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', ' \t', '         '), fc.constantFrom('a: 1', 'x = 2', '}', '', ' '));
		const text = fc.array(line.map(([indent, rest]) => indent + rest), { maxLength: 12 })
			.chain(lines => fc.constantFrom('\n', '\r\n', '\r').map(eol => lines.join(eol)));
		const file = fc.record({ text, format: fc.constantFrom<Format>('terraform', 'kubernetes', 'compose') });
		fc.assert(fc.property(fc.array(file, { minLength: 1, maxLength: 6 }), files => {
			for (const each of [...files, ...files]) {
				assert.equal(indentUnitOf(each), indentUnitOracle(each.text, each.format));
			}
		}), { numRuns: 500, seed: 20260417 });
	});
});
