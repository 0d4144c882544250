// The editor's case: a 1,000-line Terraform file, rescanned after each one-character edit, next
// to one full parse of it. The breakdown (incremental parse alone, rules alone) says what the
// rescan spends its time on.
import { performance } from 'node:perf_hooks';
import { median, medianMs } from './measure.mjs';

/** Variants of `text` that each differ from the one before by one character (a digit of a volume size). */
function editsOf(text, count) {
	const at = text.indexOf('volume_size = ', text.length / 2) + 'volume_size = '.length;
	return Array.from({ length: count }, (_, i) => text.slice(0, at) + String(i % 9 + 1) + text.slice(at + 1));
}

/** Rescans not counted, so the median is of an editor in use rather than of a JIT warming up. */
const WARM_UP_EDITS = 20;

export async function measureIncremental({ engineModule, hostModule, parsersModule, bare, text, runs }) {
	const edits = editsOf(text, Math.max(21, runs * 4));
	const host = { ...hostModule.createNodeHost(), incremental: true };
	const today = '2026-06-01';

	const editor = new engineModule.Engine(host);
	await editor.scan({ path: 'edit.tf', text }, { today });
	// An editor has been typed in before the edit that counts: its JIT has seen rescans already.
	for (const edited of edits.slice(0, WARM_UP_EDITS)) {
		await editor.scan({ path: 'edit.tf', text: edited }, { today });
	}
	const rescan = [];
	for (const edited of edits) {
		const start = performance.now();
		await editor.scan({ path: 'edit.tf', text: edited }, { today });
		rescan.push(performance.now() - start);
	}
	editor.dispose();

	// The same edits through the parser alone: what is left of the rescan is rules and suppressions.
	const parser = parsersModule.createParsers(host).terraform;
	await parser.parse({ path: 'edit.tf', text });
	const reparse = [];
	for (const edited of edits) {
		const start = performance.now();
		await parser.parse({ path: 'edit.tf', text: edited });
		reparse.push(performance.now() - start);
	}
	parser.dispose();

	const cold = new engineModule.Engine(hostModule.createNodeHost());
	await cold.scan({ path: 'full.tf', text }, { today });
	const fullScanMs = await medianMs(runs * 2, () => cold.scan({ path: 'full.tf', text }, { today }));
	cold.dispose();

	const fullParseMs = await medianMs(runs * 4, () => bare.tsParser.parse(text)?.delete());
	// tree-sitter's own incremental reparse, for reference: tree.edit + parse with the old tree.
	const old = bare.tsParser.parse(text);
	const at = edits[0].length === text.length ? firstDifference(text, edits[0]) : 0;
	const point = pointAt(text, at);
	const bareReparse = [];
	for (let i = 0; i < runs * 4; i++) {
		const tree = old.copy();
		tree.edit({ startIndex: at, oldEndIndex: at + 1, newEndIndex: at + 1, startPosition: point, oldEndPosition: { ...point, column: point.column + 1 }, newEndPosition: { ...point, column: point.column + 1 } });
		const start = performance.now();
		const next = bare.tsParser.parse(edits[i % edits.length], tree);
		bareReparse.push(performance.now() - start);
		next?.delete();
		tree.delete();
	}
	old.delete();
	return {
		lines: text.split('\n').length,
		bytes: Buffer.byteLength(text),
		rescanAfterEditMs: median(rescan),
		incrementalParseMs: median(reparse),
		fullScanMs,
		bareFullParseMs: fullParseMs,
		bareIncrementalReparseMs: median(bareReparse),
	};
}

function firstDifference(a, b) {
	let i = 0;
	while (i < a.length && a[i] === b[i]) {
		i++;
	}
	return i;
}

/** tree-sitter points count columns in bytes; the generated corpus is ASCII, so characters are bytes. */
function pointAt(text, offset) {
	const before = text.slice(0, offset);
	const row = before.split('\n').length - 1;
	return { row, column: offset - (before.lastIndexOf('\n') + 1) };
}
