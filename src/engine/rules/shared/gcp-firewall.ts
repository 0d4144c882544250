import type { ParsedFile } from '../../model/file';
import type { StringNode } from '../../model/nodes';
import { get, getAll, literalBoolean, literalString, resourcesOfType } from '../../model/query';
import { openingAt, portRangeOf, type Exposure } from './opening';
import { isWholeInternet, normalizeProtocol } from './network';
import { nestedBlocks } from './terraform-blocks';

const REMEDY = 'Limit source_ranges to your network or VPN (AUP section 3), or reach the machines through Identity-Aware Proxy TCP forwarding (35.235.240.0/20) instead of an open port.';

/**
 * `allow` blocks, `dynamic` ones too, of GCP firewalls (`google_compute_firewall`) whose
 * `source_ranges` hold the whole internet. A firewall without any source also admits 0.0.0.0/0,
 * but then no value says so, and generated configs write the range out; only written ranges are
 * reported.
 */
export function gcpFirewallExposures(file: ParsedFile): Exposure[] {
	const exposures: Exposure[] = [];
	for (const resource of resourcesOfType(file, 'google_compute_firewall')) {
		const body = resource.body;
		const direction = get(body, 'direction');
		// INGRESS is the default; a computed direction is not judged.
		if (direction !== undefined && literalString(direction)?.toUpperCase() !== 'INGRESS' || literalBoolean(get(body, 'disabled')) === true) {
			continue;
		}
		const openings = getAll(body, 'source_ranges')
			.filter((node): node is StringNode => node.kind === 'string' && node.isLiteral && isWholeInternet(node.value))
			.map(openingAt);
		if (openings.length === 0) {
			continue;
		}
		for (const allow of nestedBlocks(body, 'allow')) {
			const protocol = normalizeProtocol(literalString(get(allow, 'protocol')));
			const ports = getAll(allow, 'ports');
			if (ports.length === 0 && get(allow, 'ports') === undefined) {
				// No ports: every port of the protocol.
				exposures.push({ resource, protocol, ports: protocol === 'all' ? undefined : { from: 0, to: 65535 }, openings, remedy: REMEDY });
				continue;
			}
			for (const port of ports) {
				exposures.push({ resource, protocol, ports: portRangeOf(port), openings, remedy: REMEDY });
			}
		}
	}
	return exposures;
}
