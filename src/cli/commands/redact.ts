import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeRedactions, redact } from '../../engine/redact/index';
import type { RedactArgs } from '../args';
import type { ResolvedIo } from '../io';

/**
 * `aup-guard redact [file|-]`: prints the text with every secret replaced by a marker naming its
 * kind, line for line, so a config can be pasted into a ticket or a chat. The count of what was
 * removed goes to stderr, keeping stdout exactly the redacted text.
 * Exit codes: 0 done (whether or not anything was removed), 2 the input cannot be read.
 */
export async function runRedact(args: RedactArgs, io: ResolvedIo): Promise<number> {
	let text: string;
	try {
		text = args.input === '-' ? await readStream(io.stdin ?? process.stdin) : decode(await readFile(path.resolve(io.cwd, args.input)));
	} catch (error) {
		const reason = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : error instanceof Error ? error.message : String(error);
		io.stderr.write(`aup-guard: cannot read ${args.input === '-' ? 'standard input' : args.input}: ${reason}\n`);
		return 2;
	}
	const result = redact(text);
	io.stdout.write(result.text);
	io.stderr.write(`aup-guard: ${describeRedactions(result.redactions) ?? 'no secrets found'}\n`);
	return 0;
}

async function readStream(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream) {
		chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
	}
	return decode(Buffer.concat(chunks));
}

/** UTF-8 as the scanner reads it; bytes that are not UTF-8 become U+FFFD rather than an error. */
function decode(bytes: Uint8Array): string {
	return new TextDecoder('utf-8').decode(bytes);
}
