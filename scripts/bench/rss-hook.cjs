// Preloaded into the CLI by run.mjs (node --require): writes the process's peak resident set
// size, worker threads included, where the benchmark reads it. Does nothing without the variable.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.AUP_GUARD_BENCH_RSS;
if (target && require('node:worker_threads').isMainThread) {
	process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
}
