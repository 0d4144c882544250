import type { Resource } from '../../model/file';
import type { Entry, ObjectNode, ValueNode } from '../../model/nodes';
import { flatten, objectsIn } from '../../model/query';

/**
 * The `resource` blocks of a Terraform JSON file. Terraform's JSON syntax nests the labels as
 * objects, `{"resource": {"aws_instance": {"web": {...}}}}`, and at each level an array of objects
 * may stand for the object (`"resource": [{"aws_instance": ...}, ...]`), which is how generators
 * write repeated or ordered blocks; both read the same here.
 *
 * The root itself is kept as written: it already has the shape the HCL parser gives a `.tf` file
 * (`resource` -> type -> name -> body), so rules that walk the model read both alike.
 */
export function terraformJsonResources(root: ValueNode | undefined): Resource[] {
	const resources: Resource[] = [];
	for (const top of levels(root)) {
		for (const section of top.entries) {
			if (section.key !== 'resource') {
				continue;
			}
			for (const types of levels(section.value)) {
				for (const type of types.entries) {
					for (const names of levels(type.value)) {
						for (const name of names.entries) {
							addBodies(type.key, name, resources);
						}
					}
				}
			}
		}
	}
	return resources;
}

/** An object, or each object of an array standing for one. */
function levels(node: ValueNode | undefined): ObjectNode[] {
	return node ? objectsIn(flatten(node)) : [];
}

/** `"web": {...}`, or `"web": [{...}, ...]` (each a block with the same labels). */
function addBodies(type: string, name: Entry, into: Resource[]): void {
	const single = name.value.kind === 'object';
	for (const body of levels(name.value)) {
		into.push({
			type,
			name: name.key,
			span: single ? name.span : body.span,
			headerSpan: name.keySpan,
			body,
		});
	}
}
