import * as assert from 'node:assert/strict';
import type { AupSection, Category, Finding, Severity } from '../../../src/engine/finding';
import { AUP_SUMMARY } from '../../../src/engine/policy/aup-summary';
import { computeStanding, type FileFinding, type ItemStanding, type Standing } from '../../../src/engine/policy/standing';

interface Shape {
	readonly file: string;
	readonly line: number;
	readonly ruleId: string;
	readonly category: Category;
	readonly severity?: Severity;
	readonly section?: AupSection;
	readonly suppressed?: boolean;
}

function found(shape: Shape): FileFinding {
	const finding: Finding = {
		ruleId: shape.ruleId,
		severity: shape.severity ?? 'warning',
		message: `${shape.ruleId} at line ${shape.line + 1}`,
		range: { start: { line: shape.line, character: 2 }, end: { line: shape.line, character: 20 } },
		aupSection: shape.section ?? '4',
		category: shape.category,
		fixes: [],
		...(shape.suppressed ? { suppressed: { reason: 'restored from snapshots nightly', until: '2027-01-01' } } : {}),
	};
	return { file: shape.file, finding };
}

/** A workspace of generated configs: a miner in a Compose file, keys in Terraform, databases without backups. */
const WORKSPACE: readonly FileFinding[] = [
	found({ file: 'infra/rds.tf', line: 14, ruleId: 'AUP-BAK-001', category: 'backup-recovery' }),
	found({ file: 'compose.yaml', line: 8, ruleId: 'AUP-MIN-001', category: 'mining', severity: 'error', section: '3' }),
	found({ file: 'infra/main.tf', line: 3, ruleId: 'AUP-CRD-001', category: 'credentials', severity: 'error' }),
	found({ file: 'infra/rds.tf', line: 40, ruleId: 'AUP-BAK-001', category: 'backup-recovery' }),
	found({ file: 'k8s/deploy.yaml', line: 22, ruleId: 'AUP-MIN-002', category: 'mining', severity: 'error', section: '3' }),
	found({ file: 'infra/main.tf', line: 4, ruleId: 'AUP-CRD-001', category: 'credentials', severity: 'error' }),
	found({ file: 'infra/ebs.tf', line: 2, ruleId: 'AUP-BAK-002', category: 'backup-recovery', severity: 'info' }),
	found({ file: 'infra/sg.tf', line: 9, ruleId: 'AUP-NET-001', category: 'network-exposure' }),
	found({ file: 'scripts/boot.sh', line: 1, ruleId: 'AUP-MAL-001', category: 'malicious-code', severity: 'error', section: '3' }),
	found({ file: 'infra/legacy.tf', line: 7, ruleId: 'AUP-CRD-001', category: 'credentials', severity: 'error', suppressed: true }),
];

function item(standing: Standing, id: string): ItemStanding {
	const entry = standing.items.find(candidate => candidate.itemId === id);
	assert.ok(entry, `no standing for ${id}`);
	return entry;
}

describe('AUP standing', () => {
	const standing = computeStanding(WORKSPACE, AUP_SUMMARY, { filesChecked: 12 });

	it('has one entry per summary item, in page order', () => {
		assert.deepEqual(standing.items.map(entry => entry.itemId), AUP_SUMMARY.sections.flatMap(section => section.items.map(entry => entry.id)));
	});

	it('counts findings by severity and file, and says so in a sentence', () => {
		const backups = item(standing, 'backups');
		assert.equal(backups.status, 'findings');
		assert.deepEqual(backups.counts, { error: 0, warning: 2, info: 1 });
		assert.equal(backups.fileCount, 2);
		assert.equal(backups.sentence, 'Backups and disaster recovery: 3 findings in 2 files (2 warnings, 1 info)');
	});

	it('lists the findings to reveal in file, then position order', () => {
		assert.deepEqual(item(standing, 'backups').findings.map(link => `${link.file}:${link.range.start.line}:${link.ruleId}`), [
			'infra/ebs.tf:2:AUP-BAK-002',
			'infra/rds.tf:14:AUP-BAK-001',
			'infra/rds.tf:40:AUP-BAK-001',
		]);
		const link = item(standing, 'credentials').findings[0];
		assert.deepEqual(link, {
			file: 'infra/main.tf', ruleId: 'AUP-CRD-001', severity: 'error', message: 'AUP-CRD-001 at line 4',
			range: { start: { line: 3, character: 2 }, end: { line: 3, character: 20 } },
		});
	});

	it('keeps suppressed findings out of the counts but says they exist', () => {
		const credentials = item(standing, 'credentials');
		assert.equal(credentials.total, 2);
		assert.equal(credentials.suppressed, 1);
		assert.equal(credentials.sentence, 'Protect your credentials: 2 findings in 1 file; 1 finding suppressed with a reason');
	});

	it('maps prohibited uses to the groups of section 3', () => {
		assert.equal(item(standing, 'illegal-harmful').total, 2);
		assert.equal(item(standing, 'illegal-harmful').sentence, 'Illegal or harmful use: 2 findings in 2 files');
		assert.equal(item(standing, 'security-violations').total, 1);
		assert.equal(item(standing, 'platform-abuse').status, 'outside-files');
	});

	it('says what was checked when nothing was found', () => {
		const mfa = item(standing, 'mfa');
		assert.equal(mfa.status, 'clear');
		assert.equal(mfa.sentence, 'Strong passwords and MFA: nothing found — checked 12 files for settings in your configs that leave multi-factor sign-in off or allow weak passwords');
	});

	it('is honest about what files cannot show', () => {
		for (const id of ['report', 'provider-terms', 'generation-requests', 'rate-limits', 'shared-performance']) {
			assert.equal(item(standing, id).status, 'outside-files', id);
			assert.match(item(standing, id).sentence, /not something the files can show$/);
		}
	});

	it('separates "not checked" from "nothing found" when told which rules ran', () => {
		const rules = [{ id: 'AUP-CRD-001', category: 'credentials' as const }, { id: 'AUP-MIN-001', category: 'mining' as const }];
		const partial = computeStanding([], AUP_SUMMARY, { filesChecked: 3, rules });
		assert.equal(item(partial, 'credentials').status, 'clear');
		assert.equal(item(partial, 'backups').status, 'not-checked');
		assert.equal(item(partial, 'backups').sentence, 'Backups and disaster recovery: no AUP Guard rule checks this yet');
	});

	it('reads well when only suppressed findings remain, when nothing was scanned, and in the singular', () => {
		const onlySuppressed = computeStanding([WORKSPACE[9]], AUP_SUMMARY, { filesChecked: 1 });
		assert.equal(item(onlySuppressed, 'credentials').status, 'clear');
		assert.match(item(onlySuppressed, 'credentials').sentence, /^Protect your credentials: nothing open \(1 finding suppressed with a reason\) — checked 1 file for /);
		assert.equal(item(computeStanding([], AUP_SUMMARY, { filesChecked: 0 }), 'backups').sentence, 'Backups and disaster recovery: no files checked yet');
		assert.match(item(computeStanding([], AUP_SUMMARY), 'backups').sentence, /nothing found — checked the scanned files for /);
		assert.equal(item(computeStanding([WORKSPACE[8]], AUP_SUMMARY), 'security-violations').sentence, 'Attacking the platform\'s security: 1 finding in 1 file');
	});

	it('totals sections 3, 4 and 5', () => {
		assert.deepEqual(standing.sections.map(section => [section.number, section.total, section.suppressed]), [['3', 3, 0], ['4', 6, 1], ['5', 0, 0]]);
		assert.deepEqual(standing.sections[0].counts, { error: 3, warning: 0, info: 0 });
	});

	it('does not depend on the order findings arrive in', () => {
		const reversed = computeStanding([...WORKSPACE].reverse(), AUP_SUMMARY, { filesChecked: 12 });
		assert.deepEqual(reversed, standing);
	});

	it('keeps a finding of a category no item claims instead of dropping it', () => {
		const odd = found({ file: 'a.tf', line: 0, ruleId: 'AUP-NEW-001', category: 'quantum' as unknown as Category });
		const result = computeStanding([odd, ...WORKSPACE], AUP_SUMMARY);
		assert.deepEqual(result.unattributed.map(link => link.ruleId), ['AUP-NEW-001']);
		assert.equal(result.items.reduce((sum, entry) => sum + entry.total, 0), 9);
	});
});
