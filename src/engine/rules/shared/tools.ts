import { parseImage } from './images';
import { maskTemplates } from './text';

/**
 * A catalog of named tools (flooders, scanners, command-and-control servers) and how a name is
 * recognised. Names are matched as whole tokens: not preceded or followed by a letter or digit,
 * so `nmap` is not found in `libnmapper` and `sliver-server` not in `quicksliver-serverless`.
 */
export interface ToolCatalogDefinition {
	/** Lower-case names that mean only the tool: found as a token in program paths, image names and download sources. */
	readonly tokens: readonly string[];
	/**
	 * Lower-case names that are also ordinary words (`hydra`, `john`, `responder`): only a program
	 * whose base name is exactly the name, with or without an extension like `.py`, or an image
	 * whose repository name is exactly it.
	 */
	readonly exact?: readonly string[];
	/** Exact names that are only read as programs, never as image names (another product has the image). */
	readonly programOnly?: readonly string[];
	/** Image repositories (`bishopfox/sliver`) or namespaces (`kalilinux/`) that hold the tool. */
	readonly repositories?: readonly string[];
	/** Lower-case download sources (`github.com/bishopfox/sliver`) found in what fetch commands are given. */
	readonly sources?: readonly string[];
	/** Display names by lower-case token, name, repository or source; the matched text is shown otherwise. */
	readonly display?: Readonly<Record<string, string>>;
}

export interface ToolMatch {
	/** The tool's display name. */
	readonly tool: string;
	/** Offsets of the match in the text given. */
	readonly start: number;
	readonly end: number;
}

const EXTENSION = /\.(?:py|pl|rb|exe|sh|ps1|jar|bin)$/;

export class ToolCatalog {
	private readonly token: RegExp | undefined;
	private readonly anyName: RegExp;
	private readonly exact: ReadonlySet<string>;
	private readonly programOnly: ReadonlySet<string>;

	constructor(private readonly definition: ToolCatalogDefinition) {
		const tokens = [...definition.tokens].sort((a, b) => b.length - a.length).map(escapeRegExp);
		// One alternation compiled at load: a bounded scan of each word, no backtracking between names.
		this.token = tokens.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${tokens.join('|')})(?![A-Za-z0-9])`, 'gi') : undefined;
		// Every name the catalog could match, anywhere and in any case: a superset of what the methods below find.
		const names = [...definition.tokens, ...definition.exact ?? [], ...definition.programOnly ?? [], ...definition.repositories ?? [], ...definition.sources ?? []];
		this.anyName = names.length > 0 ? new RegExp(names.map(escapeRegExp).join('|'), 'i') : /(?!)/;
		this.exact = new Set(definition.exact ?? []);
		this.programOnly = new Set(definition.programOnly ?? []);
	}

	/** Whether `text` (a file's searchText) names any tool of the catalog; when it does not, no method below finds one in it. */
	mayAppearIn(text: string): boolean {
		return this.anyName.test(text);
	}

	/** The tool a program word runs (`/opt/MHDDoS/start.py`, `sqlmap.py`, `msfconsole`), given the word as written. */
	inProgram(raw: string): ToolMatch | undefined {
		const text = maskTemplates(raw);
		const base = text.slice(text.lastIndexOf('/') + 1).replace(/["'\\]/g, '');
		const name = base.toLowerCase().replace(EXTENSION, '');
		if (name && (this.exact.has(name) || this.programOnly.has(name))) {
			const start = text.toLowerCase().lastIndexOf(name);
			if (start >= 0) {
				return this.match(name, start, start + name.length);
			}
		}
		// The file's own name says most about what runs: `/opt/sqlmap/sqlmap.py` points at the second `sqlmap`.
		const baseStart = text.lastIndexOf('/') + 1;
		const inBase = this.findToken(text.slice(baseStart));
		return inBase ? { ...inBase, start: baseStart + inBase.start, end: baseStart + inBase.end } : this.findToken(text);
	}

	/** The tool an image reference names (`kalilinux/kali-rolling`, `bishopfox/sliver:v1.5`). */
	inImage(image: string): ToolMatch | undefined {
		const parsed = parseImage(maskTemplates(image));
		if (!parsed) {
			return undefined;
		}
		for (const repository of this.definition.repositories ?? []) {
			if (parsed.path === repository || repository.endsWith('/') && parsed.path.startsWith(repository)) {
				return this.match(repository, parsed.pathStart, parsed.pathStart + parsed.path.length);
			}
		}
		if (this.exact.has(parsed.name)) {
			return this.match(parsed.name, parsed.nameStart, parsed.nameStart + parsed.name.length);
		}
		const found = this.findToken(image.slice(parsed.nameStart, parsed.nameStart + parsed.name.length));
		return found && { ...found, start: parsed.nameStart + found.start, end: parsed.nameStart + found.end };
	}

	/** The tool a download or install names (`https://github.com/MatrixTM/MHDDoS.git`, `sliver.sh/install`). */
	inSource(raw: string): ToolMatch | undefined {
		const text = maskTemplates(raw);
		const lower = text.toLowerCase();
		for (const source of this.definition.sources ?? []) {
			const start = lower.indexOf(source);
			if (start >= 0) {
				return this.match(source, start, start + source.length);
			}
		}
		return this.findToken(text);
	}

	private findToken(text: string): ToolMatch | undefined {
		if (!this.token) {
			return undefined;
		}
		this.token.lastIndex = 0;
		const found = this.token.exec(text);
		return found ? this.match(found[0].toLowerCase(), found.index, found.index + found[0].length) : undefined;
	}

	private match(key: string, start: number, end: number): ToolMatch {
		return { tool: this.definition.display?.[key] ?? key, start, end };
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
