import type { Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, getPath, literalString, objectsIn } from '../../model/query';

/**
 * How deep child resources and nested deployments may go. Real templates nest two or three
 * levels; the bound keeps a hostile file from recursing as deep as the model goes.
 */
const MAX_NESTING = 32;

/**
 * The resources of an ARM template: each item of `resources` (an object of symbolic names in
 * language version 2.0), the child resources in a resource's own `resources`, and the resources of
 * an inline template inside a `Microsoft.Resources/deployments`. The body is the whole resource
 * object, so rules read settings under `properties` as the template writes them. A child's type is
 * given in full (`Microsoft.Network/networkSecurityGroups/securityRules`) even where the template
 * writes only its last segment (`securityRules`), so a rule matches one type however it is nested.
 * ARM compares types without regard to case; rules should too.
 */
export function armResources(root: ValueNode | undefined): Resource[] {
	const resources: Resource[] = [];
	addResources(get(root, 'resources'), undefined, 0, resources);
	return resources.sort((a, b) => a.span.start - b.span.start);
}

function addResources(list: ValueNode | undefined, parentType: string | undefined, depth: number, into: Resource[]): void {
	if (!list || depth > MAX_NESTING) {
		return;
	}
	const items = list.kind === 'array' ? list.items : list.kind === 'object' ? list.entries.map(entry => entry.value) : [];
	for (const resource of objectsIn(items)) {
		const type = fullType(literalString(get(resource, 'type')), parentType);
		into.push({
			type,
			name: nameOf(get(resource, 'name')),
			span: resource.span,
			headerSpan: headerOf(resource),
			body: resource,
		});
		addResources(get(resource, 'resources'), type, depth + 1, into);
		if (type.toLowerCase() === 'microsoft.resources/deployments') {
			addResources(getPath(resource, 'properties', 'template', 'resources'), undefined, depth + 1, into);
		}
	}
}

/** A nested resource may name only its own segment; the full type starts with its parent's. */
function fullType(type: string | undefined, parentType: string | undefined): string {
	if (type === undefined) {
		return '';
	}
	return parentType && !type.includes('/') ? `${parentType}/${type}` : type;
}

/** The name as written: a literal, or the text of an expression such as `[parameters('nsgName')]`. */
function nameOf(node: ValueNode | undefined): string {
	return node?.kind === 'string' ? node.value : '';
}

/** Where a finding about the whole resource points: its `type`, else its opening brace. */
function headerOf(resource: ObjectNode): { start: number; end: number } {
	const type = get(resource, 'type');
	return type ? type.span : { start: resource.span.start, end: resource.span.start + 1 };
}
