// Timing helpers: medians of repeated runs, so one stall of a busy machine does not move them.
import { performance } from 'node:perf_hooks';

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs); returns the median milliseconds. */
export async function medianMs(runs, fn, warmup = 1) {
	for (let i = 0; i < warmup; i++) {
		await fn();
	}
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	return median(times);
}

export const mb = bytes => bytes / (1024 * 1024);

/**
 * As medianMs, with the median CPU time of this process next to the wall time: on a machine
 * that others load, CPU time moves much less than wall time, so its ratios are the steadier ones.
 */
export async function medianTimes(runs, fn, warmup = 1) {
	for (let i = 0; i < warmup; i++) {
		await fn();
	}
	const walls = [];
	const cpus = [];
	for (let i = 0; i < runs; i++) {
		const cpu = process.cpuUsage();
		const start = performance.now();
		await fn();
		walls.push(performance.now() - start);
		const used = process.cpuUsage(cpu);
		cpus.push((used.user + used.system) / 1000);
	}
	return { ms: median(walls), cpuMs: median(cpus) };
}
