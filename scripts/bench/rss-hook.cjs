// Preloaded into the CLI by run.mjs (node --require): writes the process's peak resident set
// size and CPU time, worker threads included, as JSON where the benchmark reads it. Does nothing without the variable.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.AUP_GUARD_BENCH_RSS;
if (target && require('node:worker_threads').isMainThread) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		writeFileSync(target, JSON.stringify({ maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
	});
}
