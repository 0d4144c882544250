import type { Resource } from '../../model/file';

/**
 * Where a value sits, in words for a message: `'user_data' of aws_instance.web`,
 * `'image' of Deployment 'miner'`, `service 'worker'`. Terraform readers know resources by
 * their address; the other formats name a kind and a name.
 */
export function describeLocation(resource: Resource | undefined, key?: string): string {
	if (!resource) {
		return key ? `'${key}' in this file` : 'this file';
	}
	return key ? `'${key}' of ${describeResource(resource)}` : describeResource(resource);
}

export function describeResource(resource: Resource): string {
	if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(resource.type)) {
		return `${resource.type}.${resource.name}`;
	}
	const kind = resource.type.startsWith('compose:') ? resource.type.slice('compose:'.length) : resource.type;
	return `${kind} '${resource.name}'`;
}
