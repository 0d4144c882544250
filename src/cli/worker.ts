import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Engine, type PreparedSyntax } from '../engine/index';
import { createNodeHost } from '../platform/node-host';
import { scannerFor, type ScannerSetup } from './org-rules';
import { mapLimit } from './pool';
import { readCandidate, type ReadResult } from './read-file';
import { scanOne, type Outcome, type ScanTarget } from './scan-one';

/**
 * A scan worker thread (`--jobs N`): its own engine, fed batches of files by the main thread,
 * answering each batch with its outcomes in the order it got them. The bundle is one file, so
 * dist/cli.js is also the worker's entry: loaded off the main thread, it starts this loop instead
 * of the command line.
 */

/** What the main thread hands a worker when it starts it. */
export interface WorkerSetup {
	readonly aupGuardScanWorker: true;
	readonly cwd: string;
	readonly maxFileSize: number;
	readonly concurrency: number;
	readonly scanner: ScannerSetup;
}

/**
 * A batch of files, and the answer to it: `scan` them whole, or `prepare` them, which reads each
 * file and parses it as far as the engine can without its rules (Terraform's syntax tree), for
 * the main thread to finish. A thread that only prepares never runs, nor warms up, the rules.
 */
export type BatchRequest =
	| { readonly id: number; readonly kind: 'scan'; readonly targets: readonly ScanTarget[] }
	| { readonly id: number; readonly kind: 'prepare'; readonly targets: readonly ScanTarget[] };

export type BatchResponse =
	| { readonly id: number; readonly kind: 'scan'; readonly outcomes: readonly Outcome[] }
	| { readonly id: number; readonly kind: 'prepare'; readonly prepared: readonly PreparedFile[] };

/** A file read, and what the engine could work out from its text alone. */
export interface PreparedFile {
	readonly read: ReadResult;
	readonly prepared?: PreparedSyntax;
}

export function isWorkerSetup(value: unknown): value is WorkerSetup {
	return typeof value === 'object' && value !== null && (value as { aupGuardScanWorker?: unknown }).aupGuardScanWorker === true;
}

function startWorker(setup: WorkerSetup): void {
	const port = parentPort;
	if (!port) {
		return;
	}
	// Grammars load on the first file of the first batch and stay for the rest.
	const engine = new Engine(createNodeHost());
	const scanner = scannerFor(engine, setup.scanner);
	port.on('message', (request: BatchRequest) => {
		if (request.kind === 'prepare') {
			void mapLimit(request.targets, setup.concurrency, target => prepareOne(engine, target, setup.maxFileSize)).then(prepared => {
				const response: BatchResponse = { id: request.id, kind: 'prepare', prepared };
				// The syntax trees' typed arrays move to the main thread rather than being copied.
				port.postMessage(response, prepared.flatMap(file => file.prepared ? transferables(file.prepared) : []));
			});
			return;
		}
		void mapLimit(request.targets, setup.concurrency, target => scanOne(scanner, target, setup)).then(outcomes => {
			const response: BatchResponse = { id: request.id, kind: 'scan', outcomes };
			port.postMessage(response);
		});
	});
}

async function prepareOne(engine: Engine, { file, display }: ScanTarget, maxFileSize: number): Promise<PreparedFile> {
	const read = readCandidate(file.path, maxFileSize);
	if (read.kind !== 'text') {
		return { read };
	}
	const prepared = await engine.prepare({ path: display, text: read.text }, { maxFileSize });
	return prepared ? { read, prepared } : { read };
}

function transferables(prepared: PreparedSyntax): ArrayBuffer[] {
	const { kinds, starts, ends, after } = prepared.tree;
	return [kinds.buffer, starts.buffer, ends.buffer, after.buffer] as ArrayBuffer[];
}

if (!isMainThread && isWorkerSetup(workerData)) {
	startWorker(workerData);
}
