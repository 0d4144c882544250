import { isMainThread } from 'node:worker_threads';
import { tuneJitForScans } from './jit';
import { main } from './main';
// The bundle is also the entry of the scan worker threads (--jobs): loaded off the main thread,
// this module starts a worker instead of the command line.
import './worker';

if (isMainThread) {
	runCommandLine();
}

function runCommandLine(): void {
	tuneJitForScans();
	// A reader that goes away (`aup-guard scan | head`) is not an error worth a stack trace.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(process.exitCode ?? 0);
		}
		throw error;
	});

	// exitCode rather than process.exit(), so output still being written to a pipe is not cut off.
	main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
		code => { process.exitCode = code; },
		(error: unknown) => {
			process.stderr.write(`aup-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
