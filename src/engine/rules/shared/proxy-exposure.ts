import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, getAll, getPath, literalNumber, literalString } from '../../model/query';
import type { Span } from '../../model/range';
import { imageRefs } from './images';
import { proxyInImage } from './proxies';
import { serviceExposures } from './service-exposure';
import { hasTemplate } from './text';
import { describeResource } from './where';
import { podSpecs, type PodSpec } from './workloads';

/**
 * Proxy containers that a Kubernetes Service or a Compose port puts within reach of other
 * machines. A LoadBalancer Service counts unless it is internal or limited by source ranges
 * (as AUP-NET-001 reads it); a NodePort Service listens on every node's address.
 */
export interface ExposedProxy {
	/** The proxy's name inside the image reference. */
	readonly span: Span;
	readonly proxy: string;
	/** `'image' of Deployment 'egress'`. */
	readonly where: string;
	/** How it is reachable, in words for a message. */
	readonly exposure: string;
	/** What to do about that exposure. */
	readonly remedy: string;
}

const SERVICE_REMEDY = 'Make the Service ClusterIP or an internal load balancer, or limit its source ranges to your own network.';
const COMPOSE_REMEDY = 'Publish it on the loopback address only ("127.0.0.1:3128:3128") or leave the port unpublished for other services on the same network.';

export function kubernetesExposedProxies(file: ParsedFile): ExposedProxy[] {
	const services = new Map<Resource, string>();
	for (const exposure of serviceExposures(file)) {
		services.set(exposure.resource, `LoadBalancer ${describeResource(exposure.resource)} puts it on a public address`);
	}
	for (const resource of file.resources) {
		const type = literalString(getPath(resource.body, 'spec', 'type'));
		if (isService(resource) && type === 'NodePort') {
			services.set(resource, `NodePort ${describeResource(resource)} opens it on every node's address`);
		}
	}
	const found: ExposedProxy[] = [];
	if (services.size === 0) {
		return found;
	}
	const pods = podSpecs(file).map(pod => ({ pod, labels: templateLabels(pod) }));
	for (const [service, exposure] of services) {
		const selector = get(get(service.body, 'spec'), 'selector');
		for (const { pod, labels } of pods) {
			if (selects(selector, labels)) {
				found.push(...proxyContainers(file, pod).map(proxy => ({ ...proxy, exposure, remedy: SERVICE_REMEDY })));
			}
		}
	}
	return found;
}

export function composeExposedProxies(file: ParsedFile): ExposedProxy[] {
	const found: ExposedProxy[] = [];
	for (const resource of file.resources) {
		if (resource.type !== 'compose:service') {
			continue;
		}
		const image = imageRefs(file).find(ref => ref.ref.node === get(resource.body, 'image'));
		const proxy = image && proxyInImage(image.image);
		const published = getAll(resource.body, 'ports').map(publishedOnAllInterfaces).find((text): text is string => text !== undefined);
		if (image && proxy && published) {
			found.push({
				span: image.spanOf(proxy.start, proxy.end), proxy: proxy.tool, where: image.where,
				exposure: `its 'ports' entry ${published} publishes it on every interface of the host`, remedy: COMPOSE_REMEDY,
			});
		}
	}
	return found;
}

function isService(resource: Resource): boolean {
	return resource.type === 'Service' || resource.type === 'kubernetes_service' || resource.type === 'kubernetes_service_v1';
}

/** The labels of the pod template a pod spec belongs to: the object whose `spec` it is. */
function templateLabels(pod: PodSpec): ValueNode | undefined {
	const owner = findOwner(pod.resource.body, pod.spec, 0);
	return getPath(owner, 'metadata', 'labels');
}

function findOwner(node: ValueNode, spec: ObjectNode, depth: number): ObjectNode | undefined {
	if (node.kind !== 'object' || depth > 8) {
		return undefined;
	}
	if (node.entries.some(entry => entry.key === 'spec' && entry.value === spec)) {
		return node;
	}
	for (const entry of node.entries) {
		const owner = findOwner(entry.value, spec, depth + 1);
		if (owner) {
			return owner;
		}
	}
	return undefined;
}

/** Every selector entry is a literal the labels hold; an empty or computed selector selects nothing we can tell. */
function selects(selector: ValueNode | undefined, labels: ValueNode | undefined): boolean {
	if (selector?.kind !== 'object' || selector.entries.length === 0) {
		return false;
	}
	return selector.entries.every(entry => {
		const wanted = literalString(entry.value);
		return wanted !== undefined && literalString(get(labels, entry.key)) === wanted;
	});
}

function proxyContainers(file: ParsedFile, pod: PodSpec): Omit<ExposedProxy, 'exposure' | 'remedy'>[] {
	const images = imageRefs(file);
	return pod.containers.flatMap(container => {
		const image = images.find(ref => ref.ref.node === get(container, 'image'));
		const proxy = image && proxyInImage(image.image);
		return image && proxy ? [{ span: image.spanOf(proxy.start, proxy.end), proxy: proxy.tool, where: image.where }] : [];
	});
}

/**
 * A Compose port published on all interfaces, quoted for a message: `"3128:3128"`, `"0.0.0.0:1080:1080"`,
 * a bare container port (published on a random port of every interface), or the long form
 * without `host_ip`. Loopback and other specific addresses are not, nor is a computed address.
 */
function publishedOnAllInterfaces(port: ValueNode): string | undefined {
	if (port.kind === 'number') {
		return String(port.value);
	}
	if (port.kind === 'object') {
		const hostIp = get(port, 'host_ip');
		const target = literalNumber(get(port, 'target'));
		return hostIp === undefined && target !== undefined ? `target ${target}` : isAllInterfaces(literalString(hostIp)) ? `target ${target ?? ''}`.trim() : undefined;
	}
	const text = literalString(port);
	if (text === undefined) {
		return undefined;
	}
	const mapping = text.replace(/\/(?:tcp|udp)$/, '');
	const bracketed = /^\[([^\]]*)\]:/.exec(mapping);
	const parts = mapping.split(':');
	const address = bracketed ? bracketed[1] : parts.length >= 3 ? parts[0] : '';
	return isAllInterfaces(address) ? `"${text}"` : undefined;
}

function isAllInterfaces(address: string | undefined): boolean {
	return address !== undefined && !hasTemplate(address) && (address === '' || address === '0.0.0.0' || address === '::');
}
