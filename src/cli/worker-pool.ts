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
/** Batches a worker holds at once: the next one waits in its queue while it answers the last. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Scans the targets on `jobs` threads, each with its own engine: worker threads, and this thread
 * too when `scanHere` is given (then `jobs - 1` workers start, so no core idles while this one
 * waits). Batches go to whichever thread is free, so a thread that drew large files does not
 * hold the others up; outcomes come back in the order of `targets`, so the report is the same
 * as from one thread.
 */
export async function scanInWorkers(targets: readonly ScanTarget[], options: WorkerPoolOptions, scanHere?: (target: ScanTarget) => Promise<Outcome>): Promise<Outcome[]> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	const batches: Array<readonly ScanTarget[]> = [];
	for (let start = 0; start < targets.length; start += batchSize) {
		batches.push(targets.slice(start, start + batchSize));
	}
	const results = new Array<readonly Outcome[]>(batches.length);
	let next = 0;
	const take = (): number | undefined => (next < batches.length ? next++ : undefined);
	const setup: WorkerSetup = { aupGuardScanWorker: true, cwd: options.cwd, maxFileSize: options.maxFileSize, concurrency: options.concurrency, scanner: options.scanner ?? {} };
	const workerCount = Math.min(options.jobs - (scanHere ? 1 : 0), batches.length);
	const workers = Array.from({ length: Math.max(0, workerCount) }, () => new Worker(workerEntry(), { workerData: setup }));
	try {
		await Promise.all([
			...workers.map(worker => new Promise<void>((resolve, reject) => {
				let inFlight = 0;
				const feed = (): void => {
					for (let id = inFlight < BATCHES_IN_FLIGHT ? take() : undefined; id !== undefined; id = inFlight < BATCHES_IN_FLIGHT ? take() : undefined) {
						inFlight++;
						const request: BatchRequest = { id, targets: batches[id] };
						worker.postMessage(request);
					}
					if (inFlight === 0) {
						resolve();
					}
				};
				worker.on('message', (response: BatchResponse) => {
					results[response.id] = response.outcomes;
					inFlight--;
					feed();
				});
				worker.on('error', reject);
				worker.on('exit', code => reject(new Error(`a scan worker stopped with exit code ${code}`)));
				feed();
			})),
			...(scanHere ? [scanBatchesHere(batches, results, take, scanHere)] : []),
		]);
	} finally {
		await Promise.all(workers.map(worker => worker.terminate()));
	}
	return results.flat();
}

/** This thread's share: batch after batch, letting the workers' answers in after every file. */
async function scanBatchesHere(batches: ReadonlyArray<readonly ScanTarget[]>, results: Array<readonly Outcome[]>, take: () => number | undefined, scan: (target: ScanTarget) => Promise<Outcome>): Promise<void> {
	for (let id = take(); id !== undefined; id = take()) {
		const outcomes: Outcome[] = [];
		for (const target of batches[id]) {
			outcomes.push(await scan(target));
			// A scan resolves without touching the event loop; a worker waiting for its next batch must not.
			await new Promise(resolve => setImmediate(resolve));
		}
		results[id] = outcomes;
	}
}

/**
 * From the compiled sources (out/, the tests) the worker is its own module beside this one; in
 * the bundle everything is dist/cli.js, which runs the worker when loaded off the main thread.
 */
function workerEntry(): string {
	const own = path.join(__dirname, 'worker.js');
	return existsSync(own) ? own : __filename;
}
