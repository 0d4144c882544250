import type { Span } from '../model/range';
import { defineRule } from './rule';
import { scriptUnits, type ScriptUnit } from './shared/scripts';
import { commandName, isInterpreter, isShell, parseScript, programArguments, runsStandardInput, type Command, type Word } from './shared/shell';
import { describeLocation } from './shared/where';

/** Inline programs that decode text and execute the result: Python, Perl, PHP, Ruby and Node forms. */
const EXEC_DECODED = /\b(?:exec|eval)\s{0,4}\([^\n]{0,300}?(?:b64decode|b32decode|b85decode|decodebytes|decode_base64|base64_decode|decode64|unhexlify|Buffer\.from\s{0,4}\([^\n]{0,300}?['"](?:base64|hex)['"])/g;
/** PowerShell: text decoded from Base64 and handed to Invoke-Expression, in either order. */
const POWERSHELL_DECODED = /\b(?:iex|Invoke-Expression)\b[^\n]{0,300}?FromBase64String|FromBase64String[^\n]{0,300}?\|\s{0,4}(?:iex|Invoke-Expression)\b/gi;
/** `-EncodedCommand` and the prefixes PowerShell accepts for it (`-enc`, `-ec`, `-e`). */
const ENCODED_COMMAND = /^-(?:e|ec|en|enc|enco|encod|encode|encoded|encodedc|encodedco|encodedcom|encodedcomm|encodedcomma|encodedcomman|encodedcommand)$/i;
const POWERSHELL = /^(?:powershell|pwsh)(?:\.exe)?$/;

const MESSAGE = 'runs code that is decoded first, so nobody reviewing the configuration can read what it does; this is how droppers hide malware (AUP section 3). Write the script out in plain text, or ship it as a reviewed file.';

export default defineRule({
	id: 'AUP-EXE-002',
	title: 'Decoded payload executed',
	severity: 'warning',
	aupSection: '3',
	category: 'malicious-code',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'bicep', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell'],
	docs: [
		'Finds scripts that decode a hidden payload and run it: `echo ... | base64 -d | sh`, `base64 --decode ... | bash`, `xxd -r -p ... | sh`, `openssl enc -d ... | sh`, `eval "$(echo ... | base64 -d)"`, `bash <(base64 -d ...)`, `python -c "exec(base64.b64decode(...))"` and its Perl, PHP, Ruby and Node kin, PowerShell\'s `-EncodedCommand` (and `-enc`, `-e`), and `iex` over `[Convert]::FromBase64String(...)`.',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids uploading malicious code or harmful scripts. Encoding a script hides it from the person reviewing the configuration, from code review and from scanners, including this one; it is the usual way a dropper carries a miner or a backdoor into user data. It is a warning rather than an error because some tools encode a script only to get it through quoting, and the decoded script may be harmless: the point is that nobody can tell without decoding it.',
		'',
		'**What to do instead.** Put the script in the configuration as plain text (a heredoc, a `write_files` entry, a ConfigMap) or in a file kept in the repository and referenced by `file()` or `templatefile()`, so it is reviewed like everything else. Decode it once yourself and read it before deploying anything that came encoded.',
		'',
		'**When it is legitimate.** When you generated the encoded text yourself from a script you reviewed, and a tool in between cannot carry it otherwise. Suppress with that reason: `# aup-guard-ignore AUP-EXE-002: encoded from scripts/bootstrap.ps1 for the VM extension`. Decoding into a file or into a program that reads data is not reported: a certificate or kubeconfig written with `base64 -d > file`, `base64 -d | tar xz`, `base64 -d | kubectl apply -f -`.',
	].join('\n'),
	check(file, report) {
		for (const unit of scriptUnits(file)) {
			const where = describeLocation(unit.ref.resource, unit.ref.key);
			for (const span of decodedRuns(unit)) {
				report({ span, message: `This script (${where}) ${MESSAGE}` });
			}
		}
	},
});

function decodedRuns(unit: ScriptUnit): Span[] {
	const spans: Span[] = [];
	for (const pipeline of unit.pipelines) {
		const commands = pipeline.commands;
		// `echo ... | base64 -d | sh`: from the decoder through the program that runs what it prints.
		const decoder = commands.findIndex(decodes);
		const runner = decoder < 0 ? undefined : commands.slice(decoder + 1).find(runsStandardInput);
		if (runner) {
			spans.push(unit.spanOf(commands[decoder].start, programWord(runner).end));
		}
		for (const command of commands) {
			const substituted = substitutedDecode(command);
			if (substituted) {
				spans.push(unit.spanOf(programWord(command).start, substituted.end));
			}
			const flag = encodedCommandFlag(command);
			if (flag) {
				spans.push(unit.spanOf(flag.start, flag.end));
			}
			if (isInterpreter(commandName(command))) {
				const text = unit.text.slice(command.start, command.end);
				for (const match of text.matchAll(EXEC_DECODED)) {
					spans.push(unit.spanOf(command.start + match.index, command.start + match.index + match[0].length));
				}
			}
		}
	}
	for (const match of unit.text.matchAll(POWERSHELL_DECODED)) {
		spans.push(unit.spanOf(match.index, match.index + match[0].length));
	}
	return spans;
}

/** `base64 -d`, `base64 --decode`, `base32 -d`, `xxd -r`, `openssl enc -d`, `openssl base64 -d`, `uudecode -o -`. */
function decodes(command: Command): boolean {
	const name = commandName(command);
	const args = programArguments(command).map(word => word.text);
	switch (name) {
		case 'base64':
		case 'base32':
		case 'basenc':
			return args.some(arg => arg === '--decode' || /^-[A-Za-z]*[dD]$/.test(arg));
		case 'xxd':
			return args.some(arg => /^-[A-Za-z]*r[A-Za-z]*$/.test(arg) || arg === '-revert');
		case 'openssl':
			return args.includes('-d') && (args[0] === 'enc' || args[0] === 'base64' || args.includes('-base64') || args.includes('-a'));
		default:
			return false;
	}
}

/** `eval "$(echo ... | base64 -d)"`, `bash -c "$(base64 -d <<< ...)"`, `sh <(base64 -d ...)`: the decoded text is the program. */
function substitutedDecode(command: Command): Word | undefined {
	const name = commandName(command);
	if (!isShell(name) && !isInterpreter(name) && name !== 'source' && name !== '.' && name !== 'eval') {
		return undefined;
	}
	return programArguments(command).find(word => {
		const inner = /^(?:<\(|\$\()([\s\S]*)\)$/.exec(word.text);
		return inner !== null && parseScript(inner[1]).some(pipeline => pipeline.commands.some(decodes));
	});
}

/** PowerShell started with `-EncodedCommand <base64>`. */
function encodedCommandFlag(command: Command): Word | undefined {
	const name = commandName(command);
	if (name === undefined || !POWERSHELL.test(name)) {
		return undefined;
	}
	return programArguments(command).find(word => ENCODED_COMMAND.test(word.text));
}

function programWord(command: Command): Word {
	return command.words[Math.max(0, command.programIndex)];
}
