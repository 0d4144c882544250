/**
 * Names of cryptocurrency miners and mining pools. Matching is by whole token: a name must not
 * be preceded or followed by a letter or digit, so `determiner` and `examiner` are not miners.
 */

/** Miner programs whose names mean nothing else; they match as a token (`xmrig-6.21.0`, `/opt/xmrig/xmrig`). */
const DISTINCTIVE_MINERS = [
	'xmrig', 'xmrigcc', 'xmr-stak', 'xmr-stak-rx', 'xmr-stak-cpu', 'cpuminer', 'cpuminer-opt', 'cpuminer-multi',
	'minerd', 'ethminer', 'phoenixminer', 'nbminer', 'lolminer', 'nanominer', 'teamredminer', 'gminer',
	'cgminer', 'bfgminer', 'sgminer', 'ccminer', 'srbminer', 'srbminer-multi', 'kawpowminer', 'progpowminer',
	'nheqminer', 'bminer', 'bzminer', 'wildrig-multi', 'ethdcrminer64', 'minergate-cli', 'cryptodredge',
	'hellminer', 'onezerominer', 'xmr-node-proxy',
];

/** Miner programs whose names are also ordinary words: only the whole word counts. */
const EXACT_MINERS = ['t-rex', 'z-enemy'];

const DISTINCTIVE_TOKEN = new RegExp(
	`(?<![A-Za-z0-9])(?:${[...DISTINCTIVE_MINERS].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z0-9])`,
	'gi',
);

/** Whether `text` (a file's searchText) names any miner; when it does not, findMinerToken and minerInImage find none in it. */
export function mayNameMiner(text: string): boolean {
	return ANY_MINER.test(text);
}

const ANY_MINER = new RegExp([...DISTINCTIVE_MINERS, ...EXACT_MINERS].map(escape).join('|'), 'i');

export interface TokenMatch {
	readonly name: string;
	readonly start: number;
	readonly end: number;
}

/** The first miner name in `text` as a whole token, or undefined. */
export function findMinerToken(text: string): TokenMatch | undefined {
	if (EXACT_MINERS.includes(text.toLowerCase())) {
		return { name: text.toLowerCase(), start: 0, end: text.length };
	}
	DISTINCTIVE_TOKEN.lastIndex = 0;
	const match = DISTINCTIVE_TOKEN.exec(text);
	return match ? { name: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length } : undefined;
}

/**
 * The miner an image reference names in one of its repository path components, with where it
 * sits in the reference. The registry host and the tag are not read: `xmrig.example.com/app`
 * and `app:xmrig` say nothing about what runs.
 */
export function minerInImage(image: string): TokenMatch | undefined {
	const withoutDigest = image.split('@')[0];
	const components = withoutDigest.split('/');
	let offset = 0;
	for (let i = 0; i < components.length; i++) {
		let component = components[i];
		const isRegistry = i === 0 && components.length > 1 && /[.:]|^localhost$/.test(component);
		if (i === components.length - 1) {
			component = component.split(':')[0];
		}
		const found = isRegistry ? undefined : findMinerToken(component);
		if (found) {
			return { name: found.name, start: offset + found.start, end: offset + found.end };
		}
		offset += components[i].length + 1;
	}
	return undefined;
}

/** Domains of public mining pools; any host under them is a pool endpoint. */
const POOL_DOMAINS = [
	'nanopool.org', '2miners.com', 'minexmr.com', 'supportxmr.com', 'f2pool.com', 'ethermine.org',
	'hashvault.pro', 'moneroocean.stream', 'herominers.com', 'c3pool.com', 'xmrpool.eu', 'dwarfpool.com',
	'miningpoolhub.com', 'flexpool.io', 'unmineable.com', 'zpool.ca', 'prohashing.com', 'antpool.com',
	'viabtc.com', 'poolin.com', 'slushpool.com', 'minergate.com', 'nicehash.com', 'woolypooly.com',
	'kryptex.network', 'xmrfast.com', 'p2pool.io', 'monerohash.com', 'xmr.pt', 'sparkpool.com',
];

/** `stratum+tcp://`, `stratum+ssl://`, `stratum2+tcp://`: the protocol miners speak to pools. */
export const STRATUM_URL = /(?<![A-Za-z0-9+])stratum[0-9]?\+(?:tcp|ssl|tls|ws|wss):\/\/(?:\$\{[^{}\s]{0,100}\}|[^\s'"`<>|;,)\]{}]){1,300}/gi;

/** A host under a pool domain, with its port if written. */
export const POOL_HOST = new RegExp(
	`(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]{1,63}\\.){0,5}(?:${POOL_DOMAINS.map(escape).join('|')})(?::\\d{1,5})?(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
	'gi',
);

/**
 * Whether a text can hold a pool endpoint at all. POOL_HOST tries up to five labels at every
 * letter before it reaches the domain; this looks for the domains alone, about twenty times
 * faster, and almost every string has none.
 */
export function mayNamePool(text: string): boolean {
	return STRATUM_HINT.test(text) || POOL_DOMAIN_HINT.test(text);
}

const STRATUM_HINT = /stratum/i;
const POOL_DOMAIN_HINT = new RegExp(POOL_DOMAINS.map(escape).join('|'), 'i');

/** Miner options that take the wallet to pay (`-u`, `--user`, `--wallet`). */
export const WALLET_FLAGS = new Set(['-u', '--user', '--wallet', '--username']);

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
