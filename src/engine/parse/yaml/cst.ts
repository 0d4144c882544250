import type { CST } from 'yaml';
import type { Comment } from '../../model/file';

/**
 * How many collections deep a document may nest. Real manifests stay far below (a CRD schema
 * nests a few dozen levels); deeper input is hostile or broken. The `yaml` composer recurses once
 * per level and a stack overflow deep inside it can take the whole process down, so what lies
 * deeper is cut off in the syntax tree before it is composed.
 */
export const MAX_DEPTH = 200;

export interface TagToken {
	readonly offset: number;
	readonly source: string;
}

type Slot = CST.Token | CST.SourceToken;

/**
 * Gathers, in one walk over the concrete syntax tree, what the composed documents do not keep:
 * every comment with its position and where each tag is written. The walk uses its own stack, as
 * the tree can be as deep as the input is long.
 */
export class CstFacts {
	readonly comments: Comment[] = [];
	/** In source order, for `tagBefore`. */
	readonly tags: TagToken[] = [];
	/** The placeholders left where a too-deep collection was cut off. */
	private readonly cuts = new WeakSet<object>();

	/** Walks one top-level token of the stream, cutting off what nests deeper than `MAX_DEPTH`. */
	scan(root: CST.Token): void {
		const stack: { token: Slot; depth: number }[] = [{ token: root, depth: 0 }];
		for (let next = stack.pop(); next; next = stack.pop()) {
			const { token, depth } = next;
			if (token.type === 'comment') {
				this.comments.push({ span: { start: token.offset, end: token.offset + token.source.length }, text: token.source.slice(1) });
				continue;
			}
			if (token.type === 'tag') {
				this.tags.push({ offset: token.offset, source: token.source });
				continue;
			}
			const children = this.childrenOf(token, depth);
			for (let i = children.length - 1; i >= 0; i--) {
				stack.push(children[i]);
			}
		}
	}

	/** Whether a composed scalar stands where a too-deep collection was cut off. */
	isCut(token: unknown): boolean {
		return typeof token === 'object' && token !== null && this.cuts.has(token);
	}

	/** The last tag written before `offset`: a node's tag comes right before the node. */
	tagBefore(offset: number): TagToken | undefined {
		let low = 0;
		let high = this.tags.length - 1;
		let found: TagToken | undefined;
		while (low <= high) {
			const mid = (low + high) >> 1;
			if (this.tags[mid].offset < offset) {
				found = this.tags[mid];
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return found;
	}

	private childrenOf(token: Slot, depth: number): { token: Slot; depth: number }[] {
		const children: { token: Slot; depth: number }[] = [];
		const add = (slots: readonly Slot[] | undefined, at = depth): void => {
			for (const slot of slots ?? []) {
				children.push({ token: slot, depth: at });
			}
		};
		switch (token.type) {
			case 'document':
				add(token.start);
				token.value = this.guard(token.value, depth + 1);
				add(token.value ? [token.value] : [], depth + 1);
				add(token.end);
				break;
			case 'doc-end':
			case 'scalar':
			case 'single-quoted-scalar':
			case 'double-quoted-scalar':
			case 'alias':
				add(token.end);
				break;
			case 'block-scalar':
				add(token.props);
				break;
			case 'flow-collection':
				add([token.start]);
				this.addItems(token.items, depth, add);
				add(token.end);
				break;
			case 'block-map':
			case 'block-seq':
				this.addItems(token.items, depth, add);
				break;
		}
		return children;
	}

	private addItems(items: readonly CST.CollectionItem[], depth: number, add: (slots: readonly Slot[] | undefined, at?: number) => void): void {
		for (const item of items) {
			add(item.start);
			if (item.key) {
				item.key = this.guard(item.key, depth + 1);
				add([item.key], depth + 1);
			}
			add(item.sep);
			if (item.value) {
				item.value = this.guard(item.value, depth + 1);
				add([item.value], depth + 1);
			}
		}
	}

	/** A collection deeper than allowed becomes an empty scalar the converter recognises. */
	private guard<T extends CST.Token | null | undefined>(token: T, depth: number): T | CST.FlowScalar {
		if (!token || depth <= MAX_DEPTH || (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')) {
			return token;
		}
		const cut: CST.FlowScalar = { type: 'scalar', offset: token.offset, indent: token.indent, source: '' };
		this.cuts.add(cut);
		return cut;
	}
}
