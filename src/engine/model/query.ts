import type { ParsedFile, Resource } from './file';
import type { ObjectNode, StringNode, ValueNode } from './nodes';
import { memoized, memoKey } from './memo';

/** A string value with where it sits: its path from the root and its resource, if any. */
export interface StringRef {
	readonly node: StringNode;
	readonly path: readonly (string | number)[];
	/** The nearest key above the value (`image`, `user_data`, `password`); intrinsic functions (`Fn::Sub`) are looked through. */
	readonly key: string | undefined;
	readonly resource: Resource | undefined;
}

/** The first value under `key`. */
export function get(node: ValueNode | undefined, key: string): ValueNode | undefined {
	if (node?.kind !== 'object') {
		return undefined;
	}
	return node.entries.find(entry => entry.key === key)?.value;
}

/** Follows a path of keys, the first value at each step. */
export function getPath(node: ValueNode | undefined, ...keys: string[]): ValueNode | undefined {
	let current = node;
	for (const key of keys) {
		current = get(current, key);
	}
	return current;
}

/**
 * Every value under `key`, with arrays flattened: `ingress { } ingress { }` in Terraform and
 * `SecurityGroupIngress: [ ... ]` in CloudFormation read the same way.
 */
export function getAll(node: ValueNode | undefined, key: string): ValueNode[] {
	if (node?.kind !== 'object') {
		return [];
	}
	const values: ValueNode[] = [];
	for (const entry of node.entries) {
		if (entry.key === key) {
			values.push(...flatten(entry.value));
		}
	}
	return values;
}

export function flatten(node: ValueNode): ValueNode[] {
	return node.kind === 'array' ? [...node.items] : [node];
}

export function objectsIn(nodes: readonly ValueNode[]): ObjectNode[] {
	return nodes.filter((node): node is ObjectNode => node.kind === 'object');
}

/** The string a node holds when it is written out in the file, not computed at deploy time. */
export function literalString(node: ValueNode | undefined): string | undefined {
	return node?.kind === 'string' && node.isLiteral ? node.value : undefined;
}

/** A number written as a number or as a numeric string (YAML and CloudFormation often quote them). */
export function literalNumber(node: ValueNode | undefined): number | undefined {
	if (node?.kind === 'number') {
		return node.value;
	}
	const text = literalString(node);
	if (text !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) {
		return Number(text);
	}
	return undefined;
}

export function literalBoolean(node: ValueNode | undefined): boolean | undefined {
	if (node?.kind === 'boolean') {
		return node.value;
	}
	const text = literalString(node)?.toLowerCase();
	return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function resourcesOfType(file: ParsedFile, ...types: string[]): Resource[] {
	return file.resources.filter(resource => types.includes(resource.type));
}

const STRINGS = memoKey<StringRef[]>('string values');

/** Every string value in the file, in source order, computed once per parsed file. */
export function stringValues(file: ParsedFile): readonly StringRef[] {
	return memoized(file, STRINGS, () => collectStrings(file));
}

/**
 * Keys whose string values are run by a shell or an init system: instance user data,
 * startup scripts, provisioner commands, container commands and entrypoints.
 */
const SCRIPT_KEYS = new Set([
	'user_data', 'custom_data', 'metadata_startup_script', 'startup-script', 'startup_script',
	'inline', 'command', 'args', 'entrypoint', 'script', 'scripts', 'runcmd', 'bootcmd',
	'UserData', 'Command', 'EntryPoint', 'Entrypoint', 'Args', 'CustomData', 'commandToExecute',
	// ARM and Bicep: a VM's `osProfile.customData`, a deployment script's `scriptContent`.
	'customData', 'scriptContent',
	'RUN', 'CMD', 'ENTRYPOINT',
]);

const SCRIPTS = memoKey<StringRef[]>('script values');

/** String values that hold shell commands or scripts. */
export function scriptValues(file: ParsedFile): readonly StringRef[] {
	return memoized(file, SCRIPTS, () => stringValues(file).filter(ref => isScript(ref) || isWrittenScript(file, ref)));
}

/**
 * cloud-init's `write_files` items whose `path` names a script (`*.sh`, `*.bash`, or a file that
 * cloud-init itself runs from `/var/lib/cloud/scripts/`): their `content` is a script even without
 * a shebang. `content` is no script key elsewhere: a ConfigMap's or a `local_file`'s content is data.
 */
function isWrittenScript(file: ParsedFile, ref: StringRef): boolean {
	const [section, index, key] = ref.path;
	if (file.format !== 'cloud-init' || ref.path.length !== 3 || section !== 'write_files' || typeof index !== 'number' || key !== 'content') {
		return false;
	}
	const root = file.roots.find(candidate => candidate.span.start <= ref.node.span.start && ref.node.span.end <= candidate.span.end);
	const items = get(root, 'write_files');
	const item = items?.kind === 'array' ? items.items[index] : undefined;
	const encoding = literalString(get(item, 'encoding'));
	const path = literalString(get(item, 'path'));
	// Base64 or gzip content is not readable as text.
	return (encoding === undefined || /^text\/plain$/i.test(encoding))
		&& path !== undefined && /\.(?:sh|bash)$|^\/var\/lib\/cloud\/scripts\//.test(path);
}

function isScript(ref: StringRef): boolean {
	if (ref.node.value.startsWith('#!') || ref.node.value.startsWith('#cloud-config')) {
		return true;
	}
	return ref.key !== undefined && SCRIPT_KEYS.has(ref.key);
}

function collectStrings(file: ParsedFile): StringRef[] {
	const resourceByBody = new Map<ValueNode, Resource>();
	for (const resource of file.resources) {
		resourceByBody.set(resource.body, resource);
	}
	const found: StringRef[] = [];
	const path: (string | number)[] = [];
	const visit = (node: ValueNode, key: string | undefined, owner: Resource | undefined): void => {
		switch (node.kind) {
			case 'string':
				found.push({ node, path: path.slice(), key, resource: owner });
				break;
			case 'object':
				// Resource bodies are objects: only they can change the owner.
				owner = resourceByBody.get(node) ?? owner;
				for (const entry of node.entries) {
					path.push(entry.key);
					// CloudFormation's `UserData: { Fn::Base64: ... }`: the script is still UserData's.
					const isIntrinsic = entry.key.startsWith('Fn::') && key !== undefined;
					visit(entry.value, isIntrinsic ? key : entry.key, owner);
					path.pop();
				}
				break;
			case 'array':
				node.items.forEach((item, index) => {
					path.push(index);
					visit(item, key, owner);
					path.pop();
				});
				break;
			case 'expression':
				for (const part of node.parts) {
					visit(part, key, owner);
				}
				break;
		}
	};
	for (const root of file.roots) {
		visit(root, undefined, undefined);
	}
	// The walk meets values in source order except where YAML merges or aliases repeat them.
	return isInSourceOrder(found) ? found : found.sort((a, b) => a.node.span.start - b.node.span.start);
}

function isInSourceOrder(refs: readonly StringRef[]): boolean {
	for (let i = 1; i < refs.length; i++) {
		if (refs[i].node.span.start < refs[i - 1].node.span.start) {
			return false;
		}
	}
	return true;
}
