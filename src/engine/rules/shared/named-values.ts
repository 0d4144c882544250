import type { ParsedFile, Resource } from '../../model/file';
import type { Entry, ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { get, literalString } from '../../model/query';
import { memoized, memoKey } from '../../model/memo';

/**
 * A string value and the name it is given, however the format writes the pair:
 * - an attribute or key: `password = "..."`, `MasterUserPassword: ...`, `POSTGRES_PASSWORD: ...`;
 * - a name/value object: Kubernetes `env: [{name: DB_PASSWORD, value: ...}]`, ECS `{Name, Value}`;
 * - a `NAME=value` item of an environment list: Compose `environment: ["DB_PASSWORD=..."]`;
 * - a Terraform variable's default: `variable "db_password" { default = "..." }`.
 */
export interface NamedValue {
	readonly name: string;
	readonly node: StringNode;
	/** Where the value sits in `node.value` (all of it, or what follows `NAME=`). */
	readonly start: number;
	readonly end: number;
	readonly value: string;
	/** The object entry holding the value, when the name is its key. */
	readonly entry: Entry | undefined;
	/** The object the value sits in, when there is one. */
	readonly parent: ObjectNode | undefined;
	readonly resource: Resource | undefined;
}

/** Keys of environment lists whose items are `NAME=value` strings. */
const ENVIRONMENT_LISTS = new Set(['environment', 'env', 'Env']);

const NAMED = memoKey<NamedValue[]>('named values');

/** Every named string value in the file, in source order, computed once per parsed file. */
export function namedValues(file: ParsedFile): readonly NamedValue[] {
	return memoized(file, NAMED, () => collect(file));
}

function collect(file: ParsedFile): NamedValue[] {
	const resources = new Map<ValueNode, Resource>();
	for (const resource of file.resources) {
		resources.set(resource.body, resource);
	}
	const found: NamedValue[] = [];
	// `top` holds the first two keys of the path only (enough to see `variable.<name>`), so deep documents cost no more than shallow ones.
	const visit = (node: ValueNode, key: string | undefined, top: readonly string[], depth: number, resource: Resource | undefined): void => {
		const owner = resources.get(node) ?? resource;
		if (node.kind === 'object') {
			for (const entry of node.entries) {
				const value = entry.value;
				if (value.kind === 'string') {
					const name = nameOf(file, node, entry, depth === 2 ? top : [], key);
					found.push({ name, node: value, start: 0, end: value.value.length, value: value.value, entry, parent: node, resource: owner });
				} else {
					visit(value, entry.key, depth < 2 ? [...top, entry.key] : top, depth + 1, owner);
				}
			}
		} else if (node.kind === 'array') {
			for (const item of node.items) {
				if (item.kind === 'string' && key !== undefined && ENVIRONMENT_LISTS.has(key)) {
					const pair = /^([A-Za-z_][A-Za-z0-9_.-]{0,200})=/.exec(item.value);
					if (pair) {
						const start = pair[0].length;
						found.push({ name: pair[1], node: item, start, end: item.value.length, value: item.value.slice(start), entry: undefined, parent: undefined, resource: owner });
					}
				} else {
					visit(item, key, top, depth, owner);
				}
			}
		} else if (node.kind === 'expression') {
			for (const part of node.parts) {
				visit(part, key, top, depth, owner);
			}
		}
	};
	for (const root of file.roots) {
		visit(root, undefined, [], 0, undefined);
	}
	return found.sort((a, b) => a.node.span.start - b.node.span.start);
}

/** `path` is the object's path from the root when it is two keys deep, else empty. */
function nameOf(file: ParsedFile, parent: ObjectNode, entry: Entry, path: readonly string[], parentKey: string | undefined): string {
	// CloudFormation's `UserData: { Fn::Base64: ... }`: the value is still UserData's.
	if (entry.key.startsWith('Fn::') && parentKey !== undefined) {
		return parentKey;
	}
	if (entry.key === 'value' || entry.key === 'Value') {
		const name = literalString(get(parent, entry.key === 'value' ? 'name' : 'Name'));
		if (name !== undefined) {
			return name;
		}
	}
	const isTerraform = file.format === 'terraform' || file.format === 'terraform-json';
	if (entry.key === 'default' && isTerraform && path.length === 2 && path[0] === 'variable') {
		return path[1];
	}
	return entry.key;
}
