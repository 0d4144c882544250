import * as assert from 'node:assert/strict';
import type { Finding, ScanResult } from '../../../src/engine/index';
import { ScanLog, describeError, scanReport, type LogSink } from '../../../src/extension/scan-log';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

function finding(suppressed: boolean): Finding {
	return {
		ruleId: 'AUP-TST-001', severity: 'error', message: 'found', range, aupSection: '3', category: 'mining', fixes: [],
		...(suppressed ? { suppressed: { reason: 'lab' } } : {}),
	};
}

function result(overrides: Partial<ScanResult> = {}): ScanResult {
	return { format: 'terraform', findings: [], notes: [], errors: [], cancelled: false, ...overrides };
}

class Recorder implements LogSink {
	readonly lines: string[] = [];
	error(message: string): void { this.lines.push(`error ${message}`); }
	warn(message: string): void { this.lines.push(`warn ${message}`); }
	info(message: string): void { this.lines.push(`info ${message}`); }
}

describe('scanReport', () => {
	it('reports failures with their stacks, notes with 1-based positions, and suppressed counts', () => {
		const lines = scanReport('main.tf', result({
			errors: [{ ruleId: 'AUP-TST-001', message: 'boom', stack: 'Error: boom\n    at check (rule.ts:1:1)' }, { message: 'bad grammar' }],
			notes: [{ range, message: 'unclosed block' }],
			findings: [finding(true), finding(false), finding(true)],
		}));
		assert.deepEqual(lines, [
			{ level: 'error', text: 'main.tf: rule AUP-TST-001 failed: Error: boom\n    at check (rule.ts:1:1)' },
			{ level: 'error', text: 'main.tf: the parser failed: bad grammar' },
			{ level: 'info', text: 'main.tf:3:5: unclosed block' },
			{ level: 'info', text: 'main.tf: 2 suppressed findings not shown as problems' },
		]);
	});

	it('says nothing about a clean scan', () => {
		assert.deepEqual(scanReport('main.tf', result({ findings: [finding(false)] })), []);
	});

	it('reports a skipped file', () => {
		assert.deepEqual(scanReport('big.tf', result({ skipped: 'binary content' })), [{ level: 'info', text: 'big.tf: not scanned: binary content' }]);
	});
});

describe('ScanLog', () => {
	it('writes a report once while it stays the same, and again after it changes or is forgotten', () => {
		const sink = new Recorder();
		const log = new ScanLog(sink);
		const failing = result({ errors: [{ ruleId: 'AUP-TST-001', message: 'boom' }] });
		log.result('a', 'main.tf', failing);
		log.result('a', 'main.tf', failing);
		assert.equal(sink.lines.length, 1);
		log.result('a', 'main.tf', result());
		log.result('a', 'main.tf', failing);
		assert.equal(sink.lines.length, 2);
		log.forget('a');
		log.result('a', 'main.tf', failing);
		assert.equal(sink.lines.length, 3);
		log.result('b', 'other.tf', failing);
		assert.equal(sink.lines.length, 4);
	});

	it('always logs unexpected errors with their stack', () => {
		const sink = new Recorder();
		const log = new ScanLog(sink);
		log.unexpected('Scanning main.tf', new Error('boom'));
		log.unexpected('Scanning main.tf', new Error('boom'));
		assert.equal(sink.lines.length, 2);
		assert.match(sink.lines[0] ?? '', /^error Scanning main\.tf: Error: boom\n\s+at /);
	});

	it('describes thrown values that are not errors', () => {
		assert.equal(describeError('plain'), 'plain');
		assert.equal(describeError(42), '42');
	});
});
