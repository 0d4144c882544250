import { detectFormat } from './detect';
import { severityRank, type Finding, type Fix, type Severity } from './finding';
import type { ParsedFile } from './model/file';
import type { Format } from './model/format';
import type { Range } from './model/range';
import type { Parser, ParserHost, PreparedSyntax } from './parse/parser';
import { createParsers } from './parse/registry';
import { referencedScripts } from './parse/terraform-references';
import { BUILTIN_RULES } from './rules/index';
import type { FixContext, Rule, RuleContext, RuleReport } from './rules/rule';
import { applySuppressions } from './suppress/index';

export interface ScanInput {
	readonly path: string;
	readonly text: string;
	/** Skips detection: for an editor that knows the language, or a script a Terraform file reads (`referencedScriptFormat`). */
	readonly format?: Format;
	/** What `Engine.prepare` gave for this same path and text, maybe on another thread: the scan skips that part. */
	readonly prepared?: PreparedSyntax;
}

export interface ScanOptions {
	/** Per rule id: a severity that replaces the default, or 'off'. */
	readonly ruleSeverities?: Readonly<Record<string, Severity | 'off'>>;
	/** Per rule id: options such as thresholds. */
	readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
	/** Files longer than this many characters are skipped with a note. */
	readonly maxFileSize?: number;
	/** Checked between rules; a cancelled scan returns what it has, marked cancelled. */
	readonly isCancelled?: () => boolean;
	/** Today, as YYYY-MM-DD, for suppression expiry; defaults to the current UTC date. */
	readonly today?: string;
	/**
	 * Rules beyond the engine's own, such as a workspace's organisation rules: they run after the
	 * engine's rules and suppressions accept their ids. One whose id the engine already has is ignored.
	 */
	readonly extraRules?: readonly Rule[];
	/**
	 * Whether findings carry their quick fixes (default true). A caller that never applies them,
	 * such as the CLI, turns this off and saves building an edit for every finding.
	 */
	readonly fixes?: boolean;
	/**
	 * Variables the other files of a Terraform file's module declare: a fix that declares one picks
	 * a name none of them uses. The engine sees one file; the caller reads its neighbours.
	 */
	readonly moduleVariables?: ReadonlySet<string>;
}

export interface ScanNote {
	readonly range: Range;
	readonly message: string;
}

export interface ScanError {
	readonly ruleId?: string;
	readonly message: string;
	readonly stack?: string;
}

/** A script the scanned file reads from disk, such as Terraform's `user_data = file("${path.module}/bootstrap")`. */
export interface ReferencedScript {
	/** Resolved against the scanned file's path, in its style (separators, URI prefix). */
	readonly path: string;
	/** Relative to the scanned file's folder, with `/`, for adapters that join URIs. */
	readonly relativePath: string;
	/** The path argument in the scanned file, quotes included. */
	readonly range: Range;
}

export interface ScanResult {
	readonly format: Format | undefined;
	readonly findings: readonly Finding[];
	readonly notes: readonly ScanNote[];
	/** Failures inside a parser or rule; the rest of the scan went on without it. */
	readonly errors: readonly ScanError[];
	readonly cancelled: boolean;
	/** Why the file was not scanned at all (too large, binary, no parser for its format). */
	readonly skipped?: string;
	/**
	 * The scripts a Terraform file reads with `file()` or `templatefile()`, for adapters that can
	 * read files to scan as well (as `referencedScriptFormat` says); absent when it reads none.
	 */
	readonly referencedScripts?: readonly ReferencedScript[];
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Scans IaC text for AUP findings. One engine serves the extension, the web extension and the CLI. */
export class Engine {
	private readonly parsers: Partial<Record<Format, Parser>>;
	private readonly ruleIds: ReadonlySet<string>;
	private readonly ownRules: RuleSet;
	/** The merged rule list per `extraRules` array, so a workspace's rules are merged once, not per scan. */
	private readonly ruleSets = new WeakMap<readonly Rule[], RuleSet>();

	constructor(host: ParserHost, readonly rules: readonly Rule[] = BUILTIN_RULES) {
		this.parsers = createParsers(host);
		this.ruleIds = new Set(rules.map(rule => rule.id));
		this.ownRules = { rules, ids: this.ruleIds, byFormat: new Map() };
	}

	/** The format the engine would scan the file as, or undefined when it would not scan it. */
	formatOf(path: string, text: string): Format | undefined {
		const format = detectFormat(path, text);
		return format && this.parsers[format] ? format : undefined;
	}

	/**
	 * The part of scanning `input` that depends on its text alone, as plain data another thread can
	 * pass to `scan` with the same text (`ScanInput.prepared`); undefined when its format has none or
	 * the file would not be scanned. The CLI parses Terraform on its worker threads this way, so
	 * they do not need the rules at all.
	 */
	async prepare(input: ScanInput, options: Pick<ScanOptions, 'maxFileSize'> = {}): Promise<PreparedSyntax | undefined> {
		const format = input.format ?? detectFormat(input.path, input.text);
		const parser = format && this.parsers[format];
		if (!parser?.prepare || skipReason(input.text, format, parser, options.maxFileSize) !== undefined) {
			return undefined;
		}
		try {
			return await parser.prepare({ path: input.path, text: input.text });
		} catch {
			// `scan` parses the file itself and reports what went wrong there.
			return undefined;
		}
	}

	async scan(input: ScanInput, options: ScanOptions = {}): Promise<ScanResult> {
		const format = input.format ?? detectFormat(input.path, input.text);
		const empty = { format, findings: [], notes: [], errors: [], cancelled: false };
		const parser = format && this.parsers[format];
		const skipped = skipReason(input.text, format, parser, options.maxFileSize);
		if (skipped !== undefined || !format || !parser) {
			return { ...empty, skipped };
		}
		let file: ParsedFile;
		try {
			file = await parser.parse({ path: input.path, text: input.text, ...(input.prepared ? { prepared: input.prepared } : {}) });
		} catch (error) {
			return { ...empty, errors: [toScanError(error)] };
		}
		const errors: ScanError[] = [];
		const findings: Finding[] = [];
		const today = options.today ?? new Date().toISOString().slice(0, 10);
		const ruleSet = this.ruleSet(options.extraRules);
		const ids = ruleSet.ids;
		const fixContext: FixContext = { moduleVariables: options.moduleVariables ?? NO_NAMES };
		let cancelled = false;
		for (const rule of rulesFor(ruleSet, format)) {
			if (options.isCancelled?.()) {
				cancelled = true;
				break;
			}
			const severity = options.ruleSeverities?.[rule.id] ?? rule.severity;
			if (severity === 'off') {
				continue;
			}
			try {
				const context = { options: options.ruleOptions?.[rule.id] ?? NO_OPTIONS, knownRuleIds: ids, today };
				runRule(rule, file, severity, context, options.fixes === false ? undefined : fixContext, findings);
			} catch (error) {
				errors.push(toScanError(error, rule.id));
			}
		}
		const reviewed = applySuppressions(file, dedupe(findings), { knownRuleIds: ids, today, ruleSeverities: options.ruleSeverities });
		reviewed.sort(compareFindings);
		const notes = file.notes.map(note => ({ range: file.lines.rangeOf(note.span), message: note.message }));
		const scripts = scriptsOf(file, errors);
		return { format, findings: reviewed, notes, errors, cancelled, ...(scripts.length > 0 ? { referencedScripts: scripts } : {}) };
	}

	private ruleSet(extra: readonly Rule[] | undefined): RuleSet {
		if (!extra || extra.length === 0) {
			return this.ownRules;
		}
		let set = this.ruleSets.get(extra);
		if (!set) {
			const added = extra.filter(rule => !this.ruleIds.has(rule.id));
			set = { rules: [...this.rules, ...added], ids: new Set([...this.ruleIds, ...added.map(rule => rule.id)]), byFormat: new Map() };
			this.ruleSets.set(extra, set);
		}
		return set;
	}

	/** Frees what is kept for a file that was closed. */
	forget(path: string): void {
		for (const parser of Object.values(this.parsers)) {
			parser?.forget?.(path);
		}
	}

	dispose(): void {
		for (const parser of Object.values(this.parsers)) {
			parser?.dispose?.();
		}
	}
}

interface RuleSet {
	readonly rules: readonly Rule[];
	readonly ids: ReadonlySet<string>;
	/** The rules that cover each format, in order, worked out on first use. */
	readonly byFormat: Map<Format, readonly Rule[]>;
}

/** The rules of `set` that cover `format`: asked once per format, not once per rule and file. */
function rulesFor(set: RuleSet, format: Format): readonly Rule[] {
	let rules = set.byFormat.get(format);
	if (!rules) {
		rules = set.rules.filter(rule => rule.formats.includes(format));
		set.byFormat.set(format, rules);
	}
	return rules;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** `fixes` undefined: the caller wants no quick fixes built. */
function runRule(rule: Rule, file: ParsedFile, severity: Severity, context: RuleContext, fixes: FixContext | undefined, into: Finding[]): void {
	rule.check(file, report => {
		into.push({
			ruleId: rule.id,
			severity,
			message: report.message,
			range: file.lines.rangeOf(report.span),
			aupSection: rule.aupSection,
			category: rule.category,
			fixes: fixes ? buildFixes(rule, report, file, fixes) : [],
		});
	}, context);
}

/** Guarded like a rule: a throw costs the references, not the findings. */
function scriptsOf(file: ParsedFile, errors: ScanError[]): ReferencedScript[] {
	try {
		return referencedScripts(file).map(({ path, relativePath, span }) => ({ path, relativePath, range: file.lines.rangeOf(span) }));
	} catch (error) {
		errors.push(toScanError(error));
		return [];
	}
}

/** A YAML alias repeats a value; what it repeats is written once, so it is reported once. */
function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter(finding => {
		const { start, end } = finding.range;
		const key = `${finding.ruleId}:${start.line}:${start.character}:${end.line}:${end.character}:${finding.message}`;
		if (seen.has(key)) {
			return false;
		}
		seen.add(key);
		return true;
	});
}

function buildFixes(rule: Rule, report: RuleReport, file: ParsedFile, context: FixContext): Fix[] {
	const fixes: Fix[] = [];
	for (const id of report.fixes ?? []) {
		const builder = rule.fixes?.[id];
		if (!builder) {
			throw new Error(`${rule.id} reported fix '${id}' that it does not declare`);
		}
		const draft = builder(report, file, context);
		if (draft) {
			fixes.push({
				title: draft.title,
				isPreferred: draft.isPreferred && !fixes.some(fix => fix.isPreferred),
				...(draft.isSnippet ? { isSnippet: true } : {}),
				edits: draft.edits.map(edit => ({ range: file.lines.rangeOf(edit.span), newText: edit.newText })),
			});
		}
	}
	return fixes;
}

function compareFindings(a: Finding, b: Finding): number {
	return a.range.start.line - b.range.start.line
		|| a.range.start.character - b.range.start.character
		|| severityRank(b.severity) - severityRank(a.severity)
		|| a.ruleId.localeCompare(b.ruleId);
}

/** A NUL in the first few kilobytes: what git and most editors take as binary. */
/** Why a file is not scanned (nor prepared) at all, or undefined when it is. */
function skipReason(text: string, format: Format | undefined, parser: Parser | undefined, maxFileSize = DEFAULT_MAX_FILE_SIZE): string | undefined {
	if (text.length > maxFileSize) {
		return `larger than the maximum file size (${text.length} > ${maxFileSize} characters)`;
	}
	if (looksBinary(text)) {
		return 'binary content';
	}
	if (!format || !parser) {
		return format ? `no parser for ${format} files yet` : 'not a recognised IaC format';
	}
	return undefined;
}

function looksBinary(text: string): boolean {
	return text.slice(0, 8000).includes('\u0000');
}

function toScanError(error: unknown, ruleId?: string): ScanError {
	if (error instanceof Error) {
		return { ruleId, message: error.message, stack: error.stack };
	}
	return { ruleId, message: String(error) };
}
