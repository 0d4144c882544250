// Named checks that print `ok`/`FAIL` as they finish and a closing `N passed, M failed` line,
// the summary scripts/test.mjs counts. A check that throws fails alone; the others still run.

export class Checks {
	constructor() {
		this.results = [];
	}

	/** Runs `work`, records its outcome and time, and prints it at once (progress on a slow run). */
	async run(title, work) {
		const started = Date.now();
		try {
			await work();
			this.record({ title, ms: Date.now() - started });
		} catch (error) {
			this.record({ title, ms: Date.now() - started, error: describe(error) });
		}
	}

	/** Records a failure that is not a check of its own (setup, a timeout). */
	fail(title, error) {
		this.record({ title, ms: 0, error: describe(error) });
	}

	get failed() {
		return this.results.filter(result => result.error).length;
	}

	/** Prints the summary line and returns the exit code. */
	summary() {
		const failed = this.failed;
		process.stdout.write(`\n${this.results.length - failed} passed, ${failed} failed\n`);
		return failed > 0 || this.results.length === 0 ? 1 : 0;
	}

	record(result) {
		this.results.push(result);
		const time = `(${(result.ms / 1000).toFixed(1)} s)`;
		const detail = result.error ? `\n       ${result.error.split('\n').join('\n       ')}` : '';
		process.stdout.write(`  ${result.error ? 'FAIL' : 'ok  '} ${result.title} ${time}${detail}\n`);
	}
}

/** The message without terminal colours, and Playwright's call log cut short: the screenshot shows the rest. */
function describe(error) {
	const message = error instanceof Error ? error.message : String(error);
	const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
	return lines.length > 12 ? [...lines.slice(0, 12), `... (${lines.length - 12} more lines)`].join('\n') : lines.join('\n');
}
