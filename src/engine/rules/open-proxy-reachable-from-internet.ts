import type { ParsedFile } from '../model/file';
import type { Span } from '../model/range';
import { defineRule, type RuleReport } from './rule';
import { internetExposures, type Exposure } from './shared/exposure';
import { PROXY_PORTS, proxyCommand } from './shared/proxies';
import { composeExposedProxies, kubernetesExposedProxies } from './shared/proxy-exposure';
import { relaySettings } from './shared/relay-settings';
import { scriptUnits } from './shared/scripts';
import { describeLocation, describeResource } from './shared/where';
import { reportingOnce } from './shared/report-once';

const RISK = 'unless its access rules admit only your own clients, anyone can relay traffic through your account, and the spam, fraud or attacks sent through it are traced back to you (AUP section 3).';

export default defineRule({
	id: 'AUP-PRX-001',
	title: 'Open proxy or relay reachable from the internet',
	severity: 'warning',
	aupSection: '3',
	category: 'network-exposure',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'arm', 'kubernetes', 'compose', 'cloud-init', 'shell'],
	docs: [
		'Finds forward proxies and relays that the same file makes reachable from the internet: Squid, Tinyproxy, 3proxy, Dante, Privoxy, Shadowsocks, V2Ray, Xray, Trojan-Go, gost and MicroSocks. A proxy alone is not reported; it takes one of these combinations:',
		'',
		'- a Kubernetes Deployment (or any workload) running a proxy image, selected by a Service of type LoadBalancer that is neither internal (the AWS, Azure, GKE and OCI internal annotations) nor limited by source ranges, or by a NodePort Service;',
		'- a Compose service running a proxy image that publishes a port on every interface (`"3128:3128"`, `"0.0.0.0:1080:1080"`, a bare container port); `"127.0.0.1:3128:3128"` is not reported;',
		'- a script (user data, a startup script, a custom script extension) that installs, starts or runs a proxy, in a file whose AWS security group, Azure network security group or GCP firewall opens a common proxy port (1080, 3128, 8118, 8388, 8888, 9050) to the whole internet.',
		'',
		'It also finds two relays that need no open port to be found: a Postfix server whose `mynetworks` includes `0.0.0.0/0` (in a written `main.cf` or through `postconf`), which makes it an open mail relay, and a Tor exit relay (`ExitRelay 1`, `ExitPolicy accept *:*`).',
		'',
		'**Why it matters.** Section 3 of the Acceptable Use Policy forbids facilitating fraud and cyberattacks. Scanners find open proxies and mail relays within hours, and then spam, credential stuffing and attacks flow through your account: the abuse reports name your addresses, and the provider may suspend the account. Most proxies are safe by default (Squid and Tinyproxy admit only localhost until configured otherwise), which is why this is a warning: the finding asks you to check the access rules, not to remove the proxy.',
		'',
		'**What to do instead.** Keep a proxy private: a ClusterIP Service or an internal load balancer, source ranges limited to your network, a port published on 127.0.0.1, a security group that admits only your addresses. Make its access rules list your own clients (Squid `http_access allow localnet` with your ranges, Tinyproxy `Allow`, Dante `client pass` rules) and require authentication. For Postfix, set `mynetworks` to your own networks and relay only for authenticated users.',
		'',
		'**Not reported.** Reverse proxies and load balancers (nginx, HAProxy, Envoy, Traefik, ingress controllers) that forward to your own services; the AWS X-Ray daemon; a proxy in a file with no exposure in it (the exposure may live in another file, which this rule cannot see); Tor clients and non-exit relays.',
		'',
		'**When it is legitimate.** A proxy that requires authentication and serves your own users, such as a company egress proxy or a VPN. Suppress with the reason: `# aup-guard-ignore AUP-PRX-001: egress proxy, basic auth and IP allow list in squid.conf`.',
	].join('\n'),
	check(file, report) {
		const once = reportingOnce(report);
		for (const exposed of [...kubernetesExposedProxies(file), ...composeExposedProxies(file)]) {
			once({ span: exposed.span, message: `Container image (${exposed.where}) is the ${exposed.proxy} proxy, and ${exposed.exposure}: ${RISK} ${exposed.remedy}` });
		}
		for (const finding of scriptProxies(file)) {
			once(finding);
		}
		for (const setting of relaySettings(file)) {
			once({
				span: setting.span,
				message: setting.kind === 'smtp'
					? `This Postfix setting (${setting.where}) trusts the whole internet in mynetworks, which makes the server an open mail relay that spammers find within hours (AUP section 3). Set mynetworks to your own networks and relay only for authenticated users.`
					: `This Tor setting (${setting.where}) makes the host an exit relay, which sends strangers' traffic to the internet from your address, so abuse they send is reported against your account (AUP section 3). Run a non-exit relay (ExitRelay 0) unless your provider has agreed in writing.`,
			});
		}
	},
});

/** Proxies installed or run by scripts, when the file's firewall opens a proxy port to everyone. */
function scriptProxies(file: ParsedFile): RuleReport[] {
	const open = internetExposures(file).find(isProxyPortOpening);
	if (!open) {
		return [];
	}
	const port = PROXY_PORTS.find(candidate => open.ports && open.ports.from <= candidate && candidate <= open.ports.to);
	const opening = `${describeResource(open.resource)} opens port ${port ?? ''} to ${open.openings[0].source}`;
	const reports: RuleReport[] = [];
	for (const unit of scriptUnits(file)) {
		for (const pipeline of unit.pipelines) {
			for (const command of pipeline.commands) {
				const proxy = proxyCommand(command);
				if (proxy) {
					const span: Span = unit.spanOf(proxy.start, proxy.end);
					reports.push({
						span,
						message: `This command (${describeLocation(unit.ref.resource, unit.ref.key)}) ${proxy.how} the ${proxy.proxy} proxy, and ${opening} in this file: ${RISK} ${open.remedy}`,
					});
				}
			}
		}
	}
	return reports;
}

/** A firewall opening of a TCP proxy port; Kubernetes Services are read with their selectors instead. */
function isProxyPortOpening(exposure: Exposure): boolean {
	const { ports, protocol, resource } = exposure;
	if (resource.type === 'Service' || resource.type.startsWith('kubernetes_service') || !ports || protocol === 'udp' || protocol === 'icmp' || protocol === 'other') {
		return false;
	}
	return PROXY_PORTS.some(port => ports.from <= port && port <= ports.to);
}
