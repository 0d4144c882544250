import type { Span } from '../model/range';
import { defineRule } from './rule';
import { scriptUnits } from './shared/scripts';
import { commandName, programName, type Command } from './shared/shell';
import { findToolUses, type ToolUse } from './shared/tool-uses';
import { ToolCatalog } from './shared/tools';
import { describeLocation } from './shared/where';

/** Tools whose purpose is to flood a target; load testers (k6, wrk, hey, Locust, bombardier) are deliberately absent. */
const FLOODERS = new ToolCatalog({
	tokens: ['mhddos', 'mhddos_proxy', 'db1000n', 'slowloris', 'pyloris', 'ufonet', 'torshammer', 'thc-ssl-dos', 'ddos-ripper', 'saphyra'],
	exact: ['goldeneye', 'loic', 'hoic', 'xerxes', 'dripper'],
	programOnly: ['hulk'],
	sources: ['github.com/jseidl/goldeneye', 'github.com/grafov/hulk'],
	display: {
		'mhddos': 'MHDDoS', 'mhddos_proxy': 'mhddos_proxy', 'db1000n': 'db1000n', 'slowloris': 'Slowloris', 'pyloris': 'PyLoris',
		'ufonet': 'UFONet', 'torshammer': 'Tor\'s Hammer', 'thc-ssl-dos': 'THC-SSL-DOS', 'ddos-ripper': 'DDoS Ripper', 'saphyra': 'Saphyra',
		'goldeneye': 'GoldenEye', 'loic': 'LOIC', 'hoic': 'HOIC', 'xerxes': 'XerXeS', 'dripper': 'DRipper', 'hulk': 'HULK',
		'github.com/jseidl/goldeneye': 'GoldenEye', 'github.com/grafov/hulk': 'HULK',
	},
});

/** Packet generators that are legitimate at a controlled rate, and floods once told to send as fast as they can. */
const FLOOD_FLAG_PROGRAMS = new Set(['hping3', 'hping', 't50']);

const ADVICE = 'AUP section 3 prohibits facilitating cyberattacks. Remove it; to load-test a service you own, use a load tester (k6, wrk, Locust) at a bounded rate against your own environment.';

export default defineRule({
	id: 'AUP-ATK-002',
	title: 'Denial-of-service or flooding tool',
	severity: 'error',
	aupSection: '3',
	category: 'attack-tooling',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'bicep', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell'],
	docs: [
		'Finds tools built to knock services offline by flooding them: MHDDoS and mhddos_proxy, db1000n, LOIC and HOIC, Slowloris and PyLoris, GoldenEye, HULK, XerXeS, UFONet, Tor\'s Hammer, THC-SSL-DOS and DDoS Ripper, used as a container image, run by a command, or downloaded and installed by one; and packet generators told to flood (`hping3 --flood`, `t50 --flood`).',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids facilitating cyberattacks and deploying configurations designed to attack third-party systems. These tools have no other purpose: a fleet of instances or pods running one is a denial-of-service attack, whoever the target is, and the cloud account that runs it is the one that gets suspended.',
		'',
		'**What to do instead.** Remove the tool. To find out how much traffic your own service takes, use a load tester with a bounded rate (k6, wrk, hey, Locust, Vegeta, bombardier) against an environment you own, ideally a staging copy. These are not reported. `hping3` without `--flood` (a few probe packets to check a firewall) is not reported either.',
		'',
		'**When it is legitimate.** A resilience test of your own infrastructure that your cloud provider has approved in writing (most providers require notice before any stress test of this kind). Keep it out of production configuration and suppress the finding with the approval as the reason: `# aup-guard-ignore AUP-ATK-002: DDoS drill approved by AWS, case 12345 until=2026-07-01`.',
		'',
		'Short names that are also ordinary words (`goldeneye`, `hulk`, `xerxes`) count only as the whole name of a program or image, never inside another word, so a `goldeneye-dashboard` image is not a finding.',
	].join('\n'),
	check(file, report) {
		for (const use of findToolUses(file, { catalog: FLOODERS, installs: true })) {
			report({ span: use.span, message: messageFor(use) });
		}
		for (const unit of scriptUnits(file)) {
			for (const pipeline of unit.pipelines) {
				for (const command of pipeline.commands) {
					const span = floodFlag(command);
					if (span) {
						const name = commandName(command);
						report({
							span: unit.spanOf(span.start, span.end),
							message: `This command (${describeLocation(unit.ref.resource, unit.ref.key)}) runs ${name} in flood mode, sending packets as fast as the machine can to overwhelm the target. ${ADVICE}`,
						});
					}
				}
			}
		}
	},
});

function messageFor(use: ToolUse): string {
	switch (use.how) {
		case 'image':
			return `Container image (${use.where}) is the flooding tool ${use.tool}, built to overwhelm a target with traffic. ${ADVICE}`;
		case 'fetches':
			return `This ${use.fetcher ?? ''} command (${use.where}) fetches or installs the flooding tool ${use.tool}, built to overwhelm a target with traffic. ${ADVICE}`;
		default:
			return `This command (${use.where}) runs the flooding tool ${use.tool}, built to overwhelm a target with traffic. ${ADVICE}`;
	}
}

/** From the program through its `--flood` option, when a packet generator is told to flood. */
function floodFlag(command: Command): Span | undefined {
	const index = command.programIndex;
	if (index < 0 || !FLOOD_FLAG_PROGRAMS.has(programName(command.words[index].text))) {
		return undefined;
	}
	const flag = command.words.slice(index + 1).find(word => word.text === '--flood');
	return flag ? { start: command.words[index].start, end: flag.end } : undefined;
}
