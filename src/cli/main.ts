import pkg from '../../package.json';
import { BUILTIN_RULES } from '../engine/index';
import { parseArgs, UsageError, type CliArgs } from './args';
import { runRedact } from './commands/redact';
import { formatRulesJson, formatRulesText } from './format/rules';
import { describeError, resolveIo, type CliIo, type ResolvedIo } from './io';
import { loadOrgRules } from './org-rules';
import { runScan } from './run-scan';
import { usage } from './usage';

export type { CliIo, CliStream } from './io';

/**
 * The `aup-guard` command line. Returns the exit code instead of exiting, so tests can run it:
 * 0 clean, 1 findings at or above --fail-on, 2 a usage error or an internal failure.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	const resolved = resolveIo(io);
	let args: CliArgs;
	try {
		args = parseArgs(argv);
	} catch (error) {
		if (error instanceof UsageError) {
			resolved.stderr.write(`aup-guard: ${error.message}\n\n${usage(error.topic)}`);
			return 2;
		}
		return internalError(error, resolved);
	}
	try {
		return await run(args, resolved);
	} catch (error) {
		return internalError(error, resolved);
	}
}

async function run(args: CliArgs, io: ResolvedIo): Promise<number> {
	switch (args.command) {
		case 'help':
			io.stdout.write(usage(args.topic));
			return 0;
		case 'version':
			io.stdout.write(`${pkg.version}\n`);
			return 0;
		case 'rules': {
			const loaded = await loadOrgRules(args, [], io);
			if (!loaded.ok) {
				return 2;
			}
			const rules = [...BUILTIN_RULES, ...loaded.org.rules];
			io.stdout.write(args.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules));
			return 0;
		}
		case 'scan':
			return runScan(args, io, pkg.version);
		case 'redact':
			return runRedact(args, io);
	}
}

function internalError(error: unknown, io: ResolvedIo): number {
	io.stderr.write(`aup-guard: internal error: ${describeError(error, io.env)}\n`);
	return 2;
}
