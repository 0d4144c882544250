/**
 * CIDR, protocol and port helpers for firewall rules. Values come from several formats (Terraform
 * numbers, CloudFormation's quoted strings, `-1` and `all`), so everything is normalised here.
 */

/** A CIDR whose prefix is /0 matches every address, whatever address is written before it. */
export function isWholeInternet(cidr: string): boolean {
	const text = cidr.trim();
	const slash = text.indexOf('/');
	if (slash < 0 || text.slice(slash + 1) !== '0') {
		return false;
	}
	const address = text.slice(0, slash);
	return isIpv4(address) || isIpv6(address);
}

function isIpv4(address: string): boolean {
	const parts = address.split('.');
	return parts.length === 4 && parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

function isIpv6(address: string): boolean {
	return /^[0-9a-fA-F:]{2,39}$/.test(address) && address.includes(':') && (address.match(/::/g)?.length ?? 0) <= 1;
}

export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'other';

/** Normalises AWS protocol names and numbers: `-1`, `all`, `6`, `tcp`, `17`, `udp`, `icmp`, `58`. */
export function normalizeProtocol(value: string | number | undefined): Protocol | undefined {
	if (value === undefined) {
		return undefined;
	}
	const text = String(value).trim().toLowerCase();
	switch (text) {
		case '-1': case 'all': return 'all';
		case '6': case 'tcp': return 'tcp';
		case '17': case 'udp': return 'udp';
		case '1': case 'icmp': case '58': case 'icmpv6': return 'icmp';
		default: return 'other';
	}
}

export interface PortRange {
	readonly from: number;
	readonly to: number;
}

/** 0-65535 or 1-65535: every port, however it is written. */
export function isEveryPort(range: PortRange): boolean {
	return range.from <= 1 && range.to >= 65535;
}

export interface ServicePort {
	readonly port: number;
	readonly service: string;
}

/**
 * Ports of remote administration, databases, caches, queues and cluster control planes: services
 * that are attacked within minutes of being reachable and are rarely meant for the public.
 */
export const ADMIN_PORTS: readonly ServicePort[] = [
	{ port: 21, service: 'FTP' },
	{ port: 22, service: 'SSH' },
	{ port: 23, service: 'Telnet' },
	{ port: 135, service: 'Windows RPC' },
	{ port: 139, service: 'NetBIOS' },
	{ port: 445, service: 'SMB' },
	{ port: 1433, service: 'SQL Server' },
	{ port: 1521, service: 'Oracle' },
	{ port: 2049, service: 'NFS' },
	{ port: 2375, service: 'Docker API' },
	{ port: 2376, service: 'Docker API (TLS)' },
	{ port: 2379, service: 'etcd' },
	{ port: 3306, service: 'MySQL' },
	{ port: 3389, service: 'RDP' },
	{ port: 5432, service: 'PostgreSQL' },
	{ port: 5900, service: 'VNC' },
	{ port: 5984, service: 'CouchDB' },
	{ port: 5985, service: 'WinRM' },
	{ port: 5986, service: 'WinRM (TLS)' },
	{ port: 6379, service: 'Redis' },
	{ port: 9042, service: 'Cassandra' },
	{ port: 9092, service: 'Kafka' },
	{ port: 9200, service: 'Elasticsearch' },
	{ port: 9300, service: 'Elasticsearch transport' },
	{ port: 10250, service: 'Kubernetes kubelet' },
	{ port: 11211, service: 'Memcached' },
	{ port: 27017, service: 'MongoDB' },
];

/** The administrative ports a range covers, in port order. */
export function adminPortsIn(range: PortRange): ServicePort[] {
	return ADMIN_PORTS.filter(entry => range.from <= entry.port && entry.port <= range.to);
}

/** `SSH (22)`, `SSH (22), Telnet (23) and 3 more`: short enough for a message. */
export function describePorts(ports: readonly ServicePort[]): string {
	const named = ports.slice(0, 3).map(entry => `${entry.service} (${entry.port})`);
	const rest = ports.length - named.length;
	if (rest > 0) {
		return `${named.join(', ')} and ${rest} more`;
	}
	return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named.join('');
}

/**
 * A port or range as firewalls other than AWS write it: `22`, `1000-2000`, and `*` for every
 * port (Azure). Undefined for anything else, such as a reference.
 */
export function parsePortRange(value: string | number): PortRange | undefined {
	if (typeof value === 'number') {
		return Number.isInteger(value) && value >= 0 && value <= 65535 ? { from: value, to: value } : undefined;
	}
	const text = value.trim();
	if (text === '*') {
		return { from: 0, to: 65535 };
	}
	const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
	if (!match) {
		return undefined;
	}
	const from = Number(match[1]);
	const to = match[2] === undefined ? from : Number(match[2]);
	return from <= to && to <= 65535 ? { from, to } : undefined;
}
