import { open, type FileHandle } from 'node:fs/promises';

/** How much of a too-large file is read to tell whether it is IaC at all (what detection sniffs). */
const SNIFF_BYTES = 64 * 1024;

export type ReadResult =
	| { readonly kind: 'text'; readonly text: string }
	/** Over the size limit: only the head is read, so the engine can say whether it would have mattered. */
	| { readonly kind: 'too-large'; readonly head: string; readonly size: number }
	| { readonly kind: 'unreadable'; readonly reason: string };

/** Reads a candidate file as UTF-8 without ever loading more than `maxBytes` of it. */
export async function readCandidate(file: string, maxBytes: number): Promise<ReadResult> {
	let handle: FileHandle | undefined;
	try {
		handle = await open(file, 'r');
		const { size } = await handle.stat();
		if (size > maxBytes) {
			const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
			const { bytesRead } = await handle.read(head, 0, head.length, 0);
			return { kind: 'too-large', head: decode(head.subarray(0, bytesRead)), size };
		}
		const buffer = await handle.readFile();
		return { kind: 'text', text: decode(buffer) };
	} catch (error) {
		return { kind: 'unreadable', reason: reasonOf(error) };
	} finally {
		await handle?.close().catch(() => undefined);
	}
}

/** UTF-8, dropping a byte-order mark; bytes that are not UTF-8 become U+FFFD rather than an error. */
function decode(bytes: Uint8Array): string {
	return new TextDecoder('utf-8').decode(bytes);
}

function reasonOf(error: unknown): string {
	if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
		return error.code;
	}
	return error instanceof Error ? error.message : String(error);
}
