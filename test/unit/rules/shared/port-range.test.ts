import * as assert from 'node:assert/strict';
import { parsePortRange } from '../../../../src/engine/rules/shared/network';

describe('parsePortRange', () => {
	it('reads single ports, ranges and the Azure wildcard', () => {
		assert.deepEqual(parsePortRange('22'), { from: 22, to: 22 });
		assert.deepEqual(parsePortRange(' 1000 - 2000 '), { from: 1000, to: 2000 });
		assert.deepEqual(parsePortRange('*'), { from: 0, to: 65535 });
		assert.deepEqual(parsePortRange(5432), { from: 5432, to: 5432 });
	});

	it('refuses what is not a port', () => {
		for (const value of ['', 'ssh', '${var.port}', '2000-1000', '70000', '1-70000', '22,23', '-1']) {
			assert.equal(parsePortRange(value), undefined, value);
		}
		for (const value of [-1, 65536, 22.5]) {
			assert.equal(parsePortRange(value), undefined, String(value));
		}
	});
});
