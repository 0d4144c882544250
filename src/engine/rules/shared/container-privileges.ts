import type { ParsedFile, Resource } from '../../model/file';
import { sourceSpan, type ObjectNode, type ValueNode } from '../../model/nodes';
import { flatten, get, getAll, getPath, literalBoolean, literalString, objectsIn } from '../../model/query';
import type { Span } from '../../model/range';
import { structuredValue } from './embedded-json';
import { hostPathNodes, podSpecs } from './workloads';
import { memoized, memoKey } from '../../model/memo';

/**
 * What a container may do on its host beyond its own sandbox, read from Kubernetes workloads
 * (manifests and Terraform), Compose services and ECS task definitions:
 * - `privileged`: privileged mode, or the SYS_ADMIN or ALL capability (AUP-CTR-001);
 * - `namespace`: the host's network, process or IPC namespace (AUP-CTR-002);
 * - `mount`: the host's root, system directories or container runtime socket (AUP-CTR-003).
 */
export interface HostAccess {
	readonly resource: Resource;
	readonly kind: 'privileged' | 'namespace' | 'mount';
	readonly span: Span;
	/** The setting in words: `privileged: true`, `capability SYS_ADMIN`, `host path '/'`. */
	readonly what: string;
	/** Set when the value is a literal `true` that a fix can turn to `false`. */
	readonly fix?: 'turnOff';
}

const ROOT_CAPABILITIES = new Set(['SYS_ADMIN', 'CAP_SYS_ADMIN', 'ALL']);

/** Host paths that hand over the node: its root, its configuration, its processes, its credentials and its container runtime. */
const SENSITIVE_PATHS = new Set([
	'/', '/etc', '/root', '/proc', '/boot', '/etc/kubernetes', '/var/lib/kubelet', '/var/lib/docker',
	'/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
	'/var/run/crio/crio.sock', '/run/crio/crio.sock',
]);

export function isSensitiveHostPath(path: string): boolean {
	const trimmed = path.trim();
	return SENSITIVE_PATHS.has(trimmed.length > 1 ? trimmed.replace(/\/+$/, '') : trimmed);
}

const HOST_ACCESS = memoKey<HostAccess[]>('host access');

export function hostAccess(file: ParsedFile): readonly HostAccess[] {
	return memoized(file, HOST_ACCESS, () => [...fromPods(file), ...fromCompose(file), ...fromEcs(file)]);
}

function fromPods(file: ParsedFile): HostAccess[] {
	const found: HostAccess[] = [];
	for (const pod of podSpecs(file)) {
		const { resource, spec, keys } = pod;
		for (const key of [keys.hostNetwork, keys.hostPid, keys.hostIpc]) {
			found.push(...isTrue(resource, 'namespace', get(spec, key), `${key}: true`));
		}
		for (const container of pod.containers) {
			const context = get(container, keys.securityContext);
			found.push(...isTrue(resource, 'privileged', get(context, 'privileged'), 'privileged: true'));
			found.push(...capabilities(resource, getAll(get(context, 'capabilities'), 'add')));
		}
		for (const path of hostPathNodes(pod)) {
			found.push(...sensitivePath(resource, path));
		}
	}
	return found;
}

function fromCompose(file: ParsedFile): HostAccess[] {
	const found: HostAccess[] = [];
	for (const resource of file.resources.filter(candidate => candidate.type === 'compose:service')) {
		const body = resource.body;
		found.push(...isTrue(resource, 'privileged', get(body, 'privileged'), 'privileged: true'));
		found.push(...capabilities(resource, getAll(body, 'cap_add')));
		for (const key of ['network_mode', 'pid', 'ipc']) {
			const value = get(body, key);
			if (value?.kind === 'string' && value.isLiteral && value.value === 'host') {
				found.push({ resource, kind: 'namespace', span: sourceSpan(value, 0, value.value.length), what: `${key}: host` });
			}
		}
		for (const volume of getAll(body, 'volumes')) {
			if (volume.kind === 'string' && volume.isLiteral) {
				// Short syntax `SOURCE:TARGET[:MODE]`; a source without a slash is a named volume.
				const source = volume.value.split(':')[0];
				if (source.startsWith('/') && isSensitiveHostPath(source)) {
					found.push({ resource, kind: 'mount', span: sourceSpan(volume, 0, source.length), what: `host path '${source.trim()}'` });
				}
			} else if (volume.kind === 'object' && literalString(get(volume, 'type')) === 'bind') {
				found.push(...sensitivePath(resource, get(volume, 'source')));
			}
		}
	}
	return found;
}

function fromEcs(file: ParsedFile): HostAccess[] {
	const found: HostAccess[] = [];
	for (const resource of file.resources) {
		const terraform = resource.type === 'aws_ecs_task_definition';
		if (!terraform && resource.type !== 'AWS::ECS::TaskDefinition') {
			continue;
		}
		const body = resource.body;
		const definitions = structuredValue(get(body, terraform ? 'container_definitions' : 'ContainerDefinitions'));
		for (const container of objectsIn(definitions ? flatten(definitions) : [])) {
			found.push(...isTrue(resource, 'privileged', get(container, terraform ? 'privileged' : 'Privileged'), 'privileged: true'));
			const linux = terraform ? getPath(container, 'linuxParameters', 'capabilities') : getPath(container, 'LinuxParameters', 'Capabilities');
			found.push(...capabilities(resource, getAll(linux, terraform ? 'add' : 'Add')));
		}
		const volumes: ObjectNode[] = terraform ? objectsIn(getAll(body, 'volume')) : objectsIn(getAll(body, 'Volumes'));
		for (const volume of volumes) {
			found.push(...sensitivePath(resource, terraform ? get(volume, 'host_path') : getPath(volume, 'Host', 'SourcePath')));
		}
	}
	return found;
}

function isTrue(resource: Resource, kind: HostAccess['kind'], node: ValueNode | undefined, what: string): HostAccess[] {
	if (!node || literalBoolean(node) !== true) {
		return [];
	}
	const span = node.kind === 'string' ? sourceSpan(node, 0, node.value.length) : node.span;
	return [{ resource, kind, span, what, fix: node.kind === 'boolean' ? 'turnOff' : undefined }];
}

function capabilities(resource: Resource, added: ValueNode[]): HostAccess[] {
	return added
		.filter(node => node.kind === 'string' && node.isLiteral && ROOT_CAPABILITIES.has(node.value.trim().toUpperCase()))
		.map(node => ({ resource, kind: 'privileged' as const, span: node.kind === 'string' ? sourceSpan(node, 0, node.value.length) : node.span, what: `capability ${literalString(node)?.trim()}` }));
}

function sensitivePath(resource: Resource, node: ValueNode | undefined): HostAccess[] {
	if (node?.kind !== 'string' || !node.isLiteral || !isSensitiveHostPath(node.value)) {
		return [];
	}
	return [{ resource, kind: 'mount', span: sourceSpan(node, 0, node.value.length), what: `host path '${node.value.trim()}'` }];
}
