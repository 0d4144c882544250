import * as assert from 'node:assert/strict';
import { exitCodeFor, type FileReport } from '../../../src/cli/report';
import { finding } from './reports';

function file(overrides: Partial<FileReport>): FileReport {
	return { path: 'infra/main.tf', format: 'terraform', findings: [], notes: [], errors: [], ...overrides };
}

describe('cli exit code', () => {
	const warning = finding({ ruleId: 'AUP-NET-001', severity: 'warning' });
	const suppressedError = finding({ ruleId: 'AUP-MIN-001', severity: 'error', suppressed: { reason: 'approved by finance' } });

	it('fails at or above --fail-on only, and ignores suppressed findings', () => {
		const files = [file({ findings: [warning, suppressedError] })];
		assert.equal(exitCodeFor(files, 'error'), 0);
		assert.equal(exitCodeFor(files, 'warning'), 1);
		assert.equal(exitCodeFor(files, 'none'), 0);
	});

	it('exits 2 when a rule or parser crashed, even with --fail-on none: the file was not fully checked', () => {
		const files = [file({}), file({ path: 'k8s/app.yaml', format: 'kubernetes', errors: [{ ruleId: 'AUP-NET-001', message: 'boom' }] })];
		assert.equal(exitCodeFor(files, 'error'), 2);
		assert.equal(exitCodeFor(files, 'none'), 2);
	});

	it('does not treat a parse note or a skipped file as a crash', () => {
		const notes = [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, message: 'part of the file could not be read' }];
		const files = [file({ notes }), file({ path: 'big.tf', skipped: 'binary content' })];
		assert.equal(exitCodeFor(files, 'info'), 0);
	});
});
