import { sourceSpan } from '../model/nodes';
import { stringValues } from '../model/query';
import { defineRule, type RuleReport } from './rule';
import { findMinerToken, mayNameMiner, minerInImage } from './shared/mining';
import { scriptUnits, type ScriptUnit } from './shared/scripts';
import { programName, type Command } from './shared/shell';
import { maskTemplates, searchText } from './shared/text';
import { describeLocation } from './shared/where';
import { reportingOnce } from './shared/report-once';

/** Keys that name a container image in Kubernetes, Compose, ECS and Terraform's container blocks. */
const IMAGE_KEYS = new Set(['image', 'Image']);

/** Container definitions written as a JSON string (Terraform heredocs): their images are read too. */
const CONTAINER_JSON_KEYS = new Set(['container_definitions', 'ContainerDefinitions']);

/** Programs whose arguments fetch or install software: a miner named there is being brought in. */
const FETCHERS = new Set([
	'curl', 'wget', 'git', 'docker', 'podman', 'nerdctl', 'ctr', 'crictl', 'kubectl',
	'apt', 'apt-get', 'yum', 'dnf', 'apk', 'zypper', 'pacman', 'snap', 'brew', 'pip', 'pip3',
]);

export default defineRule({
	id: 'AUP-MIN-001',
	title: 'Crypto-miner software or image',
	severity: 'error',
	aupSection: '3',
	category: 'mining',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds known cryptocurrency miners (XMRig, xmr-stak, cpuminer/minerd, ethminer, T-Rex, PhoenixMiner, NBMiner, lolMiner, TeamRedMiner, GMiner, cgminer, ccminer, SRBMiner and others) used as a container image, run by a command or script, or downloaded and installed by one.',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids using the service to build infrastructure for illegal activity, and names crypto-mining on resources you are not authorized to mine on as an example. Miners are also the most common payload of hijacked cloud accounts, so a miner in generated configuration is either a policy breach or a sign that something wrote it there on purpose.',
		'',
		'**What to do instead.** Remove the image or command. If the workload needs GPUs or many cores for legitimate work (training, rendering, batch jobs), run that software instead; nothing here flags it.',
		'',
		'**When it is legitimate.** Only when the account owner has explicitly authorized mining on these resources and the cloud provider\'s terms allow it (many providers forbid it outright). Then suppress the finding on that line with the authorization as the reason, for example `# aup-guard-ignore AUP-MIN-001: mining approved by finance, ticket OPS-1234`.',
		'',
		'Names are matched as whole words in image repository paths and program names, so `pkill xmrig` in a clean-up script, a `determiner` service or a `data-miner` image are not findings.',
	].join('\n'),
	check(file, reportEach) {
		if (!mayNameMiner(searchText(file))) {
			return;
		}
		// An exec-form item can be seen as a word of its array and as a script of its own: report a place once.
		const report = reportingOnce(reportEach);
		for (const ref of stringValues(file)) {
			if (ref.key !== undefined && IMAGE_KEYS.has(ref.key)) {
				const found = minerInImage(maskTemplates(ref.node.value));
				if (found) {
					report({
						span: sourceSpan(ref.node, found.start, found.end),
						message: `Container image '${ref.node.value}' (${describeLocation(ref.resource, ref.key)}) is the crypto miner ${found.name}; mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the image.`,
					});
				}
			} else if (ref.key !== undefined && CONTAINER_JSON_KEYS.has(ref.key)) {
				for (const match of ref.node.value.matchAll(/"image"\s{0,8}:\s{0,8}"([^"\n]{1,300})"/g)) {
					const valueStart = match.index + match[0].length - match[1].length - 1;
					const found = minerInImage(maskTemplates(match[1]));
					if (found) {
						report({
							span: sourceSpan(ref.node, valueStart + found.start, valueStart + found.end),
							message: `Container image '${match[1]}' (${describeLocation(ref.resource, ref.key)}) is the crypto miner ${found.name}; mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the image.`,
						});
					}
				}
			}
		}
		for (const unit of scriptUnits(file)) {
			for (const pipeline of unit.pipelines) {
				for (const command of pipeline.commands) {
					const found = minerInCommand(unit, command);
					if (found) {
						report(found);
					}
				}
			}
		}
	},
});

/** A miner the command runs, or one it downloads or installs. */
function minerInCommand(unit: ScriptUnit, command: Command): RuleReport | undefined {
	const index = command.programIndex;
	if (index < 0) {
		return undefined;
	}
	const where = describeLocation(unit.ref.resource, unit.ref.key);
	const program = command.words[index];
	const name = programName(program.text);
	// An argv item with spaces is a script given to `sh -c`; it is read as a unit of its own.
	const run = /\s/.test(name) ? undefined : findMinerToken(name);
	if (run) {
		const raw = unit.text.slice(program.start, program.end).toLowerCase();
		const at = raw.lastIndexOf(run.name);
		return {
			// A name the shell joins from quoted parts (`x"m"rig`) is not in the word as written: mark the word.
			span: at < 0 ? unit.spanOf(program.start, program.end) : unit.spanOf(program.start + at, program.start + at + run.name.length),
			message: `This command (${where}) runs the crypto miner ${run.name}; mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the command.`,
		};
	}
	if (!FETCHERS.has(name)) {
		return undefined;
	}
	for (const word of command.words.slice(index + 1)) {
		if (word.text.startsWith('-') && !word.text.startsWith('--image=')) {
			continue;
		}
		// The word as written: quotes are not letters, so token boundaries still hold, and offsets map.
		const found = findMinerToken(maskTemplates(unit.text.slice(word.start, word.end)));
		if (found) {
			return {
				span: unit.spanOf(word.start + found.start, word.start + found.end),
				message: `This ${name} command (${where}) fetches or installs the crypto miner ${found.name}; mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the command.`,
			};
		}
	}
	return undefined;
}
