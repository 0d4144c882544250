// Run in a fresh process by run.mjs: scans every file of the corpus with one engine, reading each
// from disk as the CLI does, and reports the peak resident set size and heap sampled after every
// file, plus the kernel's own peak (maxRSS). A fresh process keeps the parent's corpus copies and
// bare-parse trees out of the numbers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const [root, dir, list] = process.argv.slice(2);
const { Engine } = require(path.join(root, 'out/src/engine/index.js'));
const { createNodeHost } = require(path.join(root, 'out/src/platform/node-host.js'));

const engine = new Engine(createNodeHost());
let peakRss = 0;
let peakHeap = 0;
for (const file of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
	await engine.scan({ path: file, text: readFileSync(path.join(dir, file), 'utf8') }, { today: '2026-06-01' });
	const usage = process.memoryUsage();
	peakRss = Math.max(peakRss, usage.rss);
	peakHeap = Math.max(peakHeap, usage.heapUsed);
}
engine.dispose();
process.stdout.write(JSON.stringify({ peakRss, peakHeap, maxRss: process.resourceUsage().maxRSS * 1024 }));
