import * as assert from 'node:assert/strict';
import type { ReviewStatus } from '../../../src/engine/review/index';
import { buildTree, type GroupBy } from '../../../src/extension/tree/tree-model';
import type { FindingsNode } from '../../../src/extension/tree/tree-nodes';
import type { FileFindings } from '../../../src/extension/workspace/findings-store';
import { finding } from './findings-helpers';

const entries: FileFindings<string>[] = [
	{
		uri: 'infra/network.tf',
		origin: 'disk',
		findings: [
			finding('AUP-NET-001', 24),
			finding('AUP-EXE-001', 44),
			finding('AUP-NET-002', 60, 'warning', { suppressed: { reason: 'load balancer health checks' } }),
		],
	},
	{ uri: 'k8s/miner.yaml', origin: 'editor', findings: [finding('AUP-MIN-001', 19, 'error'), finding('AUP-SUP-001', 2, 'warning', { aupSection: '4' })] },
	{ uri: 'clean.tf', origin: 'disk', findings: [] },
	{ uri: 'gen/generated.tf', origin: 'disk', findings: [finding('AUP-CRD-003', 5, 'error')], generatedHash: 'h' },
	{ uri: 'gen/reviewed.tf', origin: 'disk', findings: [finding('AUP-NET-001', 7)], generatedHash: 'h' },
];

const reviews: Record<string, ReviewStatus> = {
	'gen/generated.tf': { state: 'unreviewed' },
	'gen/reviewed.tf': { state: 'reviewed', by: 'Ana', date: '2026-11-20' },
};

function tree(groupBy: GroupBy): FindingsNode<string>[] {
	return buildTree({ entries, groupBy, pathOf: uri => uri, reviewOf: entry => reviews[entry.uri] });
}

/** label — description, indented by depth: the tree as a reader sees it. */
function outline(nodes: readonly FindingsNode<string>[], depth = 0): string[] {
	return nodes.flatMap(node => [
		`${'  '.repeat(depth)}${node.label}${node.description ? ` — ${node.description}` : ''}`,
		...outline(node.children ?? [], depth + 1),
	]);
}

describe('findings tree', () => {
	it('groups by AUP section, then file, with counts, generated files to review first', () => {
		assert.deepEqual(outline(tree('section')), [
			'Generated, Not Reviewed — 1 file',
			'  generated.tf — gen · 1 error · not reviewed',
			'    AUP-CRD-003 message — AUP-CRD-003 · Ln 6',
			'AUP §3 Prohibited Activities — 2 errors, 3 warnings in 4 files',
			'  generated.tf — gen · 1 error · not reviewed',
			'    AUP-CRD-003 message — AUP-CRD-003 · Ln 6',
			'  reviewed.tf — gen · 1 warning',
			'    AUP-NET-001 message — AUP-NET-001 · Ln 8',
			'  network.tf — infra · 2 warnings',
			'    AUP-NET-001 message — AUP-NET-001 · Ln 25',
			'    AUP-EXE-001 message — AUP-EXE-001 · Ln 45',
			'  miner.yaml — k8s · 1 error',
			'    AUP-MIN-001 message — AUP-MIN-001 · Ln 20',
			'AUP §4 User Responsibilities — 1 warning in 1 file',
			'  miner.yaml — k8s · 1 warning',
			'    AUP-SUP-001 message — AUP-SUP-001 · Ln 3',
			'Suppressed — 1',
			'  AUP-NET-002 message — AUP-NET-002 · network.tf:61 · load balancer health checks',
		]);
	});

	it('groups by file, findings in line order', () => {
		assert.deepEqual(outline(tree('file')).filter(line => !line.startsWith('  ')), [
			'Generated, Not Reviewed — 1 file',
			'generated.tf — gen · 1 error · not reviewed',
			'reviewed.tf — gen · 1 warning',
			'network.tf — infra · 2 warnings',
			'miner.yaml — k8s · 1 error, 1 warning',
			'Suppressed — 1',
		]);
		const miner = tree('file').find(node => node.label === 'miner.yaml');
		assert.deepEqual(miner?.children?.map(node => node.finding?.ruleId), ['AUP-SUP-001', 'AUP-MIN-001']);
	});

	it('gives severity icons, click targets, unique ids and a collapsed suppressed group', () => {
		const roots = tree('section');
		const ids = new Set<string>();
		const visit = (node: FindingsNode<string>): void => {
			assert.ok(!ids.has(node.id), `duplicate id ${node.id}`);
			ids.add(node.id);
			if (node.kind === 'finding') {
				assert.ok(node.uri && node.finding);
				assert.equal(node.icon, node.finding.suppressed ? 'shield' : node.finding.severity);
			}
			node.children?.forEach(visit);
		};
		roots.forEach(visit);
		assert.equal(roots.at(-1)?.collapsed, true);
	});

	it('is empty when nothing has findings, and calls out a changed review', () => {
		assert.deepEqual(buildTree({ entries: [entries[2]], groupBy: 'section', pathOf: uri => uri, reviewOf: () => undefined }), []);
		const changed = buildTree({
			entries: [entries[4]],
			groupBy: 'file',
			pathOf: uri => uri,
			reviewOf: () => ({ state: 'changed', by: 'Ana', date: '2026-11-20' }),
		});
		assert.deepEqual(outline(changed).filter(line => !line.startsWith('  ')), [
			'Generated, Not Reviewed — 1 file',
			'reviewed.tf — gen · 1 warning · changed since review',
		]);
	});
});
