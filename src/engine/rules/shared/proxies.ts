import type { Command } from './shell';
import { hostCommand, positionalWords } from './host-commands';
import { ToolCatalog, type ToolMatch } from './tools';

/**
 * Forward proxies and traffic relays: software whose job is to carry other people's connections
 * onward (HTTP and SOCKS proxies, Shadowsocks, V2Ray, Xray, gost). Reverse proxies and load
 * balancers (nginx, HAProxy, Envoy, Traefik) forward only to your own backends and are absent,
 * as are names that are also other products: the AWS X-Ray daemon is not Xray.
 */
const DISPLAY: Readonly<Record<string, string>> = {
	'squid': 'Squid', 'tinyproxy': 'Tinyproxy', '3proxy': '3proxy', 'dante': 'Dante', 'danted': 'Dante', 'sockd': 'Dante',
	'dante-server': 'Dante', 'privoxy': 'Privoxy', 'shadowsocks-libev': 'Shadowsocks', 'shadowsocks-rust': 'Shadowsocks',
	'ssserver-rust': 'Shadowsocks', 'ss-server': 'Shadowsocks', 'ssserver': 'Shadowsocks', 'shadowsocks': 'Shadowsocks',
	'v2ray': 'V2Ray', 'v2fly-core': 'V2Ray', 'xray': 'Xray', 'xray-core': 'Xray', 'trojan-go': 'Trojan-Go', 'gost': 'gost',
	'microsocks': 'MicroSocks', 'torproxy': 'a Tor proxy', 'go-socks5-proxy': 'a SOCKS5 proxy', 'squid3': 'Squid',
};

/** Image names are matched whole: `squid` but not `squid-exporter`, `xray` but not `aws-xray-daemon`. */
const IMAGES = new ToolCatalog({
	tokens: [],
	exact: ['squid', 'tinyproxy', '3proxy', 'dante', 'danted', 'privoxy', 'shadowsocks-libev', 'shadowsocks-rust', 'ssserver-rust',
		'v2ray', 'v2fly-core', 'xray', 'xray-core', 'trojan-go', 'gost', 'microsocks', 'torproxy', 'go-socks5-proxy'],
	display: DISPLAY,
});

/** Programs that serve as a proxy when run (`ss-local` is a client and listens on localhost). */
const PROGRAMS = new Set(['squid', 'tinyproxy', '3proxy', 'danted', 'sockd', 'privoxy', 'ss-server', 'ssserver', 'v2ray', 'xray', 'trojan-go', 'gost', 'microsocks']);
/** Packages that install one (`tor` is left out: installed alone it is a client on localhost). */
const PACKAGES = new Set(['squid', 'squid3', 'tinyproxy', '3proxy', 'dante-server', 'privoxy', 'shadowsocks-libev', 'shadowsocks', 'v2ray', 'xray', 'microsocks', 'gost']);
const INSTALLERS = new Set(['apt', 'apt-get', 'yum', 'dnf', 'zypper', 'apk', 'snap', 'pip', 'pip3']);
const INSTALL_VERBS = new Set(['install', 'add', 'in']);

/** The proxy an image reference names. */
export function proxyInImage(image: string): ToolMatch | undefined {
	return IMAGES.inImage(image);
}

export interface ProxyCommand {
	readonly proxy: string;
	/** `runs` or `installs`, for messages. */
	readonly how: string;
	/** Offsets of the program or package word in the script. */
	readonly start: number;
	readonly end: number;
}

/** A command that runs or installs a proxy: `ss-server -s 0.0.0.0 ...`, `apt-get install -y squid`, `systemctl enable --now squid`. */
export function proxyCommand(command: Command): ProxyCommand | undefined {
	const host = hostCommand(command);
	if (!host) {
		return undefined;
	}
	if (PROGRAMS.has(host.name)) {
		return { proxy: DISPLAY[host.name] ?? host.name, how: 'runs', start: host.program.start, end: host.program.end };
	}
	const positional = positionalWords(host.args, new Set(['-o', '-t', '-c']));
	const verb = positional[0]?.text;
	if (INSTALLERS.has(host.name) && verb !== undefined && INSTALL_VERBS.has(verb)) {
		const word = positional.slice(1).find(candidate => PACKAGES.has(candidate.text.toLowerCase().replace(/[=:].*$/, '')));
		return word && { proxy: DISPLAY[word.text.toLowerCase().replace(/[=:].*$/, '')] ?? word.text, how: 'installs', start: word.start, end: word.end };
	}
	if (host.name === 'systemctl' && (verb === 'start' || verb === 'enable' || verb === 'restart')) {
		const word = positional.slice(1).find(candidate => PROGRAMS.has(candidate.text.replace(/\.service$/, '')) || candidate.text === 'danted');
		return word && { proxy: DISPLAY[word.text.replace(/\.service$/, '')] ?? word.text, how: 'starts', start: word.start, end: word.end };
	}
	return undefined;
}

/** Ports proxies listen on by default: SOCKS, Squid, Tinyproxy, Privoxy, Shadowsocks and Tor's SOCKS port. */
export const PROXY_PORTS: readonly number[] = [1080, 3128, 8118, 8388, 8888, 9050];
