/** Where the CLI writes; process.stdout and process.stderr fit, and so does a test's buffer. */
export interface CliStream {
	write(chunk: string): unknown;
	readonly isTTY?: boolean;
}

export interface CliIo {
	readonly stdout: CliStream;
	readonly stderr: CliStream;
	/** Defaults to process.cwd(): paths on the command line and in the output are relative to it. */
	readonly cwd?: string;
	/** Defaults to process.env (NO_COLOR, AUP_GUARD_DEBUG). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Defaults to process.stdin; read by `redact -`. */
	readonly stdin?: AsyncIterable<string | Uint8Array>;
}

export interface ResolvedIo extends CliIo {
	readonly cwd: string;
	readonly env: Readonly<Record<string, string | undefined>>;
}

export function resolveIo(io: CliIo): ResolvedIo {
	return { ...io, cwd: io.cwd ?? process.cwd(), env: io.env ?? process.env };
}

/** Error messages for people: the message, and the stack only when asked for. */
export function describeError(error: unknown, env: ResolvedIo['env']): string {
	const message = error instanceof Error ? error.message : String(error);
	const debug = env.AUP_GUARD_DEBUG !== undefined && env.AUP_GUARD_DEBUG !== '';
	return debug && error instanceof Error && error.stack ? error.stack : message;
}
