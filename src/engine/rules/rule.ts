import { AUP_SECTIONS, CATEGORIES, SEVERITIES, type AupSection, type Category, type Severity } from '../finding';
import type { ParsedFile } from '../model/file';
import { FORMATS, type Format } from '../model/format';
import type { Span } from '../model/range';

/** What a rule's check reports: where, what, and which of its fixes apply. */
export interface RuleReport {
	readonly span: Span;
	readonly message: string;
	/** Ids of entries in the rule's `fixes`; the first offered is the preferred one when it says so. */
	readonly fixes?: readonly string[];
}

export interface FixDraft {
	readonly title: string;
	readonly edits: readonly { readonly span: Span; readonly newText: string }[];
	readonly isPreferred?: boolean;
	/** The edits' text is a snippet with placeholders for the user's decisions; see `Fix.isSnippet`. */
	readonly isSnippet?: boolean;
}

/** What a fix needs to know beyond the file itself. */
export interface FixContext {
	/**
	 * Variables declared in the other files of the file's Terraform module (its folder), when the
	 * caller knows them: a variable a fix declares must not clash with one in `variables.tf`.
	 */
	readonly moduleVariables: ReadonlySet<string>;
}

/** Builds a fix for one report, or returns null when no safe edit exists for it. */
export type FixBuilder = (report: RuleReport, file: ParsedFile, context: FixContext) => FixDraft | null;

export interface RuleContext {
	/** Numeric thresholds and other per-rule options the user can set, by name. */
	readonly options: Readonly<Record<string, unknown>>;
	/** Ids of every rule the engine runs, for checks that name other rules (suppressions). */
	readonly knownRuleIds: ReadonlySet<string>;
	/** Today as YYYY-MM-DD, so date checks are reproducible in tests. */
	readonly today: string;
}

export interface RuleDefinition {
	readonly id: string;
	readonly title: string;
	/** Error only where the AUP prohibits the thing outright. */
	readonly severity: Severity;
	readonly aupSection: AupSection;
	readonly category: Category;
	readonly formats: readonly Format[];
	/** Why it matters, what to do instead, and when it is legitimate: plain words, Markdown allowed. */
	readonly docs: string;
	check(file: ParsedFile, report: (report: RuleReport) => void, context: RuleContext): void;
	readonly fixes?: Readonly<Record<string, FixBuilder>>;
}

export interface Rule extends RuleDefinition {
	/** Anchor of the rule's entry in the generated rule documentation. */
	readonly docsAnchor: string;
}

export const RULE_ID_PATTERN = /^AUP-[A-Z]{3}-\d{3}$/;

/** Checks a rule's metadata when it loads, so a malformed rule fails its module, not a user's scan. */
export function defineRule(definition: RuleDefinition): Rule {
	const problems = metadataProblems(definition);
	if (problems.length > 0) {
		throw new Error(`Rule ${definition.id || '(no id)'} is malformed: ${problems.join('; ')}`);
	}
	return { ...definition, docsAnchor: definition.id.toLowerCase() };
}

export function metadataProblems(definition: RuleDefinition): string[] {
	const problems: string[] = [];
	if (!RULE_ID_PATTERN.test(definition.id)) {
		problems.push(`id must look like AUP-ABC-001`);
	}
	if (!definition.title.trim()) {
		problems.push('title is empty');
	}
	if (!(SEVERITIES as readonly string[]).includes(definition.severity)) {
		problems.push(`unknown severity '${definition.severity}'`);
	}
	if (!(AUP_SECTIONS as readonly string[]).includes(definition.aupSection)) {
		problems.push(`unknown AUP section '${definition.aupSection}'`);
	}
	if (!(CATEGORIES as readonly string[]).includes(definition.category)) {
		problems.push(`unknown category '${definition.category}'`);
	}
	if (definition.formats.length === 0 || definition.formats.some(format => !(FORMATS as readonly string[]).includes(format))) {
		problems.push('formats must be a non-empty list of known formats');
	}
	if (definition.docs.trim().length < 40) {
		problems.push('docs must say why it matters and what to do');
	}
	return problems;
}
