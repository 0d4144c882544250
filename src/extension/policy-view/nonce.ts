/**
 * A nonce for the page's Content-Security-Policy: 128 random bits from the platform's CSPRNG
 * (Web Crypto, in Node's and in the web extension host alike), base64url so it fits the CSP.
 */
export function createNonce(): string {
	const bytes = new Uint8Array(16);
	globalThis.crypto.getRandomValues(bytes);
	let binary = '';
	for (const byte of bytes) {
		binary += String.fromCharCode(byte);
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
