import { fixDraft, insertAttribute, replaceValue } from '../fixes/index';
import { quoted } from '../fixes/values';
import type { ParsedFile, Resource } from '../model/file';
import { get, resourcesOfType } from '../model/query';
import { defineRule, type FixDraft, type RuleReport } from './rule';
import { innermostResource, isTrue } from './shared/settings';
import { describeResource } from './shared/where';

/** Resources with `skip_final_snapshot`, and the attribute that names them (the base of a snapshot's name). */
const NAME_KEYS: Readonly<Record<string, string>> = {
	aws_db_instance: 'identifier',
	aws_rds_cluster: 'cluster_identifier',
	aws_docdb_cluster: 'cluster_identifier',
	aws_neptune_cluster: 'cluster_identifier',
	aws_redshift_cluster: 'cluster_identifier',
};

export default defineRule({
	id: 'AUP-BAK-002',
	title: 'Database deleted without a final snapshot',
	severity: 'warning',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['terraform', 'terraform-json'],
	docs: [
		'Finds `skip_final_snapshot = true` on `aws_db_instance`, `aws_rds_cluster`, `aws_docdb_cluster`, `aws_neptune_cluster` and `aws_redshift_cluster`. The finding points at the `true`.',
		'',
		'**Why it matters.** With the final snapshot skipped, `terraform destroy`, a renamed resource or a change that forces replacement deletes the database with nothing to restore from: RDS removes automated backups with the instance unless told otherwise. Generated configurations often set it so that a demo tears down cleanly, and it then reaches production unnoticed. Section 4 of the Acceptable Use Policy makes backups and disaster recovery your responsibility.',
		'',
		'**What to do instead.** Set `skip_final_snapshot = false` and name the snapshot in `final_snapshot_identifier`. The quick fix does both, deriving the name from the database\'s identifier (`orders-final`); snapshot names must be unique, so a database destroyed and recreated twice needs a new name. Pair it with `deletion_protection = true` (AUP-BAK-003).',
		'',
		'**When it is legitimate.** Disposable test and CI databases. Read replicas (`replicate_source_db`) are not reported: RDS cannot snapshot them on deletion. Suppress with the reason: `# aup-guard-ignore AUP-BAK-002: ephemeral preview environment`.',
	].join('\n'),
	check(file, report) {
		for (const resource of resourcesOfType(file, ...Object.keys(NAME_KEYS))) {
			const skip = get(resource.body, 'skip_final_snapshot');
			if (skip && isTrue(skip) && get(resource.body, 'replicate_source_db') === undefined) {
				report({
					span: skip.span,
					message: `${describeResource(resource)} is deleted without a final snapshot (skip_final_snapshot = true): destroying or replacing it loses the data. Set it to false and name the snapshot in final_snapshot_identifier (AUP section 4: maintain backups and recovery).`,
					fixes: ['takeFinalSnapshot'],
				});
			}
		}
	},
	fixes: { takeFinalSnapshot: takeFinalSnapshot },
});

function takeFinalSnapshot(report: RuleReport, file: ParsedFile): FixDraft | null {
	const resource = innermostResource(file, report, Object.keys(NAME_KEYS));
	if (!resource) {
		return null;
	}
	const turnOff = replaceValue(report.span, 'false');
	if (get(resource.body, 'final_snapshot_identifier') !== undefined) {
		return fixDraft('Take a final snapshot before deletion', [turnOff], true);
	}
	const name = snapshotName(file, resource);
	return fixDraft(`Take a final snapshot named ${name} before deletion`, [turnOff, insertAttribute(file, resource.body, 'final_snapshot_identifier', name)], true);
}

/** `"orders-final"` from `"orders"`, `"${var.env}-db-final"` from a template, `"${var.name}-final"` from a reference, else from the resource's name. */
function snapshotName(file: ParsedFile, resource: Resource): string {
	const named = get(resource.body, NAME_KEYS[resource.type]);
	const written = named ? file.text.slice(named.span.start, named.span.end) : '';
	if (named?.kind === 'string' && /^"[^"\n]+"$/.test(written)) {
		// The user's own string, escapes and interpolations kept, with a suffix before its closing quote.
		return `${written.slice(0, -1)}-final"`;
	}
	if (named?.kind === 'expression' && !named.text.includes('\n')) {
		return `"\${${named.text}}-final"`;
	}
	// RDS names: letters, digits and single hyphens, starting with a letter.
	const base = resource.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	return quoted('hcl', `${/^[a-z]/.test(base) ? base : `db-${base}`}-final`);
}
