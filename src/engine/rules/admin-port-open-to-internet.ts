import type { Span } from '../model/range';
import { defineRule } from './rule';
import { internetExposures, type Exposure } from './shared/exposure';
import { adminPortsIn, describePorts, isEveryPort, type ServicePort } from './shared/network';
import { narrowSourceFix } from './shared/narrow-source';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-NET-001',
	title: 'Administrative or database port open to the internet',
	severity: 'warning',
	aupSection: '3',
	category: 'network-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'arm', 'bicep'],
	docs: [
		'Finds firewall rules that let the whole internet reach a port used for remote administration or data stores: SSH (22), RDP (3389), Telnet (23), FTP (21), SMB (445), VNC (5900), WinRM, the Docker API (2375/2376), etcd, the kubelet, and database, cache and queue ports (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Elasticsearch 9200, CouchDB 5984, Memcached 11211, Kafka 9092 and others). It reads every provider\'s firewall, including the Terraform blocks a `dynamic` block generates when its `content` writes the ports and sources out:',
		'',
		'- AWS security groups: `aws_security_group` ingress blocks, `aws_security_group_rule` of type `ingress`, `aws_vpc_security_group_ingress_rule`, and CloudFormation\'s `AWS::EC2::SecurityGroup` and `AWS::EC2::SecurityGroupIngress`, with a source of `0.0.0.0/0` or `::/0`;',
		'- Azure network security groups: `security_rule` blocks of `azurerm_network_security_group` and `azurerm_network_security_rule`, and ARM\'s `Microsoft.Network/networkSecurityGroups` and `.../securityRules`, inbound and allowed, with a source address prefix of `*`, `Internet`, `Any` or `0.0.0.0/0`;',
		'- GCP firewalls: `allow` blocks of an ingress `google_compute_firewall` whose `source_ranges` hold `0.0.0.0/0`;',
		'- Kubernetes Services of type `LoadBalancer` (manifests and Terraform\'s `kubernetes_service`) that no source range limits and no annotation makes internal.',
		'',
		'The finding points at the open source, or at the exposed port of a load balancer that has no source ranges. One finding names every such port the source reaches.',
		'',
		'**Why it matters.** These services are scanned for and attacked within minutes of becoming reachable, and a guessed password or an unpatched server then hands over the machine or the data. Section 3 of the Acceptable Use Policy forbids allowing unauthorized access, and an administration port open to everyone invites exactly that. It is a warning because the configuration is not forbidden in itself.',
		'',
		'**What to do instead.** Limit the source to the addresses that need it: your office or VPN range, a bastion host\'s security group, or the application tier\'s security group for databases. For shell access prefer a session service that needs no inbound port: AWS Systems Manager Session Manager, Azure Bastion, or GCP Identity-Aware Proxy TCP forwarding. In Kubernetes set `loadBalancerSourceRanges`, use an internal load balancer annotation, or keep databases on a `ClusterIP` Service. The quick fix replaces the open source with a Terraform variable, a CloudFormation or ARM parameter, or a Bicep `param` that it declares without a default, so the range is supplied where the configuration is deployed; in a Kubernetes manifest it writes a placeholder range to replace. Only you know the right range, so the fix is never applied on save. Terraform JSON gets no fix: change the CDK code that generates it.',
		'',
		'**What is not reported.** Web ports (80, 443) open to the internet, outbound rules, Azure deny rules, disabled GCP firewalls, sources from variables or parameters (or from a `dynamic` block\'s iterator), and `NodePort` Services (whether a node port is reachable depends on the nodes\' own firewall, which is not in the file). A GCP firewall without any source range also admits the internet, but only written ranges are reported. Rules that open every port are reported by AUP-NET-002 instead.',
		'',
		'**When it is legitimate.** A public SFTP or Git-over-SSH endpoint, or a honeypot. Suppress the finding with the reason: `# aup-guard-ignore AUP-NET-001: public SFTP drop box for customers`.',
	].join('\n'),
	check(file, report) {
		// Several ranges of one rule (`ports = ["22", "5432"]`) reach the same source: one finding names them all.
		const bySource = new Map<string, { span: Span; source: string; exposure: Exposure; ports: ServicePort[] }>();
		for (const exposure of internetExposures(file)) {
			const { protocol, ports } = exposure;
			// Every port and every protocol is AUP-NET-002's finding; ICMP has no ports.
			if (!ports || protocol === 'all' || protocol === 'icmp' || protocol === 'other' || isEveryPort(ports)) {
				continue;
			}
			const exposed = adminPortsIn(ports);
			if (exposed.length === 0) {
				continue;
			}
			for (const opening of exposure.openings) {
				const key = `${opening.span.start}:${opening.span.end}`;
				const seen = bySource.get(key);
				if (seen) {
					seen.ports.push(...exposed.filter(port => !seen.ports.includes(port)));
				} else {
					bySource.set(key, { ...opening, exposure, ports: [...exposed] });
				}
			}
		}
		for (const { span, source, exposure, ports } of bySource.values()) {
			ports.sort((a, b) => a.port - b.port);
			report({
				span,
				message: `${describePorts(ports)} ${ports.length > 1 ? 'are' : 'is'} open to the whole internet (${source}) in ${describeResource(exposure.resource)}. ${exposure.remedy}`,
				fixes: ['narrowSource'],
			});
		}
	},
	fixes: { narrowSource: narrowSourceFix },
});
