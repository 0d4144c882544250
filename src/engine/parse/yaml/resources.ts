import type { Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, getPath, literalString } from '../../model/query';
import { span, type Span } from '../../model/range';

export type YamlFormat = 'cloudformation' | 'kubernetes' | 'compose';

/** The resources each format declares, found in the documents' roots. */
export function findResources(format: YamlFormat, roots: readonly ValueNode[]): Resource[] {
	const resources: Resource[] = [];
	for (const root of roots) {
		if (root.kind !== 'object') {
			continue;
		}
		switch (format) {
			case 'cloudformation':
				cloudFormationResources(root, resources);
				break;
			case 'kubernetes':
				kubernetesObjects(root, resources);
				break;
			case 'compose':
				composeServices(root, resources);
				break;
		}
	}
	return resources;
}

/** Each entry of `Resources`; rules read its `Properties`. */
function cloudFormationResources(root: ObjectNode, into: Resource[]): void {
	const section = get(root, 'Resources');
	if (section?.kind !== 'object') {
		return;
	}
	for (const entry of section.entries) {
		if (entry.value.kind !== 'object') {
			continue;
		}
		const properties = get(entry.value, 'Properties');
		into.push({
			type: literalString(get(entry.value, 'Type')) ?? '',
			name: entry.key,
			span: entry.span,
			headerSpan: entry.keySpan,
			// A resource without properties is still a resource: rules then see an empty body.
			body: properties?.kind === 'object' ? properties : emptyObject(properties?.span ?? entry.span),
		});
	}
}

/** A document with a `kind`; the items of a `List` (or `ServiceList`, ...) too. */
function kubernetesObjects(root: ObjectNode, into: Resource[]): void {
	const kind = get(root, 'kind');
	const type = literalString(kind);
	if (kind === undefined || type === undefined) {
		return;
	}
	const name = getPath(root, 'metadata', 'name');
	into.push({ type, name: literalString(name) ?? '', span: root.span, headerSpan: kind.span, body: root });
	if (!type.endsWith('List')) {
		return;
	}
	const items = get(root, 'items');
	for (const item of items?.kind === 'array' ? items.items : []) {
		if (item.kind === 'object' && item !== root) {
			kubernetesObjects(item, into);
		}
	}
}

/** Each service under `services`. */
function composeServices(root: ObjectNode, into: Resource[]): void {
	const services = get(root, 'services');
	if (services?.kind !== 'object') {
		return;
	}
	for (const entry of services.entries) {
		const value = entry.value;
		if (value.kind !== 'object' && value.kind !== 'null') {
			continue;
		}
		into.push({
			type: 'compose:service',
			name: entry.key,
			span: entry.span,
			headerSpan: entry.keySpan,
			body: value.kind === 'object' ? value : emptyObject(value.span),
		});
	}
}

function emptyObject(at: Span): ObjectNode {
	return { kind: 'object', span: span(at.start, at.end), entries: [] };
}
