import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorCode } from './paths';

/** How much of a too-large file is read to tell whether it is IaC at all (what detection sniffs). */
const SNIFF_BYTES = 64 * 1024;

export type ReadResult =
	| { readonly kind: 'text'; readonly text: string }
	/** Over the size limit: only the head is read, so the engine can say whether it would have mattered. */
	| { readonly kind: 'too-large'; readonly head: string; readonly size: number }
	| { readonly kind: 'unreadable'; readonly reason: string };

const decoder = new TextDecoder('utf-8');

/**
 * Reads a candidate file as UTF-8 without ever loading more than `maxBytes` of it.
 *
 * Synchronous on purpose: the scan that follows is CPU-bound on this thread, so an asynchronous
 * read only adds a round trip through the thread pool per call (measured: 2,000 small files in
 * about 600 ms with fs/promises, 30 ms with these calls).
 */
export function readCandidate(file: string, maxBytes: number): ReadResult {
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		const { size } = fstatSync(fd);
		if (size > maxBytes) {
			const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
			const bytesRead = readSync(fd, head, 0, head.length, 0);
			return { kind: 'too-large', head: decode(head.subarray(0, bytesRead)), size };
		}
		return { kind: 'text', text: decode(readAll(fd, size)) };
	} catch (error) {
		return { kind: 'unreadable', reason: errorCode(error) };
	} finally {
		if (fd !== undefined) {
			try {
				closeSync(fd);
			} catch {
				// Nothing was lost: the text, if any, is already read.
			}
		}
	}
}

/**
 * Reads to the end. `size` is only a first guess, since a file can grow while it is read; a buffer
 * one byte larger than it tells the end of an unchanged file from its first read.
 */
function readAll(fd: number, size: number): Uint8Array {
	const chunks: Buffer[] = [];
	let total = 0;
	let chunk = Buffer.allocUnsafe(size + 1);
	for (;;) {
		const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
		chunks.push(chunk.subarray(0, bytesRead));
		total += bytesRead;
		if (bytesRead < chunk.length) {
			break;
		}
		chunk = Buffer.allocUnsafe(64 * 1024);
	}
	return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** UTF-8, dropping a byte-order mark; bytes that are not UTF-8 become U+FFFD rather than an error. */
function decode(bytes: Uint8Array): string {
	return decoder.decode(bytes);
}
