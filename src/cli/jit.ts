import { setFlagsFromString } from 'node:v8';

/**
 * V8 tunes its JIT for long-running programs: it optimises a function early and inlines
 * generously, then optimises again whenever a guess turns out wrong. A scan is the opposite: a
 * few seconds over many rules, each hot only briefly, so the optimising compiler's background
 * threads spent more CPU than the scan itself, on the cores the scan's worker threads need.
 * Waiting longer before optimising and inlining less cut the CPU time of a scan of the bench
 * corpus by a fifth and its wall time on two threads by as much (`npm run bench`, README
 * "Performance"). V8's flags are its own and change between versions, so they are set only on
 * the V8 they were measured on (Node 20's); elsewhere V8's defaults stay.
 */
const FLAGS_BY_V8_MAJOR: Readonly<Record<string, readonly string[]>> = {
	'11': ['--interrupt-budget=400000', '--max-inlined-bytecode-size-cumulative=300'],
};

/** Called first thing by the command line; flags are process-wide, so worker threads get them too. */
export function tuneJitForScans(v8Version: string = process.versions.v8): readonly string[] {
	const flags = FLAGS_BY_V8_MAJOR[v8Version.split('.')[0]] ?? [];
	for (const flag of flags) {
		setFlagsFromString(flag);
	}
	return flags;
}
