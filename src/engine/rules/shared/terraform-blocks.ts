import type { ObjectNode } from '../../model/nodes';
import { getAll, objectsIn } from '../../model/query';

/**
 * Nested blocks of a Terraform body by name, written out (`ingress { ... }`) or generated
 * (`dynamic "ingress" { for_each = ...; content { ... } }`), in source order. A `content` body is
 * one more block: what it writes as literals holds for every block generated from it, and what it
 * takes from the iterator (`ingress.value.port`) is an expression, unknown until plan like any other.
 * The model reads Terraform JSON's `dynamic` the same way, so it is covered too.
 */
export function nestedBlocks(body: ObjectNode, name: string): ObjectNode[] {
	const blocks = objectsIn(getAll(body, name));
	for (const dynamic of objectsIn(getAll(body, 'dynamic'))) {
		for (const generator of objectsIn(getAll(dynamic, name))) {
			blocks.push(...objectsIn(getAll(generator, 'content')));
		}
	}
	return blocks.sort((a, b) => a.span.start - b.span.start);
}
