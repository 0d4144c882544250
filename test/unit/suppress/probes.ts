import * as assert from 'node:assert/strict';
import { Engine, type ScanResult } from '../../../src/engine/index';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ValueNode } from '../../../src/engine/model/nodes';
import { literalNumber, stringValues } from '../../../src/engine/model/query';
import invalidSuppression from '../../../src/engine/rules/invalid-suppression';
import { defineRule } from '../../../src/engine/rules/rule';
import { createNodeHost } from '../../../src/platform/node-host';

/**
 * Two probe rules, so the end-to-end tests exercise the real parsers and the real pipeline without
 * depending on how the built-in rules evolve: one flags strings open to any address, one port 22.
 */
const openToAll = defineRule({
	id: 'AUP-TST-001', title: 'Probe: open to any address', severity: 'warning', aupSection: '3', category: 'network-exposure',
	formats: ['terraform', 'kubernetes', 'compose'], docs: 'A probe rule for suppression tests: flags every string that holds 0.0.0.0.',
	check(file, report) {
		for (const ref of stringValues(file)) {
			if (ref.node.value.includes('0.0.0.0')) {
				report({ span: ref.node.span, message: 'open to any address' });
			}
		}
	},
});

const sshPort = defineRule({
	id: 'AUP-TST-002', title: 'Probe: SSH port', severity: 'warning', aupSection: '3', category: 'network-exposure',
	formats: ['terraform', 'kubernetes', 'compose'], docs: 'A probe rule for suppression tests: flags every number 22 in the file.',
	check(file, report) {
		for (const node of numbers(file)) {
			if (literalNumber(node) === 22) {
				report({ span: node.span, message: 'SSH port' });
			}
		}
	},
});

let probeEngine: Engine | undefined;

/** Scans with the probe rules and AUP-SUP-001, on a fixed date. */
export function scanWithProbes(path: string, text: string, today = '2026-06-01'): Promise<ScanResult> {
	probeEngine ??= new Engine(createNodeHost(), [openToAll, sshPort, invalidSuppression]);
	return probeEngine.scan({ path, text }, { today });
}

/** `line rule` per finding (1-based lines, as an editor shows them), with the reason when suppressed. */
export function summary(result: ScanResult): string[] {
	assert.deepEqual(result.errors, []);
	return result.findings.map(finding => {
		const where = `${finding.range.start.line + 1} ${finding.ruleId}`;
		const until = finding.suppressed?.until ? ` until ${finding.suppressed.until}` : '';
		return finding.suppressed ? `${where} suppressed: ${finding.suppressed.reason}${until}` : where;
	});
}

function numbers(file: ParsedFile): ValueNode[] {
	const found: ValueNode[] = [];
	const visit = (node: ValueNode): void => {
		if (node.kind === 'number') {
			found.push(node);
		} else if (node.kind === 'object') {
			node.entries.forEach(entry => visit(entry.value));
		} else if (node.kind === 'array') {
			node.items.forEach(visit);
		}
	};
	file.roots.forEach(visit);
	return found;
}
