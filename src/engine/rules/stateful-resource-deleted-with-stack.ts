import { replaceValue } from '../fixes/edits';
import type { ParsedFile, Resource } from '../model/file';
import type { ObjectNode } from '../model/nodes';
import { get, literalString } from '../model/query';
import { defineRule, type FixDraft, type RuleReport } from './rule';
import { innermostResource } from './shared/settings';
import { describeResource } from './shared/where';

/**
 * Stateful resource types and the policy that keeps their data: `Snapshot` where CloudFormation
 * supports it for the type, `Retain` otherwise.
 */
const KEEPING_POLICY: Readonly<Record<string, 'Snapshot' | 'Retain'>> = {
	'AWS::RDS::DBInstance': 'Snapshot',
	'AWS::RDS::DBCluster': 'Snapshot',
	'AWS::DocDB::DBCluster': 'Snapshot',
	'AWS::Neptune::DBCluster': 'Snapshot',
	'AWS::Redshift::Cluster': 'Snapshot',
	'AWS::EC2::Volume': 'Snapshot',
	'AWS::DynamoDB::Table': 'Retain',
	'AWS::DynamoDB::GlobalTable': 'Retain',
	'AWS::EFS::FileSystem': 'Retain',
};

export default defineRule({
	id: 'AUP-BAK-006',
	title: 'Stateful resource deleted with its stack',
	severity: 'warning',
	aupSection: '4',
	category: 'backup-recovery',
	formats: ['cloudformation'],
	docs: [
		'Finds `DeletionPolicy: Delete` on CloudFormation resources that hold data: RDS instances and clusters, DocumentDB, Neptune and Redshift clusters, EBS volumes, DynamoDB tables and EFS file systems. The finding points at `Delete`.',
		'',
		'**Why it matters.** When the stack is deleted, or the resource is removed from the template, CloudFormation deletes it and its data with it, with no snapshot to restore from. Section 4 of the Acceptable Use Policy makes backups and disaster recovery your responsibility.',
		'',
		'**What to do instead.** Use `Snapshot` for types that support it (the databases and volumes) or `Retain` (DynamoDB, EFS), and consider `UpdateReplacePolicy` with the same value. The quick fix writes the right one for the type. A missing `DeletionPolicy` is not reported: CloudFormation already takes a snapshot of RDS clusters and of instances outside a cluster by default.',
		'',
		'**When it is legitimate.** Test stacks that are created and torn down by CI. Aurora instances (`AWS::RDS::DBInstance` with `DBClusterIdentifier`) are not reported, because their cluster holds the data. Suppress with the reason: `# aup-guard-ignore AUP-BAK-006: integration-test stack, deleted after each run`.',
	].join('\n'),
	check(file, report) {
		for (const resource of file.resources) {
			const keep = KEEPING_POLICY[resource.type];
			if (!keep || (resource.type === 'AWS::RDS::DBInstance' && get(resource.body, 'DBClusterIdentifier') !== undefined)) {
				continue;
			}
			const policy = get(declarationOf(file, resource), 'DeletionPolicy');
			if (policy && literalString(policy) === 'Delete') {
				report({
					span: policy.span,
					message: `DeletionPolicy Delete on ${describeResource(resource)} deletes its data with the stack, with nothing to restore from. Use ${keep} (AUP section 4: maintain backups and recovery).`,
					fixes: ['keep'],
				});
			}
		}
	},
	fixes: { keep: keepData },
});

function keepData(report: RuleReport, file: ParsedFile): FixDraft | null {
	const resource = innermostResource(file, report, Object.keys(KEEPING_POLICY));
	const keep = resource && KEEPING_POLICY[resource.type];
	return keep ? { title: `Keep the data: DeletionPolicy ${keep}`, edits: [replaceValue(report.span, keep)], isPreferred: true } : null;
}

/** The resource's whole declaration (its `Type`, `Properties`, `DeletionPolicy`), found by its entry in `Resources`. */
function declarationOf(file: ParsedFile, resource: Resource): ObjectNode | undefined {
	for (const root of file.roots) {
		const section = get(root, 'Resources');
		const entry = section?.kind === 'object' ? section.entries.find(candidate => candidate.span.start === resource.span.start) : undefined;
		if (entry?.value.kind === 'object') {
			return entry.value;
		}
	}
	return undefined;
}
