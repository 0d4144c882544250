import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { detectFormat } from '../engine/index';
import type { ScannerSetup } from './org-rules';
import { scanOne, scanRead, type FileScanner, type Outcome, type ScanTarget } from './scan-one';
import type { BatchRequest, BatchResponse, PreparedFile, WorkerSetup } from './worker';

export interface WorkerPoolOptions {
	readonly jobs: number;
	readonly cwd: string;
	readonly maxFileSize: number;
	readonly concurrency: number;
	/** The organisation rules and rule options each worker's engine applies. */
	readonly scanner?: ScannerSetup;
	/** Files per message: enough to make a round trip cheap, few enough that the threads finish together. */
	readonly batchSize?: number;
	/**
	 * Parsed files waiting for this thread, at most: beyond it workers scan Terraform files whole,
	 * so a large repository's texts and trees do not pile up in memory while this thread is busy.
	 */
	readonly maxPreparedAhead?: number;
}

const DEFAULT_BATCH_SIZE = 16;
/** Batches a worker holds at once: the next one waits in its queue while it answers the last. */
const BATCHES_IN_FLIGHT = 2;
const DEFAULT_MAX_PREPARED_AHEAD = 8 * DEFAULT_BATCH_SIZE;

/**
 * Scans the targets on `jobs` threads: this one, with `here`, and `jobs - 1` workers, each with
 * its own engine. The workers first parse the Terraform files ahead of this thread (a syntax
 * tree is most of a Terraform scan, and a worker that only parses never warms up the rules),
 * while this thread scans the other files and finishes the parsed ones; then they scan whole
 * batches of what is left. Outcomes come back in the order of `targets`, so the report is the
 * same as from one thread.
 */
export async function scanInThreads(targets: readonly ScanTarget[], options: WorkerPoolOptions, here: FileScanner): Promise<Outcome[]> {
	const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
	const maxPreparedAhead = options.maxPreparedAhead ?? DEFAULT_MAX_PREPARED_AHEAD;
	const outcomes = new Array<Outcome>(targets.length);
	const ahead = new IndexQueue();
	const rest = new IndexQueue();
	targets.forEach((target, index) => (parsesAhead(target) ? ahead : rest).push(index));
	const parsed: Array<{ readonly index: number; readonly file: PreparedFile }> = [];
	const batches = new Map<number, readonly number[]>();
	/** Files in prepare batches not answered yet. */
	let preparing = 0;
	let wake: (() => void) | undefined;

	const nextRequest = (): BatchRequest | undefined => {
		const id = batches.size;
		if (ahead.size > 0) {
			const indices = ahead.takeFront(batchSize);
			batches.set(id, indices);
			if (parsed.length + preparing >= maxPreparedAhead) {
				return { id, kind: 'scan', targets: indices.map(index => targets[index]) };
			}
			preparing += indices.length;
			return { id, kind: 'prepare', targets: indices.map(index => targets[index]) };
		}
		// The last few batches stay with this thread, which would otherwise wait for their answers.
		if (rest.size > 2 * batchSize) {
			const indices = rest.takeBack(batchSize);
			batches.set(id, indices);
			return { id, kind: 'scan', targets: indices.map(index => targets[index]) };
		}
		return undefined;
	};
	const answer = (response: BatchResponse): void => {
		const indices = batches.get(response.id) ?? [];
		if (response.kind === 'prepare') {
			preparing -= indices.length;
			response.prepared.forEach((file, n) => parsed.push({ index: indices[n], file }));
			wake?.();
		} else {
			response.outcomes.forEach((outcome, n) => { outcomes[indices[n]] = outcome; });
		}
	};

	const scanHere = async (): Promise<void> => {
		for (;;) {
			const next = parsed.shift();
			if (next) {
				outcomes[next.index] = await scanRead(here, targets[next.index], next.file.read, options, next.file.prepared);
			} else if (rest.size > 0 || ahead.size > 0) {
				// Other files first; then Terraform files from the end of the queue the workers parse from the start of.
				const index = rest.size > 0 ? rest.takeFront(1)[0] : ahead.takeBack(1)[0];
				outcomes[index] = await scanOne(here, targets[index], options);
			} else if (preparing > 0) {
				await new Promise<void>(resolve => { wake = resolve; });
				wake = undefined;
				continue;
			} else {
				return;
			}
			// A scan resolves without touching the event loop; the workers' answers must not wait for this thread.
			await new Promise(resolve => setImmediate(resolve));
		}
	};

	const setup: WorkerSetup = { aupGuardScanWorker: true, cwd: options.cwd, maxFileSize: options.maxFileSize, concurrency: options.concurrency, scanner: options.scanner ?? {} };
	const workers = Array.from({ length: Math.max(0, options.jobs - 1) }, () => new Worker(workerEntry(), { workerData: setup }));
	try {
		await Promise.all([
			...workers.map(worker => new Promise<void>((resolve, reject) => {
				let inFlight = 0;
				const feed = (): void => {
					for (let request = inFlight < BATCHES_IN_FLIGHT ? nextRequest() : undefined; request; request = inFlight < BATCHES_IN_FLIGHT ? nextRequest() : undefined) {
						inFlight++;
						worker.postMessage(request);
					}
					if (inFlight === 0) {
						resolve();
					}
				};
				worker.on('message', (response: BatchResponse) => {
					inFlight--;
					answer(response);
					feed();
				});
				worker.on('error', reject);
				worker.on('exit', code => reject(new Error(`a scan worker stopped with exit code ${code}`)));
				feed();
			})),
			scanHere(),
		]);
	} finally {
		await Promise.all(workers.map(worker => worker.terminate()));
	}
	return outcomes;
}

/** Terraform files by name: workers parse them ahead; what is read decides nothing here, it is not read yet. */
function parsesAhead(target: ScanTarget): boolean {
	return !target.referenced && detectFormat(target.display, '') === 'terraform';
}

/** Target indices, taken from either end: workers and this thread work towards each other. */
class IndexQueue {
	private readonly items: number[] = [];
	private front = 0;

	get size(): number {
		return this.items.length - this.front;
	}

	push(index: number): void {
		this.items.push(index);
	}

	takeFront(count: number): number[] {
		const taken = this.items.slice(this.front, this.front + count);
		this.front += taken.length;
		return taken;
	}

	takeBack(count: number): number[] {
		const from = Math.max(this.front, this.items.length - count);
		return this.items.splice(from);
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
