import { programIndex, programName } from './command-program';

/**
 * Reads shell text into pipelines of simple commands. It is forgiving (unclosed quotes end at
 * the end of the text) and makes one pass: every loop advances, so any input ends in linear time.
 */
export interface Word {
	/** The word with quotes and escapes removed; `$(...)`, `${...}` and backticks are kept as written. */
	readonly text: string;
	/** Offsets of the word as written (quotes included), end exclusive. */
	readonly start: number;
	readonly end: number;
}

/** `>& /dev/tcp/h/p`, `0>&1`, `<&196`: what a command's streams are connected to. */
export interface Redirect {
	/** The stream number written before the operator (`2` in `2>&1`), if any. */
	readonly fd: string | undefined;
	readonly operator: string;
	readonly target: Word | undefined;
	readonly start: number;
	readonly end: number;
}

export interface Command {
	readonly words: readonly Word[];
	readonly redirects: readonly Redirect[];
	/** Which word is the program the command runs (see programIndex), -1 when none is. */
	readonly programIndex: number;
	/** That program as a lower-case base name (`/usr/bin/python3` -> `python3`). */
	readonly programName: string | undefined;
	/** From the first word or redirection through the last. */
	readonly start: number;
	readonly end: number;
}

/** Commands joined by `|`: what one stage prints, the next one reads. */
export interface Pipeline {
	readonly commands: readonly Command[];
}

/** A command of these words, with the program it runs worked out once for every rule that asks. */
export function command(words: readonly Word[], redirects: readonly Redirect[], start: number, end: number): Command {
	const index = programIndex(words);
	return { words, redirects, programIndex: index, programName: index < 0 ? undefined : programName(words[index].text), start, end };
}

/** Splits a script into pipelines of simple commands; comments are left out. */
export function parseScript(script: string): Pipeline[] {
	return new ScriptReader(script).read();
}

const BREAKS = ' \t\n\r;&|()<>';
/** Characters that end a word, and those a word reads specially (quotes, escapes, substitutions), by char code. */
const BREAK_CODES = codeSet(BREAKS);
const SPECIAL_CODES = codeSet('\'"\\$`');

function isBreak(code: number): boolean {
	return code < 128 && BREAK_CODES[code] === 1;
}

/** Neither a break nor special: copied into the word as it is. */
function isPlain(code: number): boolean {
	return code >= 128 || (BREAK_CODES[code] === 0 && SPECIAL_CODES[code] === 0);
}

function codeSet(chars: string): Uint8Array {
	const set = new Uint8Array(128);
	for (const char of chars) {
		set[char.charCodeAt(0)] = 1;
	}
	return set;
}

class ScriptReader {
	private position = 0;
	private readonly pipelines: Pipeline[] = [];
	private commands: Command[] = [];
	private words: Word[] = [];
	private redirects: Redirect[] = [];

	constructor(private readonly text: string) {}

	read(): Pipeline[] {
		const text = this.text;
		while (this.position < text.length) {
			const char = text[this.position];
			const next = text[this.position + 1];
			if (char === ' ' || char === '\t') {
				this.position++;
			} else if (char === '\\' && (next === '\n' || next === '\r')) {
				this.position += next === '\r' && text[this.position + 2] === '\n' ? 3 : 2;
			} else if (char === '\n' || char === '\r' || char === ';' || char === '(' || char === ')') {
				this.endPipeline();
				this.position++;
			} else if (char === '&' && next === '>') {
				this.readRedirect(undefined, this.position);
			} else if (char === '&') {
				this.endPipeline();
				this.position += next === '&' ? 2 : 1;
			} else if (char === '|' && next === '|') {
				this.endPipeline();
				this.position += 2;
			} else if (char === '|') {
				this.endCommand();
				this.position += next === '&' ? 2 : 1;
			} else if (char === '#') {
				this.skipComment();
			} else if ((char === '<' || char === '>') && next === '(') {
				const end = this.readBalanced(this.position + 1, '(', ')');
				this.words.push({ text: text.slice(this.position, end), start: this.position, end });
				this.position = end;
			} else if (char === '<' || char === '>') {
				this.readRedirect(undefined, this.position);
			} else {
				const word = this.readWord();
				// `2>&1`: digits right before an operator name the stream it redirects.
				if (/^\d+$/.test(word.text) && (text[this.position] === '<' || text[this.position] === '>')) {
					this.readRedirect(word.text, word.start);
				} else {
					this.words.push(word);
				}
			}
		}
		this.endPipeline();
		return this.pipelines;
	}

	private readWord(): Word {
		const text = this.text;
		const start = this.position;
		let value = '';
		let index = start;
		while (index < text.length && !isBreak(text.charCodeAt(index))) {
			const char = text[index];
			if (isPlain(text.charCodeAt(index))) {
				// A run of ordinary characters is copied at once, not a character at a time.
				let end = index + 1;
				while (end < text.length && isPlain(text.charCodeAt(end))) {
					end++;
				}
				value += text.slice(index, end);
				index = end;
			} else if (char === '\'') {
				const close = text.indexOf('\'', index + 1);
				const end = close < 0 ? text.length : close;
				value += text.slice(index + 1, end);
				index = end + 1;
			} else if (char === '"') {
				const end = this.closingDoubleQuote(index + 1);
				value += text.slice(index + 1, end).replace(/\\([\\"$`])/g, '$1');
				index = end + 1;
			} else if (char === '\\') {
				value += text[index + 1] ?? '';
				index += 2;
			} else if (char === '$' && (text[index + 1] === '(' || text[index + 1] === '{')) {
				const end = this.readBalanced(index + 1, text[index + 1], text[index + 1] === '(' ? ')' : '}');
				value += text.slice(index, end);
				index = end;
			} else if (char === '`') {
				const close = text.indexOf('`', index + 1);
				const end = close < 0 ? text.length : close + 1;
				value += text.slice(index, end);
				index = end;
			} else {
				value += char;
				index++;
			}
		}
		this.position = Math.min(index, text.length);
		return { text: value, start, end: this.position };
	}

	/** `>`, `>>`, `>&`, `<>`, `&>`, `<<-EOF` and the word it points at. */
	private readRedirect(fd: string | undefined, start: number): void {
		const operator = /^(?:&>>?|<<<|<<-?|<>|[<>]&|>>|>\||[<>])/.exec(this.text.slice(this.position, this.position + 3));
		const length = operator ? operator[0].length : 1;
		this.position += length;
		while (this.text[this.position] === ' ' || this.text[this.position] === '\t') {
			this.position++;
		}
		let target: Word | undefined;
		if (this.position < this.text.length && !isBreak(this.text.charCodeAt(this.position))) {
			target = this.readWord();
		}
		this.redirects.push({ fd, operator: operator ? operator[0] : '>', target, start, end: target?.end ?? this.position });
	}

	/** Index of the closing quote of a double-quoted string whose content starts at `from`. */
	private closingDoubleQuote(from: number): number {
		const text = this.text;
		let index = from;
		while (index < text.length && text[index] !== '"') {
			if (text[index] === '\\') {
				index += 2;
			} else if (text[index] === '$' && text[index + 1] === '(') {
				index = this.readBalanced(index + 1, '(', ')');
			} else {
				index++;
			}
		}
		return Math.min(index, text.length);
	}

	/** The offset just past the bracket that closes the one at `open`; single-quoted text inside is skipped. */
	private readBalanced(open: number, opening: string, closing: string): number {
		const text = this.text;
		let depth = 0;
		let index = open;
		while (index < text.length) {
			const char = text[index];
			if (char === '\'') {
				const close = text.indexOf('\'', index + 1);
				index = close < 0 ? text.length : close + 1;
				continue;
			}
			if (char === '\\') {
				index += 2;
				continue;
			}
			if (char === opening) {
				depth++;
			} else if (char === closing && --depth === 0) {
				return index + 1;
			}
			index++;
		}
		return text.length;
	}

	private skipComment(): void {
		while (this.position < this.text.length && this.text[this.position] !== '\n' && this.text[this.position] !== '\r') {
			this.position++;
		}
	}

	private endCommand(): void {
		if (this.words.length > 0 || this.redirects.length > 0) {
			let start = Infinity;
			let end = 0;
			for (const part of [...this.words, ...this.redirects]) {
				start = Math.min(start, part.start);
				end = Math.max(end, part.end);
			}
			this.commands.push(command(this.words, this.redirects, start, end));
		}
		this.words = [];
		this.redirects = [];
	}

	private endPipeline(): void {
		this.endCommand();
		if (this.commands.length > 0) {
			this.pipelines.push({ commands: this.commands });
		}
		this.commands = [];
	}
}
