import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScannerSetup } from './org-rules';
import type { Outcome, ScanTarget } from './scan-files';
import type { BatchRequest, BatchResponse, WorkerSetup } from './worker';

export interface WorkerPoolOptions {
	readonly jobs: number;
	readonly cwd: string;
	readonly maxFileSize: number;
	readonly concurrency: number;
	/** The organisation rules and rule options each worker's engine applies. */
	readonly scanner?: ScannerSetup;
	/** Files per message: enough to make a round trip cheap, few enough that the threads finish together. */
	readonly batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 16;

/**
 * Scans the targets on `jobs` worker threads, each with its own engine. Batches go to whichever
 * worker is free, so a thread that drew large files does not hold the others up; outcomes come
 * back in the order of `targets`, so the report is the same as from one thread.
 */
export async function scanInWorkers(targets: readonly ScanTarget[], options: WorkerPoolOptions): Promise<Outcome[]> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	const batches: Array<readonly ScanTarget[]> = [];
	for (let start = 0; start < targets.length; start += batchSize) {
		batches.push(targets.slice(start, start + batchSize));
	}
	const results = new Array<readonly Outcome[]>(batches.length);
	const setup: WorkerSetup = { aupGuardScanWorker: true, cwd: options.cwd, maxFileSize: options.maxFileSize, concurrency: options.concurrency, scanner: options.scanner ?? {} };
	const workers = Array.from({ length: Math.min(options.jobs, batches.length) }, () => new Worker(workerEntry(), { workerData: setup }));
	let next = 0;
	try {
		await Promise.all(workers.map(worker => new Promise<void>((resolve, reject) => {
			const feed = (): void => {
				if (next >= batches.length) {
					resolve();
					return;
				}
				const request: BatchRequest = { id: next, targets: batches[next++] };
				worker.postMessage(request);
			};
			worker.on('message', (response: BatchResponse) => {
				results[response.id] = response.outcomes;
				feed();
			});
			worker.on('error', reject);
			worker.on('exit', code => reject(new Error(`a scan worker stopped with exit code ${code}`)));
			feed();
		})));
	} finally {
		await Promise.all(workers.map(worker => worker.terminate()));
	}
	return results.flat();
}

/**
 * From the compiled sources (out/, the tests) the worker is its own module beside this one; in
 * the bundle everything is dist/cli.js, which runs the worker when loaded off the main thread.
 */
function workerEntry(): string {
	const own = path.join(__dirname, 'worker.js');
	return existsSync(own) ? own : __filename;
}
