import { readValue, type BareMode, type ScanMemo } from './field-value';
import { credentialKind } from './names';
import { PRIORITY, type Candidate } from './types';
import { isNotSecretValue } from './values';

/**
 * Values written after credential names, in every syntax IaC and its scripts use: `key = "v"`
 * (HCL), `key: v` (YAML), `"key": "v"` (JSON, also escaped inside another string), `KEY=v` (.env,
 * shell, connection and query strings), `--key v` (CLI), `ENV KEY v` (Dockerfile), and the
 * name/value pairs of Kubernetes env lists, ECS definitions and Terraform variables.
 */
export function findCredentialFields(text: string): Candidate[] {
	const found: Candidate[] = [];
	const lines = new LineCursor(text);
	const memo: ScanMemo = new Map();
	// Starts only at a name's first character, so a run of name characters is tried once.
	const key = /(?<![A-Za-z0-9_.$@\\-])(-{1,2})?(["'`]?)([A-Za-z_][A-Za-z0-9_.-]{0,79})\2(?![A-Za-z0-9_.-])/g;
	let match: RegExpExecArray | null;
	while ((match = key.exec(text)) !== null) {
		const [whole, dashes = '', quote, name] = match;
		if (!HINT.test(name)) {
			continue;
		}
		const field = readField(text, { start: match.index, end: match.index + whole.length, dashes, quote, name }, lines, memo);
		if (field?.candidate) {
			found.push(field.candidate);
		}
		key.lastIndex = Math.max(key.lastIndex, field?.readTo ?? 0);
	}
	return found;
}

interface Name {
	readonly start: number;
	readonly end: number;
	readonly dashes: string;
	readonly quote: string;
	readonly name: string;
}

interface Field {
	readonly candidate?: Candidate;
	readonly readTo: number;
}

function readField(text: string, key: Name, lines: LineCursor, memo: ScanMemo): Field | undefined {
	const lineStart = lines.startOf(key.start);
	const prefix = key.start - lineStart <= 64 ? text.slice(lineStart, key.start) : undefined;
	const assign = /(\\?["'`])?[ \t]{0,16}(=>|:=|==|[:=])?[ \t]{0,16}/y;
	assign.lastIndex = key.end;
	const [consumed, closing, operator] = assign.exec(text) ?? [''];
	let valueStart = key.end + consumed.length;
	let argumentMode: BareMode | undefined;
	const keyQuoted = key.quote !== '' || closing !== undefined;
	const isDockerEnv = prefix !== undefined && /^[ \t]*(?:ENV|ARG)[ \t]+$/i.test(prefix);
	let separator: string;
	if (operator) {
		const after = text[key.end + consumed.indexOf(operator) + operator.length];
		if (operator === ':' && !keyQuoted && after !== undefined && !/[ \t\r\n"'\\]/.test(after)) {
			return undefined;
		}
		separator = operator === ':' ? ':' : '=';
	} else if ((key.dashes || isDockerEnv) && valueStart > key.end + (closing?.length ?? 0)) {
		if (key.dashes && text[valueStart] === '-') {
			return undefined;
		}
		separator = ' ';
	} else if (key.dashes) {
		// An exec-form argument list: `["--password", "x"]`, or a YAML list with the value as the next item.
		const next = nextArgument(text, key.end + (closing?.length ?? 0));
		if (!next) {
			return undefined;
		}
		valueStart = next;
		argumentMode = 'line';
		separator = ' ';
	} else {
		return undefined;
	}
	const kind = credentialKind(key.name) ?? (PAIRED.has(key.name.toLowerCase()) ? pairedKind(text, key.start) : undefined);
	if (!kind) {
		return undefined;
	}
	const before = text[key.start - 1];
	const enclosingQuote = !keyQuoted && (before === '"' || before === '\'') ? before : undefined;
	const atLineStart = prefix !== undefined && /^[ \t]*(?:-[ \t]+)?$/.test(prefix);
	const mode = argumentMode ?? bareMode(text, key, { separator, enclosingQuote, atLineStart, isDockerEnv });
	const value = readValue(text, {
		start: valueStart,
		mode,
		enclosingQuote,
		indent: key.start - lineStart,
		allowBlock: prefix !== undefined && separator !== ' ',
		trimComma: keyQuoted,
		memo,
	});
	if (!value) {
		return { readTo: valueStart };
	}
	const scheme = AUTH_SCHEME.exec(text.slice(value.start, Math.min(value.end, value.start + 40)));
	const start = value.start + (scheme?.[0].length ?? 0);
	const written = text.slice(start, value.end);
	if (isNotSecretValue(written, { quoted: value.quoted, separator }) || (kind === 'authorization' && AUTH_SETTING.test(written))) {
		// A bare value may hold more names (`auth: { user: x, password: y }`): scanning goes on inside it.
		return { readTo: value.quoted ? value.readTo : valueStart };
	}
	return { candidate: { kind, start, end: value.end, priority: PRIORITY.field }, readTo: value.readTo };
}

interface Placement {
	readonly separator: string;
	readonly enclosingQuote: string | undefined;
	readonly atLineStart: boolean;
	readonly isDockerEnv: boolean;
}

function bareMode(text: string, key: Name, placement: Placement): BareMode {
	const { separator, enclosingQuote, atLineStart, isDockerEnv } = placement;
	if (key.dashes) {
		return 'token';
	}
	if (separator === ' ') {
		return isDockerEnv ? 'line' : 'token';
	}
	if (enclosingQuote) {
		// `-H "Authorization: Bearer x"` runs to the quote; `"Server=db;Password=x"` to the next `;`.
		return separator === ':' ? 'quoted-line' : 'token';
	}
	if (separator === ':') {
		return inFlowMapping(text, key.start) ? 'token' : 'line';
	}
	// `KEY=value` on its own line is .env or tfvars; after `export`, a command or inside a line, shell words.
	return atLineStart ? 'line' : 'token';
}

/** Where the next element of an argument list starts, when a flag is one element and its value the next. */
function nextArgument(text: string, from: number): number | undefined {
	const next = /[ \t]{0,16},[ \t]{0,16}(?=["'])|[ \t]{0,16}(?:\r\n|\r|\n)[ \t]{0,40}-[ \t]{1,8}(?=[^\s-])/y;
	next.lastIndex = from;
	return next.exec(text) ? next.lastIndex : undefined;
}

/** `{ user: x, password: y }`: the name follows an opening brace, a bracket or a comma. */
function inFlowMapping(text: string, offset: number): boolean {
	for (let index = offset - 1; index >= Math.max(0, offset - 16); index--) {
		const char = text[index];
		if (char !== ' ' && char !== '\t') {
			return char === '{' || char === '[' || char === ',';
		}
	}
	return false;
}

/**
 * For `value:` and `default =`, the name the pair is about: `- name: DB_PASSWORD` above it, a
 * Terraform `variable "db_password"`, or a CloudFormation parameter `DbPassword:`. Looks back a
 * bounded distance so a long file costs no more than a short one per key.
 */
function pairedKind(text: string, offset: number): string | undefined {
	const window = text.slice(Math.max(0, offset - 200), offset);
	let label: string | undefined;
	for (const match of window.matchAll(LABEL)) {
		label = match[1] ?? match[2];
	}
	return label ? credentialKind(label) : undefined;
}

/** Tracks the start of the current line as offsets move forward, so no line is scanned twice. */
class LineCursor {
	private position = 0;
	private start = 0;

	constructor(private readonly text: string) {}

	startOf(offset: number): number {
		if (offset < this.position) {
			this.position = 0;
			this.start = 0;
		}
		for (; this.position < offset; this.position++) {
			const code = this.text.charCodeAt(this.position);
			if (code === 10 || code === 13) {
				this.start = this.position + 1;
			}
		}
		return this.start;
	}
}

/** Names worth a closer look; the rest are skipped at the cost of one test. */
const HINT = /pass|pwd|secret|token|cred|key|auth|bearer|conn|sig|sas|value|default/i;

const PAIRED = new Set(['value', 'default', 'defaultvalue', 'parametervalue']);

const LABEL = /(?:\b(?:name|key|parameterkey|parametername)\\?["']?[ \t]{0,8}[:=][ \t]{0,8}\\?["']?|\bvariable[ \t]{1,8}["'])([A-Za-z_][\w.-]{0,79})|^[ \t]{0,40}["']?([A-Za-z_][\w.-]{0,79})["']?[ \t]{0,8}:[ \t]{0,8}$/gim;

/** The scheme of an Authorization header stays; the credential after it goes. */
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Digest|Bot|OAuth|Negotiate|NTLM|ApiKey|SSWS|AWS4-HMAC-SHA256)[ \t]+(?=\S)/i;

/** `authorization = "NONE"` / `"AWS_IAM"` on an API Gateway method: a setting, not a credential. */
const AUTH_SETTING = /^[A-Z][A-Z0-9_]{1,30}$/;
