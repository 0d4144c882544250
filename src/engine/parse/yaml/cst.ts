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

/**
 * Gathers, in one walk over the concrete syntax tree, what the composed documents do not keep:
 * every comment with its position and where each tag is written. The walk recurses once per
 * collection level and stops at `MAX_DEPTH`, so it never goes deeper than the composer will.
 */
export class CstFacts {
	readonly comments: Comment[] = [];
	/** In source order, for `tagBefore`. */
	readonly tags: TagToken[] = [];
	/** The placeholders left where a too-deep collection was cut off. */
	private readonly cuts = new WeakSet<object>();

	/** Walks one top-level token of the stream, cutting off what nests deeper than `MAX_DEPTH`. */
	scan(token: CST.Token): void {
		this.visit(token, 0);
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

	private visit(token: CST.Token, depth: number): void {
		switch (token.type) {
			case 'comment':
				this.comments.push({ span: { start: token.offset, end: token.offset + token.source.length }, text: token.source.slice(1) });
				break;
			case 'tag':
				this.tags.push({ offset: token.offset, source: token.source });
				break;
			case 'document':
				this.visitAll(token.start);
				if (token.value) {
					token.value = this.guard(token.value, depth + 1);
					this.visit(token.value, depth + 1);
				}
				this.visitAll(token.end);
				break;
			case 'doc-end':
			case 'scalar':
			case 'single-quoted-scalar':
			case 'double-quoted-scalar':
			case 'alias':
				this.visitAll(token.end);
				break;
			case 'block-scalar':
				this.visitAll(token.props);
				break;
			case 'flow-collection':
				this.visitItems(token.items, depth);
				this.visitAll(token.end);
				break;
			case 'block-map':
			case 'block-seq':
				this.visitItems(token.items, depth);
				break;
		}
	}

	/** Comments and tags among the separators, props and ends around values. */
	private visitAll(tokens: readonly CST.Token[] | undefined): void {
		for (const token of tokens ?? []) {
			if (token.type === 'comment' || token.type === 'tag') {
				this.visit(token, 0);
			}
		}
	}

	private visitItems(items: readonly CST.CollectionItem[], depth: number): void {
		for (const item of items) {
			this.visitAll(item.start);
			if (item.key) {
				item.key = this.guard(item.key, depth + 1);
				this.visit(item.key, depth + 1);
			}
			this.visitAll(item.sep);
			if (item.value) {
				item.value = this.guard(item.value, depth + 1);
				this.visit(item.value, depth + 1);
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
