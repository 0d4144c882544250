import type { Tree, TreeCursor } from 'web-tree-sitter';

/**
 * The steps of a walk over a syntax tree, one wasm call each. web-tree-sitter's own TreeCursor
 * copies the cursor's four words into wasm memory and back in JavaScript around every call (a
 * `setValue`/`getValue` pair per word), which costs more than the step itself on a large tree.
 * The wasm functions it calls keep the cursor in one shared transfer buffer and leave it there,
 * so a walk that makes no other tree-sitter call in between can call them directly. That relies
 * on web-tree-sitter's internals, so its version is pinned, and tree-cursor.test.ts checks both
 * that the direct path is taken and that it visits exactly what the public cursor visits.
 */
export interface CursorSteps {
	typeId(): number;
	start(): number;
	end(): number;
	isMissing(): boolean;
	firstChild(): boolean;
	nextSibling(): boolean;
	parent(): boolean;
	/** Frees the cursor; every walk ends with it, also when it throws. */
	close(): void;
}

/** The wasm exports behind TreeCursor: what the Emscripten module object holds once initialised. */
interface CursorExports {
	_ts_tree_root_node_wasm(tree: number): void;
	_ts_tree_cursor_new_wasm(tree: number): void;
	_ts_tree_cursor_delete_wasm(tree: number): void;
	_ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
	_ts_tree_cursor_start_index_wasm(tree: number): number;
	_ts_tree_cursor_end_index_wasm(tree: number): number;
	_ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
	_ts_tree_cursor_goto_first_child_wasm(tree: number): number;
	_ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
	_ts_tree_cursor_goto_parent_wasm(tree: number): number;
}

const EXPORT_NAMES: ReadonlyArray<keyof CursorExports> = [
	'_ts_tree_root_node_wasm',
	'_ts_tree_cursor_new_wasm',
	'_ts_tree_cursor_delete_wasm',
	'_ts_tree_cursor_current_node_type_id_wasm',
	'_ts_tree_cursor_start_index_wasm',
	'_ts_tree_cursor_end_index_wasm',
	'_ts_tree_cursor_current_node_is_missing_wasm',
	'_ts_tree_cursor_goto_first_child_wasm',
	'_ts_tree_cursor_goto_next_sibling_wasm',
	'_ts_tree_cursor_goto_parent_wasm',
];

let cursorExports: CursorExports | undefined;

/**
 * Takes the object handed to `Parser.init`, which Emscripten fills in as the module. When
 * web-tree-sitter was initialised by someone else first, or a later version names its exports
 * differently, the object lacks them and walks use the public TreeCursor: slower, same result.
 */
export function useModuleExports(moduleObject: object): void {
	const candidate = moduleObject as Partial<Record<keyof CursorExports, unknown>>;
	cursorExports = EXPORT_NAMES.every(name => typeof candidate[name] === 'function') ? candidate as CursorExports : undefined;
}

/** Whether walks call the wasm cursor directly: web-tree-sitter was initialised with our module object. */
export function directWalksAvailable(): boolean {
	return cursorExports !== undefined;
}

/**
 * A walk from the root of `tree`: straight calls when the module's exports are known, else the
 * public cursor. No other tree-sitter call may come between its first step and `close()`.
 */
export function walkTree(tree: Tree): CursorSteps {
	const address = treeAddress(tree);
	return cursorExports && address !== undefined ? directSteps(cursorExports, address) : walkTreePublicly(tree);
}

/** The same walk through web-tree-sitter's TreeCursor. */
export function walkTreePublicly(tree: Tree): CursorSteps {
	return publicSteps(tree.walk());
}

/** The tree's address in wasm memory, which web-tree-sitter keeps at index 0 of the Tree object. */
function treeAddress(tree: Tree): number | undefined {
	const address = (tree as unknown as { readonly 0?: unknown })[0];
	return typeof address === 'number' && address > 0 ? address : undefined;
}

function directSteps(wasm: CursorExports, tree: number): CursorSteps {
	// The root node goes into the transfer buffer, the new cursor replaces it there.
	wasm._ts_tree_root_node_wasm(tree);
	wasm._ts_tree_cursor_new_wasm(tree);
	return {
		typeId: () => wasm._ts_tree_cursor_current_node_type_id_wasm(tree),
		start: () => wasm._ts_tree_cursor_start_index_wasm(tree),
		end: () => wasm._ts_tree_cursor_end_index_wasm(tree),
		isMissing: () => wasm._ts_tree_cursor_current_node_is_missing_wasm(tree) === 1,
		firstChild: () => wasm._ts_tree_cursor_goto_first_child_wasm(tree) === 1,
		nextSibling: () => wasm._ts_tree_cursor_goto_next_sibling_wasm(tree) === 1,
		parent: () => wasm._ts_tree_cursor_goto_parent_wasm(tree) === 1,
		close: () => wasm._ts_tree_cursor_delete_wasm(tree),
	};
}

function publicSteps(cursor: TreeCursor): CursorSteps {
	return {
		typeId: () => cursor.nodeTypeId,
		start: () => cursor.startIndex,
		end: () => cursor.endIndex,
		isMissing: () => cursor.nodeIsMissing,
		firstChild: () => cursor.gotoFirstChild(),
		nextSibling: () => cursor.gotoNextSibling(),
		parent: () => cursor.gotoParent(),
		close: () => cursor.delete(),
	};
}
