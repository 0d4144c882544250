import * as assert from 'node:assert/strict';
import { parseArgs, UsageError, type ScanArgs } from '../../../src/cli/args';
import { DEFAULT_MAX_FILE_SIZE } from '../../../src/engine/index';

function scan(...argv: string[]): ScanArgs {
	const args = parseArgs(['scan', ...argv]);
	assert.equal(args.command, 'scan');
	return args as ScanArgs;
}

function usageError(argv: string[], message: RegExp, topic: string): void {
	assert.throws(() => parseArgs(argv), (error: unknown) => {
		assert.ok(error instanceof UsageError, String(error));
		assert.match(error.message, message);
		assert.equal(error.topic, topic);
		return true;
	});
}

describe('cli arguments', () => {
	it('defaults scan to the current folder, text, fail on error', () => {
		assert.deepEqual(scan(), {
			command: 'scan', paths: ['.'], format: 'text', failOn: 'error', include: [], exclude: [],
			maxFileSize: DEFAULT_MAX_FILE_SIZE, color: true, showSuppressed: false,
		});
	});

	it('reads every scan flag, in both --flag value and --flag=value forms', () => {
		const args = scan('infra', '--format=sarif', '--fail-on', 'warning', '--exclude', 'legacy/**', '--exclude=*.gen.tf',
			'--include', '**/*.tf', '--max-file-size', '1000', '--no-color', '--show-suppressed', '--output', 'out.sarif', 'k8s');
		assert.deepEqual(args, {
			command: 'scan', paths: ['infra', 'k8s'], format: 'sarif', failOn: 'warning', include: ['**/*.tf'],
			exclude: ['legacy/**', '*.gen.tf'], maxFileSize: 1000, color: false, showSuppressed: true, output: 'out.sarif',
		});
	});

	it('lets the last value of a single-valued flag win, so scripts can append overrides', () => {
		assert.equal(scan('--format', 'json', '--format', 'text').format, 'text');
	});

	it('takes everything after -- as a path, even when it looks like a flag', () => {
		assert.deepEqual(scan('--', '--weird-name.tf', '-h').paths, ['--weird-name.tf', '-h']);
	});

	it('rejects unknown flags, bad values and missing values with the usage of the command', () => {
		usageError(['scan', '--fromat', 'json'], /unknown option '--fromat' for scan/, 'scan');
		usageError(['scan', '--format', 'xml'], /--format must be one of text, json, sarif, got 'xml'/, 'scan');
		usageError(['scan', '--fail-on', 'critical'], /--fail-on must be one of error, warning, info, none/, 'scan');
		usageError(['scan', '--format'], /--format needs a value/, 'scan');
		usageError(['scan', '--exclude', '--format', 'json'], /--exclude needs a value/, 'scan');
		usageError(['scan', '--include='], /--include needs a value/, 'scan');
		usageError(['scan', '--no-color=yes'], /--no-color takes no value/, 'scan');
		for (const size of ['0', '-5', '1.5', '2MB', '99999999999999999999']) {
			usageError(['scan', `--max-file-size=${size}`], /--max-file-size must be a positive whole number/, 'scan');
		}
	});

	it('parses rules, help and version', () => {
		assert.deepEqual(parseArgs(['rules']), { command: 'rules', format: 'text' });
		assert.deepEqual(parseArgs(['rules', '--format', 'json']), { command: 'rules', format: 'json' });
		assert.deepEqual(parseArgs(['--help']), { command: 'help', topic: 'main' });
		assert.deepEqual(parseArgs(['-h']), { command: 'help', topic: 'main' });
		assert.deepEqual(parseArgs(['help']), { command: 'help', topic: 'main' });
		assert.deepEqual(parseArgs(['help', 'scan']), { command: 'help', topic: 'scan' });
		assert.deepEqual(parseArgs(['scan', 'infra', '--help']), { command: 'help', topic: 'scan' });
		assert.deepEqual(parseArgs(['rules', '-h']), { command: 'help', topic: 'rules' });
		assert.deepEqual(parseArgs(['--version']), { command: 'version' });
		assert.deepEqual(parseArgs(['-v']), { command: 'version' });
	});

	it('rejects what rules, help and the top level do not take', () => {
		usageError([], /no command given/, 'main');
		usageError(['lint'], /unknown command 'lint'/, 'main');
		usageError(['--verbose'], /unknown option '--verbose'/, 'main');
		usageError(['help', 'deploy'], /no help for 'deploy'/, 'main');
		usageError(['rules', '--format', 'sarif'], /--format must be one of text, json, got 'sarif'/, 'rules');
		usageError(['rules', 'infra'], /rules takes no arguments/, 'rules');
		usageError(['rules', '--fail-on', 'error'], /unknown option '--fail-on' for rules/, 'rules');
	});
});
