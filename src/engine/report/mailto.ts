import { reportMarkdown, type ComposedReport } from './compose';

/**
 * The longest mailto URL we hand to the operating system. RFC 6068 sets no limit, but real ones
 * sit near 2,000 characters: Internet Explorer and the Windows URL handlers stop at 2,048-2,083,
 * Outlook refuses longer links, and Firefox measured about 2,008. Webmail handlers (Gmail,
 * Outlook on the web) wrap the whole mailto URL inside their own URL, encoding it once more, so
 * we keep a margin below 2,000.
 */
export const DEFAULT_MAILTO_LIMIT = 1800;

export const DEFAULT_ATTACHMENT_NAME = 'aup-guard-report.md';

export interface MailtoLink {
	readonly url: string;
	/** True when the body was cut to fit; the user must attach `attachmentName`. */
	readonly truncated: boolean;
	/** The whole report as Markdown: the file to save and attach when the link was truncated. */
	readonly markdown: string;
	readonly attachmentName: string;
}

/**
 * A `mailto:` URL (RFC 6068) with the subject and body prefilled, at most `maxLength` characters.
 * When the report does not fit, the body is cut at a line boundary and ends with a note asking the
 * user to attach the full report, which `markdown` holds.
 */
export function mailtoUrl(report: ComposedReport, maxLength = DEFAULT_MAILTO_LIMIT, attachmentName = DEFAULT_ATTACHMENT_NAME): MailtoLink {
	const markdown = reportMarkdown(report);
	const to = report.to.split(',').map(address => encodeMailtoComponent(address.trim()).replace(/%40/g, '@')).filter(Boolean).join(',');
	const body = report.body.replace(/\r\n|\r|\n/g, CRLF);
	let subject = report.subject;
	const full = link(to, subject, body);
	if (full.length <= maxLength) {
		return { url: full, truncated: false, markdown, attachmentName };
	}
	const note = `${CRLF}${CRLF}[…] The rest of this report did not fit in an email link. The full report is in the file ${attachmentName}: please attach it to this email.`;
	const encodedNote = encodeMailtoComponent(note);
	// A subject full of non-ASCII text can take a ninefold space when encoded: shorten it before giving up.
	while (link(to, subject, '').length + encodedNote.length > maxLength && subject.length > 0) {
		subject = Array.from(subject).slice(0, -8).join('');
	}
	const prefix = link(to, subject, '');
	const budget = maxLength - prefix.length - encodedNote.length;
	if (budget < 0) {
		throw new RangeError(`A mailto link of ${maxLength} characters cannot hold the recipient and the note about the attached report`);
	}
	return { url: prefix + truncateEncoded(body, budget) + encodedNote, truncated: true, markdown, attachmentName };
}

/**
 * Percent-encodes a header value for a mailto URL: every UTF-8 byte except RFC 3986's unreserved
 * characters, so `&`, `?`, `#`, `%`, `+` and line breaks cannot end or change a field. Lone
 * surrogates (which `encodeURIComponent` rejects) become U+FFFD.
 */
export function encodeMailtoComponent(value: string): string {
	return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

const CRLF = '\r\n';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function link(to: string, subject: string, body: string): string {
	return `mailto:${to}?subject=${encodeMailtoComponent(subject)}&body=${encodeMailtoComponent(body)}`;
}

/** The encoded body's longest prefix of whole lines within `budget`; a first line too long alone is cut by character. */
function truncateEncoded(body: string, budget: number): string {
	const lines = body.split(CRLF);
	const separator = encodeMailtoComponent(CRLF);
	let encoded = '';
	for (const [index, line] of lines.entries()) {
		const piece = (index > 0 ? separator : '') + encodeMailtoComponent(line);
		if (encoded.length + piece.length > budget) {
			return encoded.length > 0 ? encoded : cutByCharacter(line, budget);
		}
		encoded += piece;
	}
	return encoded;
}

function cutByCharacter(line: string, budget: number): string {
	let encoded = '';
	for (const char of line) {
		const piece = encodeMailtoComponent(char);
		if (encoded.length + piece.length > budget) {
			break;
		}
		encoded += piece;
	}
	return encoded;
}
