// The content hash an attestation pins. Web Crypto exists in Node 20 and in browsers alike, so
// the same code serves the desktop and the web extension without a Node import.

/**
 * SHA-256 of the text with CRLF and CR line endings made LF, as lowercase hex. Normalising means
 * a teammate on Windows with `core.autocrlf` sees the same hash as the reviewer on macOS.
 */
export async function contentHash(text: string): Promise<string> {
	const normalised = text.replace(/\r\n?/g, '\n');
	const digest = await subtle().digest('SHA-256', new TextEncoder().encode(normalised));
	return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('');
}

/** The one Web Crypto call used; declared here because the engine compiles without DOM types. */
interface Digester {
	digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): Digester {
	const crypto = (globalThis as { crypto?: { subtle?: Digester } }).crypto;
	if (!crypto?.subtle) {
		throw new Error('Web Crypto (crypto.subtle) is not available in this host');
	}
	return crypto.subtle;
}
