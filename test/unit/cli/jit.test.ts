import * as assert from 'node:assert/strict';
import { tuneJitForScans } from '../../../src/cli/jit';

describe('JIT tuning for scans', () => {
	it('sets the flags measured on Node 20\'s V8', () => {
		const flags = tuneJitForScans('11.3.244.8-node.38');
		assert.ok(flags.some(flag => flag.startsWith('--interrupt-budget=')));
		assert.ok(flags.some(flag => flag.startsWith('--max-inlined-bytecode-size-cumulative=')));
	});

	it('leaves a V8 it was not measured on with its own defaults', () => {
		assert.deepEqual(tuneJitForScans('12.4.254.21-node.33'), []);
		assert.deepEqual(tuneJitForScans(''), []);
	});
});
