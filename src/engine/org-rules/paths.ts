import { RE2JS } from 're2js';
import type { ValueNode } from '../model/nodes';
import { flatten } from '../model/query';

/** One step of an attribute path: a key, then `[*]` for every item or `[N]` for one. */
export interface PathStep {
	readonly key: string;
	readonly index?: '*' | number;
}

const STEP = /^([^.[\]]+)(?:\[(\*|\d+)\])?$/;

/**
 * Reads `spec.template.spec.containers[*].image` into steps, or returns undefined when it is not
 * a path. Keys cannot contain dots; that is a limit of the syntax, said in the docs.
 */
export function parsePath(text: string): PathStep[] | undefined {
	const steps: PathStep[] = [];
	for (const part of text.split('.')) {
		const match = STEP.exec(part.trim());
		if (!match) {
			return undefined;
		}
		const index = match[2];
		steps.push(index === undefined ? { key: match[1] } : { key: match[1], index: index === '*' ? '*' : Number(index) });
	}
	return steps.length > 0 ? steps : undefined;
}

/**
 * Every value the path reaches. Lists met on the way are looked into, so `ingress.cidr_blocks`
 * reads every ingress block whether the format writes them as repeated blocks (Terraform) or as
 * a list (CloudFormation); a list at the end stays whole unless the step says `[*]`.
 */
export function resolvePath(root: ValueNode, steps: readonly PathStep[]): ValueNode[] {
	let current: ValueNode[] = [root];
	steps.forEach((step, position) => {
		const next: ValueNode[] = [];
		for (const node of current.flatMap(flatten)) {
			if (node.kind !== 'object') {
				continue;
			}
			for (const entry of node.entries) {
				if (entry.key === step.key) {
					next.push(...pick(entry.value, step.index, position === steps.length - 1));
				}
			}
		}
		current = next;
	});
	return current;
}

function pick(value: ValueNode, index: PathStep['index'], last: boolean): ValueNode[] {
	if (index === undefined) {
		return last ? [value] : flatten(value);
	}
	if (value.kind !== 'array') {
		// `containers[*]` on a single block is that block: Terraform writes one block without a list.
		return index === '*' || index === 0 ? [value] : [];
	}
	if (index === '*') {
		return [...value.items];
	}
	const item = value.items[index];
	return item ? [item] : [];
}

/**
 * Resource type globs: `*` any run of characters, `?` one; everything else is literal, so
 * `AWS::EC2::*` needs no escaping. Built from literal text only, never from a user's regex.
 */
export function compileTypeGlob(glob: string): (type: string) => boolean {
	if (!/[*?]/.test(glob)) {
		return type => type === glob;
	}
	const source = glob.split(/([*?])/).map(part => part === '*' ? '.*' : part === '?' ? '.' : RE2JS.quote(part)).join('');
	// RE2, as for the patterns: a type in a hostile file cannot make `a*a*a*b` backtrack.
	const regex = RE2JS.compile(source, RE2JS.DOTALL);
	return type => regex.testExact(type);
}
