// No `vscode` import: the scheduling is plain promises, unit-tested with fake work.

/**
 * Runs `work` on each item with at most `limit` in flight, checking `isCancelled` before each
 * item starts, so a cancelled workspace scan stops within one file per worker. Returns how many
 * items were started. A failing item is the caller's to catch: `work` should not throw.
 */
export async function runLimited<T>(
	items: readonly T[],
	limit: number,
	work: (item: T) => Promise<void>,
	isCancelled: () => boolean = () => false,
): Promise<number> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length && !isCancelled()) {
			const item = items[next++];
			await work(item);
		}
	};
	const count = Math.max(1, Math.min(limit, items.length));
	await Promise.all(Array.from({ length: count }, worker));
	return next;
}
