import { defineRule } from './rule';
import type { Word } from './shared/shell';
import { findToolUses, type ToolUse } from './shared/tool-uses';
import { ToolCatalog } from './shared/tools';

/**
 * Command-and-control servers, implant builders and remote-access trojans. Framework names that
 * are ordinary words (Sliver, Empire, Covenant, Havoc, Mythic) are matched through their
 * distinctive binaries, image repositories and download sources only.
 */
const C2_TOOLS = new ToolCatalog({
	tokens: [
		'cobaltstrike', 'cobalt-strike', 'cobalt_strike', 'sliver-server', 'sliver-client', 'mythic-cli',
		'ps-empire', 'poshc2', 'posh-server', 'merlinserver', 'merlinagent', 'pupysh', 'pupygen',
		'brute-ratel', 'bruteratel', 'brc4', 'koadic', 'silenttrinity', 'asyncrat', 'njrat', 'quasarrat',
	],
	programOnly: ['teamserver', 'agscript'],
	repositories: ['bishopfox/sliver', 'bcsecurity/empire', 'bcsecurity/starkiller', 'cobbr/covenant', 'itsafeaturemythic/', 'nettitude/poshc2'],
	sources: [
		'github.com/bishopfox/sliver', 'sliver.sh/install', 'github.com/its-a-feature/mythic', 'github.com/havocframework/havoc',
		'github.com/bc-security/empire', 'github.com/bc-security/starkiller', 'github.com/cobbr/covenant', 'github.com/nettitude/poshc2',
		'github.com/ne0nd0g/merlin', 'github.com/n1nj4sec/pupy',
	],
	display: {
		'cobaltstrike': 'Cobalt Strike', 'cobalt-strike': 'Cobalt Strike', 'cobalt_strike': 'Cobalt Strike', 'teamserver': 'Cobalt Strike (team server)',
		'agscript': 'Cobalt Strike', 'sliver-server': 'Sliver', 'sliver-client': 'Sliver', 'bishopfox/sliver': 'Sliver',
		'github.com/bishopfox/sliver': 'Sliver', 'sliver.sh/install': 'Sliver', 'mythic-cli': 'Mythic', 'itsafeaturemythic/': 'Mythic',
		'github.com/its-a-feature/mythic': 'Mythic', 'github.com/havocframework/havoc': 'Havoc', 'ps-empire': 'Empire',
		'bcsecurity/empire': 'Empire', 'bcsecurity/starkiller': 'Empire (Starkiller)', 'github.com/bc-security/empire': 'Empire',
		'github.com/bc-security/starkiller': 'Empire (Starkiller)', 'cobbr/covenant': 'Covenant', 'github.com/cobbr/covenant': 'Covenant',
		'poshc2': 'PoshC2', 'posh-server': 'PoshC2', 'nettitude/poshc2': 'PoshC2', 'github.com/nettitude/poshc2': 'PoshC2',
		'merlinserver': 'Merlin', 'merlinagent': 'Merlin', 'github.com/ne0nd0g/merlin': 'Merlin', 'pupysh': 'Pupy', 'pupygen': 'Pupy',
		'github.com/n1nj4sec/pupy': 'Pupy', 'brute-ratel': 'Brute Ratel', 'bruteratel': 'Brute Ratel', 'brc4': 'Brute Ratel',
		'koadic': 'Koadic', 'silenttrinity': 'SILENTTRINITY', 'asyncrat': 'AsyncRAT', 'njrat': 'njRAT', 'quasarrat': 'QuasarRAT',
	},
});

export default defineRule({
	id: 'AUP-ATK-004',
	title: 'Command-and-control framework',
	severity: 'error',
	aupSection: '3',
	category: 'attack-tooling',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'bicep', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell'],
	docs: [
		'Finds command-and-control (C2) servers and implant kits: Cobalt Strike (`teamserver`, `agscript`), Sliver (`sliver-server`, `bishopfox/sliver`, the sliver.sh installer), Mythic (`mythic-cli`), Havoc, Empire and Starkiller, Covenant, PoshC2, Merlin, Pupy, Brute Ratel, Koadic, SILENTTRINITY, and remote-access trojans (AsyncRAT, njRAT, QuasarRAT), used as a container image, run by a command, or downloaded by one.',
		'',
		'**Why it matters.** A C2 server is the attacker\'s side of a compromise: it hands out implants and drives the machines they infect. Section 3 of the Acceptable Use Policy forbids deploying configurations designed to exploit or compromise third-party systems and uploading malicious code, and a C2 server in deployable infrastructure is exactly that, so it is an error.',
		'',
		'**What to do instead.** Remove it. For administering your own fleet use tools built for it, which authenticate both ends and keep an audit log: SSH behind a bastion, AWS Systems Manager, Azure Arc, Ansible or Salt.',
		'',
		'**When it is legitimate.** A red-team exercise under a signed engagement letter, in an isolated account. Suppress the finding with the engagement as the reason: `# aup-guard-ignore AUP-ATK-004: red-team engagement RT-7, letter signed 2026-03-02 until=2026-04-30`.',
		'',
		'Names that are ordinary words (Sliver, Empire, Covenant, Havoc, Mythic, Merlin) are recognised only through their distinctive binaries, image repositories and download addresses, so an `empire-api` image or a `merlin` service is not a finding; Havoc is recognised when its binary is started as a team server (`havoc server`).',
	].join('\n'),
	check(file, report) {
		for (const use of findToolUses(file, { catalog: C2_TOOLS, installs: true, accepts })) {
			report({ span: use.span, message: messageFor(use) });
		}
		for (const use of findToolUses(file, { catalog: HAVOC, installs: false, accepts: havocServer })) {
			report({ span: use.span, message: messageFor(use) });
		}
	},
});

/** Havoc's binary is `havoc`, an ordinary word: only `havoc server` / `havoc client` is the framework. */
const HAVOC = new ToolCatalog({ tokens: [], programOnly: ['havoc'], display: { havoc: 'Havoc' } });

function havocServer(_tool: string, args: readonly Word[]): boolean {
	return args[0]?.text === 'server' || args[0]?.text === 'client';
}

/** A program merely named `teamserver` is not enough: Cobalt Strike's takes the address to listen on and a password. */
function accepts(tool: string, args: readonly Word[]): boolean {
	return tool !== 'Cobalt Strike (team server)' || args.length >= 2;
}

function messageFor(use: ToolUse): string {
	const what = use.how === 'image' ? `Container image (${use.where}) is` : use.how === 'fetches' ? `This ${use.fetcher ?? ''} command (${use.where}) downloads` : `This command (${use.where}) runs`;
	return `${what} the command-and-control framework ${use.tool}, which drives implants on compromised machines. AUP section 3 prohibits configurations designed to compromise systems; remove it, and manage your own machines with SSH, a session manager or configuration management.`;
}
