import { sourceSpan } from '../model/nodes';
import { defineRule } from './rule';
import { ingressPermissions } from './shared/ingress';
import { adminPortsIn, describePorts, isEveryPort } from './shared/network';
import { describeResource } from './shared/where';

export default defineRule({
	id: 'AUP-NET-001',
	title: 'Administrative or database port open to the internet',
	severity: 'warning',
	aupSection: '3',
	category: 'network-exposure',
	formats: ['terraform', 'cloudformation'],
	docs: [
		'Finds AWS security group rules that let the whole internet (`0.0.0.0/0` or `::/0`) reach a port used for remote administration or data stores: SSH (22), RDP (3389), Telnet (23), FTP (21), SMB (445), VNC (5900), WinRM, the Docker API (2375/2376), etcd, the kubelet, and database, cache and queue ports (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, Elasticsearch 9200, CouchDB 5984, Memcached 11211, Kafka 9092 and others). It reads `aws_security_group` ingress blocks, `aws_security_group_rule` of type `ingress`, `aws_vpc_security_group_ingress_rule`, and CloudFormation\'s `AWS::EC2::SecurityGroup` and `AWS::EC2::SecurityGroupIngress`. The finding points at the open CIDR.',
		'',
		'**Why it matters.** These services are scanned for and attacked within minutes of becoming reachable, and a guessed password or an unpatched server then hands over the machine or the data. Section 3 of the Acceptable Use Policy forbids allowing unauthorized access, and an administration port open to everyone invites exactly that. It is a warning because the configuration is not forbidden in itself.',
		'',
		'**What to do instead.** Limit the source to the addresses that need it: your office or VPN range, a bastion host\'s security group, or the application tier\'s security group for databases. For shell access prefer AWS Systems Manager Session Manager, which needs no inbound port at all.',
		'',
		'**When it is legitimate.** A public SFTP or Git-over-SSH endpoint, or a honeypot. Suppress the finding with the reason: `# aup-guard-ignore AUP-NET-001: public SFTP drop box for customers`. Web ports (80, 443) open to the internet are not reported, and rules that open every port are reported by AUP-NET-002 instead.',
	].join('\n'),
	check(file, report) {
		for (const permission of ingressPermissions(file)) {
			const { protocol, ports } = permission;
			// Every port and every protocol is AUP-NET-002's finding; ICMP has no ports.
			if (!ports || protocol === 'all' || protocol === 'icmp' || protocol === 'other' || isEveryPort(ports)) {
				continue;
			}
			const exposed = adminPortsIn(ports);
			if (exposed.length === 0) {
				continue;
			}
			for (const source of permission.openSources) {
				report({
					span: sourceSpan(source, 0, source.value.length),
					message: `${describePorts(exposed)} ${exposed.length > 1 ? 'are' : 'is'} open to the whole internet (${source.value.trim()}) in ${describeResource(permission.resource)}. Limit the source to your network, a VPN or a bastion's security group (AUP section 3), or use a session manager instead of an open port.`,
				});
			}
		}
	},
});
