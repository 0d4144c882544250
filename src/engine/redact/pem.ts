import type { Span } from '../model/range';
import { PRIORITY, type Candidate } from './types';

export interface PemBlocks {
	/** Private key blocks: BEGIN through END, or through the key material when END is missing. */
	readonly privateKeys: Candidate[];
	/** Certificates and public keys: not secrets, so the generic rule leaves their base64 alone. */
	readonly publicBlocks: Span[];
}

/**
 * PEM blocks in any layout: plain lines, indented in a YAML block scalar or a heredoc, or on one
 * line with `\n` escapes inside a JSON string. A selection often cuts a key short, so a block
 * without its END line still goes, through the last line of key material.
 */
export function findPemBlocks(text: string): PemBlocks {
	const privateKeys: Candidate[] = [];
	const publicBlocks: Span[] = [];
	const ends = new NextIndex(text, '-----END ');
	const begins = new NextIndex(text, '-----BEGIN ');
	const begin = /-----BEGIN ([A-Z0-9]{1,20}(?: [A-Z0-9]{1,20}){0,5})-----/g;
	let match: RegExpExecArray | null;
	while ((match = begin.exec(text)) !== null) {
		const label = match[1];
		const isPrivate = label.includes('PRIVATE KEY');
		if (!isPrivate && !PUBLIC_LABELS.has(label)) {
			continue;
		}
		const afterBegin = match.index + match[0].length;
		const end = ends.after(afterBegin);
		const nextBegin = begins.after(afterBegin);
		let blockEnd: number;
		if (end >= 0 && (nextBegin < 0 || end < nextBegin)) {
			const close = text.indexOf('-----', end + 9);
			blockEnd = close >= 0 && close - end < 80 ? close + 5 : end + 9;
		} else if (isPrivate) {
			blockEnd = keyMaterialEnd(text, afterBegin);
		} else {
			continue;
		}
		if (isPrivate) {
			privateKeys.push({ kind: 'private key', start: match.index, end: blockEnd, priority: PRIORITY.privateKey });
		} else {
			publicBlocks.push({ start: match.index, end: blockEnd });
		}
		begin.lastIndex = Math.max(begin.lastIndex, blockEnd);
	}
	return { privateKeys, publicBlocks };
}

const PUBLIC_LABELS = new Set([
	'CERTIFICATE', 'TRUSTED CERTIFICATE', 'CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST', 'X509 CRL',
	'PUBLIC KEY', 'RSA PUBLIC KEY', 'PGP PUBLIC KEY BLOCK', 'SSH2 PUBLIC KEY',
]);

/**
 * The end of the base64 lines (and `Proc-Type:`-style headers) after a BEGIN line whose END line is
 * missing: stops at a blank line or at anything that is not key material.
 */
function keyMaterialEnd(text: string, from: number): number {
	let index = from;
	let last = from;
	let lineHasContent = true;
	while (index < text.length) {
		const char = text[index];
		if (char === '\n' || char === '\r') {
			if (!lineHasContent) {
				break;
			}
			lineHasContent = false;
			index++;
			if (char === '\r' && text[index] === '\n') {
				index++;
			}
			const header = HEADER.exec(text.slice(index, index + 120));
			if (header) {
				index += header[0].length;
				last = index;
				lineHasContent = true;
			}
			continue;
		}
		if (char === '\\' && (text[index + 1] === 'n' || text[index + 1] === 'r')) {
			index += 2;
			continue;
		}
		if (char === ' ' || char === '\t') {
			index++;
			continue;
		}
		if (!BASE64.test(char)) {
			break;
		}
		index++;
		last = index;
		lineHasContent = true;
	}
	return last;
}

const BASE64 = /[A-Za-z0-9+/=]/;

const HEADER = /^[ \t]{0,40}[A-Za-z][A-Za-z-]{1,20}: [^\r\n]{0,80}/;

/** `indexOf` with memory, so asking for the next marker after each of many BEGIN lines stays linear. */
class NextIndex {
	private from = -1;
	private found = -1;

	constructor(private readonly text: string, private readonly needle: string) {}

	after(offset: number): number {
		if (this.from >= 0 && offset >= this.from && (this.found < 0 || offset <= this.found)) {
			return this.found;
		}
		this.from = offset;
		this.found = this.text.indexOf(this.needle, offset);
		return this.found;
	}
}
