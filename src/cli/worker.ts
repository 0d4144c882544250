import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/index';
import { createNodeHost } from '../platform/node-host';
import { scannerFor, type ScannerSetup } from './org-rules';
import { mapLimit } from './pool';
import { scanOne, type Outcome, type ScanTarget } from './scan-files';

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

/** A batch to scan, and the answer to it. */
export interface BatchRequest {
	readonly id: number;
	readonly targets: readonly ScanTarget[];
}

export interface BatchResponse {
	readonly id: number;
	readonly outcomes: readonly Outcome[];
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
		void mapLimit(request.targets, setup.concurrency, target => scanOne(scanner, target, setup)).then(outcomes => {
			const response: BatchResponse = { id: request.id, outcomes };
			port.postMessage(response);
		});
	});
}

if (!isMainThread && isWorkerSetup(workerData)) {
	startWorker(workerData);
}
