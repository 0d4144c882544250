import { defineRule } from './rule';
import { internetExposures } from './shared/exposure';
import { isEveryPort } from './shared/network';
import { narrowSourceFix } from './shared/narrow-source';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-NET-002',
	title: 'All ports open to the internet',
	severity: 'warning',
	aupSection: '3',
	category: 'network-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'arm', 'bicep'],
	docs: [
		'Finds firewall rules that let the whole internet reach every port: an AWS security group rule with protocol `-1` (or `all`) or a TCP or UDP range from 0 or 1 to 65535 open to `0.0.0.0/0` or `::/0`; an inbound Azure network security group rule that allows destination port `*` from `*`, `Internet` or `0.0.0.0/0`; a GCP firewall `allow` block with protocol `all`, or a protocol without `ports`, from `0.0.0.0/0`. It reads the same resources as AUP-NET-001, `dynamic` blocks included; the finding points at the open source. Outbound (egress) rules to the internet are normal and not reported.',
		'',
		'**Why it matters.** Every service on the instance, including ones started later or by accident (a debug server, a database on its default port, the Docker API), becomes reachable by anyone. Section 3 of the Acceptable Use Policy forbids allowing unauthorized access, and a rule like this removes the one barrier between the internet and every listening process.',
		'',
		'**What to do instead.** Open only the ports the service needs (usually 443, perhaps 80 for redirects) to the internet, and everything else only to known sources: your network, a load balancer\'s security group, or another tier\'s security group. The quick fix narrows the open source to a Terraform variable, a CloudFormation or ARM parameter, or a Bicep `param` that it declares without a default; the ports still need narrowing by hand. It is never applied on save, since only you know the right range.',
		'',
		'**When it is legitimate.** Rarely: a deliberately exposed test target in an isolated account. Suppress the finding there with the reason: `# aup-guard-ignore AUP-NET-002: isolated scanning target, account 1234`.',
	].join('\n'),
	check(file, report) {
		for (const exposure of internetExposures(file)) {
			const { protocol, ports } = exposure;
			const everything = protocol === 'all';
			if (!everything && !((protocol === 'tcp' || protocol === 'udp') && ports && isEveryPort(ports))) {
				continue;
			}
			const what = everything ? 'every port and protocol' : `every ${protocol === 'tcp' ? 'TCP' : 'UDP'} port`;
			for (const opening of exposure.openings) {
				report({
					span: opening.span,
					message: `${describeResource(exposure.resource)} opens ${what} to the whole internet (${opening.source}). Open only the ports the service needs, and the rest only to known sources (AUP section 3).`,
					fixes: ['narrowSource'],
				});
			}
		}
	},
	fixes: { narrowSource: narrowSourceFix },
});
