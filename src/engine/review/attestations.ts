// `.aupguard/reviews.json`: the review attestations a team shares through the repository. The
// file is written with a fixed layout (sorted paths, fixed field order, two-space indent, final
// newline) so that marking one file reviewed changes one entry in a diff and nothing else.

export const ATTESTATION_FILE = '.aupguard/reviews.json';
const FORMAT_VERSION = 1;

export interface Attestation {
	/** SHA-256 of the reviewed content with normalised line endings (see contentHash). */
	readonly sha256: string;
	readonly reviewer: string;
	/** YYYY-MM-DD, UTC. */
	readonly date: string;
}

export interface AttestationFile {
	/**
	 * Keyed by the path relative to the workspace folder, forward slashes. Entries this version
	 * cannot read are kept as they were, so writing never loses a teammate's data.
	 */
	readonly reviews: ReadonlyMap<string, Attestation | UnreadableEntry>;
}

export interface UnreadableEntry {
	readonly unreadable: unknown;
}

export type ParsedAttestations =
	| { readonly ok: true; readonly file: AttestationFile }
	| { readonly ok: false; readonly error: string };

export const EMPTY_ATTESTATIONS: AttestationFile = { reviews: new Map() };

/** Reads the file's text; a missing file is `undefined`. Invalid JSON is an error, never "empty". */
export function parseAttestations(text: string | undefined): ParsedAttestations {
	if (text === undefined || text.trim() === '') {
		return { ok: true, file: EMPTY_ATTESTATIONS };
	}
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
	}
	if (!isRecord(value) || (value.reviews !== undefined && !isRecord(value.reviews))) {
		return { ok: false, error: 'expected an object with a "reviews" object' };
	}
	const reviews = new Map<string, Attestation | UnreadableEntry>();
	for (const [path, entry] of Object.entries(value.reviews ?? {})) {
		reviews.set(path, asAttestation(entry) ?? { unreadable: entry });
	}
	return { ok: true, file: { reviews } };
}

/** The attestation for a path, if there is a readable one. */
export function attestationFor(file: AttestationFile, path: string): Attestation | undefined {
	const entry = file.reviews.get(path);
	return entry && !('unreadable' in entry) ? entry : undefined;
}

/** A new file with `path` attested; the others untouched. */
export function withAttestation(file: AttestationFile, path: string, attestation: Attestation): AttestationFile {
	const reviews = new Map(file.reviews);
	reviews.set(path, attestation);
	return { reviews };
}

export function formatAttestations(file: AttestationFile): string {
	const reviews: Record<string, unknown> = {};
	for (const path of [...file.reviews.keys()].sort(compare)) {
		const entry = file.reviews.get(path);
		reviews[path] = entry && 'unreadable' in entry
			? entry.unreadable
			: { sha256: entry?.sha256, reviewer: entry?.reviewer, date: entry?.date };
	}
	return `${JSON.stringify({ version: FORMAT_VERSION, reviews }, null, 2)}\n`;
}

/** Forward slashes, no leading `./`: the same key on every platform. */
export function attestationKey(folderPath: string, filePath: string): string | undefined {
	const folder = folderPath.replace(/\\/g, '/').replace(/\/+$/, '');
	const file = filePath.replace(/\\/g, '/');
	if (!file.startsWith(`${folder}/`)) {
		return undefined;
	}
	return file.slice(folder.length + 1);
}

/** YYYY-MM-DD in UTC, the date an attestation records. */
export function isoDate(now: Date): string {
	return now.toISOString().slice(0, 10);
}

function asAttestation(value: unknown): Attestation | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	const { sha256, reviewer, date } = value;
	if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof reviewer !== 'string' || typeof date !== 'string') {
		return undefined;
	}
	return { sha256, reviewer, date };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Code-unit order, not locale order, so every machine writes the same file. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
