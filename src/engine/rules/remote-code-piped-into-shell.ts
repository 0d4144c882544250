import type { Span } from '../model/range';
import { defineRule } from './rule';
import { scriptUnits, type ScriptUnit } from './shared/scripts';
import { commandName, isInterpreter, isShell, parseScript, programArguments, runsStandardInput, type Command, type Word } from './shared/shell';
import { describeLocation } from './shared/where';

/**
 * PowerShell's forms: `iex (iwr URL)`, `iex ((New-Object Net.WebClient).DownloadString(URL))`,
 * `iwr URL | iex`. PowerShell is not shell syntax, so these are matched as text, with bounded gaps.
 */
const DOWNLOAD_PS = String.raw`(?:iwr|irm|curl|wget|Invoke-WebRequest|Invoke-RestMethod|\(?\s{0,4}New-Object\s{1,4}(?:System\.)?Net\.WebClient\s{0,4}\)?\s{0,4}\.\s{0,4}DownloadString)`;
const POWERSHELL_FORMS = [
	new RegExp(String.raw`\b(?:iex|Invoke-Expression)\s{0,4}(?:\(\s{0,4}){1,2}${DOWNLOAD_PS}\b[^\n]{0,400}?\)`, 'gi'),
	new RegExp(String.raw`(?<![\w-])${DOWNLOAD_PS}\b[^\n|]{0,400}\|\s{0,4}(?:iex|Invoke-Expression)\b`, 'gi'),
];

const MESSAGE = 'runs code downloaded from the network without checking it; if the server, the DNS or the connection is compromised, this machine runs whatever is sent. Download to a file, verify its checksum or signature, then run it.';

export default defineRule({
	id: 'AUP-EXE-001',
	title: 'Remote code piped into a shell',
	severity: 'warning',
	aupSection: '3',
	category: 'malicious-code',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds scripts that download code and run it in one step: `curl ... | sh`, `wget -O- ... | sudo bash`, `bash <(curl ...)`, `sh -c "$(curl ...)"`, `curl ... | python3 -`, and PowerShell\'s `iex (iwr ...)` and `iwr ... | iex`, in user data, startup scripts, provisioners and container commands.',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids uploading malicious code or harmful scripts. A script that executes whatever a URL returns runs unreviewed code with the instance\'s permissions: a compromised download server, an expired domain or a tampered connection turns every new instance into someone else\'s machine. It is a warning, not an error, because most such lines install real tools; the risk is in how.',
		'',
		'**What to do instead.** Download to a file, check it against a pinned SHA-256 checksum or a signature, then run it: `curl -fsSLo install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better still, install from a package repository with signed packages, or bake the tool into the image.',
		'',
		'**When it is legitimate.** When the URL is one you control and serve over TLS in a throw-away environment. Suppress it with a reason naming who owns the URL: `# aup-guard-ignore AUP-EXE-001: internal bootstrap served by our artifact store`. Piping a download into a program that reads it as data (`| tar xz`, `| sha256sum`, `| python3 -m json.tool`, `| bash -c "..."`) is not reported.',
	].join('\n'),
	check(file, report) {
		for (const unit of scriptUnits(file)) {
			const where = describeLocation(unit.ref.resource, unit.ref.key);
			for (const span of downloadsRun(unit)) {
				report({ span, message: `This script (${where}) ${MESSAGE}` });
			}
		}
	},
});

function downloadsRun(unit: ScriptUnit): Span[] {
	const spans: Span[] = [];
	for (const pipeline of unit.pipelines) {
		const commands = pipeline.commands;
		// `curl URL | sh`: a download printed to a later stage that runs its standard input.
		const download = commands.findIndex(printsDownload);
		if (download >= 0) {
			const runner = commands.slice(download + 1).find(runsStandardInput);
			if (runner) {
				spans.push(unit.spanOf(commands[download].start, programWord(runner).end));
			}
		}
		for (const command of commands) {
			const substituted = substitutedDownload(command);
			if (substituted) {
				spans.push(unit.spanOf(programWord(command).start, substituted.end));
			}
		}
	}
	for (const regex of POWERSHELL_FORMS) {
		for (const match of unit.text.matchAll(regex)) {
			spans.push(unit.spanOf(match.index, match.index + match[0].length));
		}
	}
	return spans;
}

/** curl without an output file; wget with `-O -`, fetch with `-o -` (both write a file otherwise). */
function printsDownload(command: Command): boolean {
	const name = commandName(command);
	const args = programArguments(command).map(word => word.text);
	if (name === 'curl') {
		// -o FILE and -O (remote name) write a file; `-o -` is standard output again.
		return !args.some((arg, i) => (/^-[A-Za-z]*[oO]$/.test(arg) || arg === '--output' || arg === '--remote-name') && args[i + 1] !== '-'
			|| arg.startsWith('--output=') && arg !== '--output=-');
	}
	const letter = name === 'wget' ? 'O' : name === 'fetch' ? 'o' : undefined;
	if (!letter) {
		return false;
	}
	return args.some((arg, i) => new RegExp(`^-[A-Za-z]*${letter}(?:-|/dev/stdout)$`).test(arg)
		|| arg === '--output-document=-'
		|| new RegExp(`^-[A-Za-z]*${letter}$`).test(arg) && (args[i + 1] === '-' || args[i + 1] === '/dev/stdout'));
}

/**
 * `bash <(curl URL)`, `source <(wget -qO- URL)`, `sh -c "$(curl URL)"`, `eval "$(curl URL)"`:
 * the download is the program. Returns the word that holds it.
 */
function substitutedDownload(command: Command): Word | undefined {
	const name = commandName(command);
	if (!isShell(name) && !isInterpreter(name) && name !== 'source' && name !== '.' && name !== 'eval') {
		return undefined;
	}
	for (const word of programArguments(command)) {
		const inner = /^(?:<\(|\$\()([\s\S]*)\)$/.exec(word.text);
		if (inner && parseScript(inner[1]).some(pipeline => {
			const first = pipeline.commands[0];
			const downloadName = first && commandName(first);
			return downloadName === 'curl' || downloadName === 'wget' || downloadName === 'fetch';
		})) {
			return word;
		}
	}
	return undefined;
}

function programWord(command: Command): Word {
	return command.words[Math.max(0, command.programIndex)];
}
