import { sourceSpan } from '../model/nodes';
import { stringValues, type StringRef } from '../model/query';
import type { Span } from '../model/range';
import { WALLET_ADDRESS } from '../secrets/patterns';
import { defineRule, type RuleReport } from './rule';
import { mayNamePool, POOL_HOST, STRATUM_URL, WALLET_FLAGS } from './shared/mining';
import { namedValues } from './shared/named-values';
import { scriptUnits, type ScriptUnit } from './shared/scripts';
import { describeLocation } from './shared/where';

/** Keys whose strings describe a resource rather than configure it: a pool named there connects to nothing. */
const DESCRIPTIVE_KEYS = new Set(['description', 'Description', 'tags', 'Tags', 'tags_all', 'labels', 'annotations', 'comment', 'Comment']);

export default defineRule({
	id: 'AUP-MIN-002',
	title: 'Mining pool endpoint',
	severity: 'error',
	aupSection: '3',
	category: 'mining',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds connections to cryptocurrency mining pools: `stratum+tcp://`, `stratum+ssl://` and other Stratum URLs, hosts of well-known public pools (nanopool, 2miners, supportxmr, f2pool, ethermine, hashvault, MoneroOcean and others) in any value, and wallet addresses handed to a miner with `-u`/`--user` or set in a variable named like a wallet.',
		'',
		'**Why it matters.** A pool endpoint is where a miner sends its work and where the rewards are credited, so it shows mining even when the miner itself is hidden behind a generic image name. Section 3 of the Acceptable Use Policy forbids building infrastructure for illegal activity, naming crypto-mining on unauthorized resources, so this is reported as an error.',
		'',
		'**What to do instead.** Remove the pool address, the wallet and whatever uses them. If you need to block pools, do it in an egress policy whose description names them: descriptions, tags, labels and annotations are not read by this rule.',
		'',
		'**When it is legitimate.** Only with the account owner\'s explicit authorization to mine and a provider that allows it. Suppress the finding with that authorization as the reason: `# aup-guard-ignore AUP-MIN-002: <who approved it and where>`.',
	].join('\n'),
	check(file, report) {
		for (const ref of stringValues(file)) {
			if (mayNamePool(ref.node.value) && !ref.path.some(part => typeof part === 'string' && DESCRIPTIVE_KEYS.has(part))) {
				poolEndpoints(ref, report);
			}
		}
		for (const named of namedValues(file)) {
			const value = named.value.trim();
			if (/wallet/i.test(named.name) && WALLET_ADDRESS.test(value)) {
				const start = named.start + named.value.indexOf(value);
				report({
					span: sourceSpan(named.node, start, start + value.length),
					message: `${describeLocation(named.resource, named.name)} holds a cryptocurrency wallet address; paying mining rewards to a wallet is mining, which AUP section 3 prohibits unless the account owner authorized it.`,
				});
			}
		}
		for (const unit of scriptUnits(file)) {
			for (const span of walletArguments(unit)) {
				report({
					span,
					message: `A cryptocurrency wallet address is passed to a miner (${describeLocation(unit.ref.resource, unit.ref.key)}); mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the command.`,
				});
			}
		}
	},
});

function poolEndpoints(ref: StringRef, report: (report: RuleReport) => void): void {
	const text = ref.node.value;
	const where = describeLocation(ref.resource, ref.key);
	const urls: Span[] = [];
	for (const match of text.matchAll(STRATUM_URL)) {
		const end = match.index + match[0].length;
		urls.push({ start: match.index, end });
		report({
			span: sourceSpan(ref.node, match.index, end),
			message: `Mining pool endpoint on host ${hostOf(match[0])} (${where}): the Stratum protocol is how miners reach a pool, and mining is prohibited by AUP section 3 unless the account owner authorized it. Remove it.`,
		});
	}
	for (const match of text.matchAll(POOL_HOST)) {
		const start = match.index;
		if (urls.some(url => url.start <= start && start < url.end)) {
			continue;
		}
		report({
			span: sourceSpan(ref.node, start, start + match[0].length),
			message: `${match[0]} is a public mining pool (${where}); mining is prohibited by AUP section 3 unless the account owner authorized it. Remove the endpoint.`,
		});
	}
}

/** Wallet addresses given to miner options: `-u 4ABC...`, `--user=0xabc....rig1`. */
function walletArguments(unit: ScriptUnit): Span[] {
	const spans: Span[] = [];
	for (const pipeline of unit.pipelines) {
		for (const command of pipeline.commands) {
			command.words.forEach((word, index) => {
				const inline = /^(?:--user|--wallet|--username)=/.exec(word.text);
				const next = command.words[index + 1];
				const target = inline ? word : WALLET_FLAGS.has(word.text) ? next : undefined;
				if (!target) {
					return;
				}
				const opening = unit.text[target.start + (inline ? inline[0].length : 0)];
				const skip = (inline ? inline[0].length : 0) + (opening === '"' || opening === '\'' ? 1 : 0);
				// `4ABC....rig1` or `0xabc...+5000`: a worker name or difficulty after the address is not part of it.
				const address = unit.text.slice(target.start + skip, target.end).split(/[.+/:]/)[0];
				if (WALLET_ADDRESS.test(address)) {
					spans.push(unit.spanOf(target.start + skip, target.start + skip + address.length));
				}
			});
		}
	}
	return spans;
}

/** The host of a Stratum URL, without any user name or password written before it. */
function hostOf(url: string): string {
	const rest = url.slice(url.indexOf('://') + 3);
	const authority = rest.split('/')[0];
	return authority.slice(authority.lastIndexOf('@') + 1);
}
