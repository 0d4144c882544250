import type { ParsedFile } from '../../model/file';
import { azureNsgExposures } from './azure-nsg';
import { gcpFirewallExposures } from './gcp-firewall';
import { ingressPermissions } from './ingress';
import { openingAt, type Exposure } from './opening';
import { serviceExposures } from './service-exposure';
import { memoized, memoKey } from '../../model/memo';

export type { Exposure, Opening } from './opening';

const AWS_REMEDY = 'Limit the source to your network, a VPN or a bastion\'s security group (AUP section 3), or use a session manager instead of an open port.';

const EXPOSURES = memoKey<Exposure[]>('internet exposures');

/**
 * Every inbound exposure to the internet in the file, from every provider's firewall, computed
 * once per parsed file (AUP-NET-001 and AUP-NET-002 both read it).
 */
export function internetExposures(file: ParsedFile): readonly Exposure[] {
	return memoized(file, EXPOSURES, () => [
			...ingressPermissions(file).map(permission => ({
				resource: permission.resource,
				protocol: permission.protocol,
				ports: permission.ports,
				openings: permission.openSources.map(openingAt),
				remedy: AWS_REMEDY,
			})),
			...azureNsgExposures(file),
			...gcpFirewallExposures(file),
			...serviceExposures(file),
		].filter(exposure => exposure.openings.length > 0));
}
