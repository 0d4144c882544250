// Preloaded into the CLI by run.mjs (node --import): writes the process's peak resident set
// size and CPU time, worker threads included, as JSON where the benchmark reads it. Does nothing
// without the variable, and nothing in the worker threads, which load it too.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.AUP_GUARD_BENCH_RSS;
if (target && isMainThread) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		writeFileSync(target, JSON.stringify({ maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
	});
}
