import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { get, getAll, literalString, objectsIn } from '../../model/query';
import { openingAt, portRangeOf, type Exposure } from './opening';
import { isWholeInternet, type PortRange, type Protocol } from './network';
import { nestedBlocks } from './terraform-blocks';

/**
 * Inbound allow rules of Azure network security groups that admit the internet: Terraform's
 * `azurerm_network_security_group` `security_rule` blocks (`dynamic` ones too) and
 * `azurerm_network_security_rule`, and ARM's `Microsoft.Network/networkSecurityGroups`
 * (`properties.securityRules`) and `.../securityRules`, whose settings sit under `properties`.
 */

interface Keys {
	readonly direction: string;
	readonly access: string;
	readonly protocol: string;
	readonly port: string;
	readonly ports: string;
	readonly source: string;
	readonly sources: string;
}

const TERRAFORM: Keys = {
	direction: 'direction', access: 'access', protocol: 'protocol', port: 'destination_port_range',
	ports: 'destination_port_ranges', source: 'source_address_prefix', sources: 'source_address_prefixes',
};
const ARM: Keys = {
	direction: 'direction', access: 'access', protocol: 'protocol', port: 'destinationPortRange',
	ports: 'destinationPortRanges', source: 'sourceAddressPrefix', sources: 'sourceAddressPrefixes',
};

const REMEDY = 'Limit the source address prefix to your network or VPN (AUP section 3), or use Azure Bastion or just-in-time VM access instead of an open port.';

/** Service tags and wildcards that mean every address on the internet. */
const OPEN_PREFIXES = new Set(['*', 'internet', 'any']);

export function azureNsgExposures(file: ParsedFile): Exposure[] {
	const exposures: Exposure[] = [];
	for (const resource of file.resources) {
		for (const rule of rulesOf(resource)) {
			exposures.push(...readRule(resource, rule, resource.type.startsWith('azurerm_') ? TERRAFORM : ARM));
		}
	}
	return exposures;
}

function rulesOf(resource: Resource): ObjectNode[] {
	const body = resource.body;
	switch (resource.type.toLowerCase()) {
		case 'azurerm_network_security_group':
			return nestedBlocks(body, 'security_rule');
		case 'azurerm_network_security_rule':
			return [body];
		case 'microsoft.network/networksecuritygroups':
			return objectsIn(getAll(get(body, 'properties'), 'securityRules')).map(rule => get(rule, 'properties')).filter(isObject);
		case 'microsoft.network/networksecuritygroups/securityrules':
			return [get(body, 'properties')].filter(isObject);
		default:
			return [];
	}
}

function readRule(resource: Resource, rule: ObjectNode, keys: Keys): Exposure[] {
	// Both are required by Azure; a rule that leaves them out or computes them is not judged.
	if (literalString(get(rule, keys.direction))?.toLowerCase() !== 'inbound' || literalString(get(rule, keys.access))?.toLowerCase() !== 'allow') {
		return [];
	}
	const openings = [...getAll(rule, keys.source), ...getAll(rule, keys.sources)]
		.filter((node): node is StringNode => node.kind === 'string' && node.isLiteral && isOpenPrefix(node.value))
		.map(openingAt);
	if (openings.length === 0) {
		return [];
	}
	const protocol = literalString(get(rule, keys.protocol))?.trim().toLowerCase();
	const ranges = [...getAll(rule, keys.port), ...getAll(rule, keys.ports)].map(portRangeOf);
	if (ranges.length === 0) {
		ranges.push(undefined);
	}
	return ranges.map(ports => ({ resource, protocol: protocolOf(protocol, ports), ports, openings, remedy: REMEDY }));
}

function isOpenPrefix(value: string): boolean {
	return OPEN_PREFIXES.has(value.trim().toLowerCase()) || isWholeInternet(value);
}

/** Azure's `*` protocol covers TCP, so on chosen ports it exposes them as TCP does; on every port it is everything. */
function protocolOf(protocol: string | undefined, ports: PortRange | undefined): Protocol | undefined {
	switch (protocol) {
		case undefined: return undefined;
		case '*': return ports && ports.from <= 1 && ports.to >= 65535 ? 'all' : 'tcp';
		case 'tcp': case 'udp': case 'icmp': return protocol;
		default: return 'other';
	}
}

function isObject(node: ValueNode | undefined): node is ObjectNode {
	return node?.kind === 'object';
}
