import type { Finding, Severity, Suppression } from '../finding';
import type { ParsedFile } from '../model/file';
import { annotationDirectives } from './annotations';
import { commentDirectives } from './comments';
import { SUPPRESSION_RULE_ID, type Directive } from './directive';
import { Layout } from './layout';
import { directiveProblems, type ValidationContext } from './validate';
import { memoized, memoKey } from '../model/memo';

export { ANNOTATION_KEY, IGNORE_FILE_KEYWORD, IGNORE_KEYWORD, SUPPRESSION_RULE_ID, type Directive } from './directive';
export { directiveProblems, type ValidationContext } from './validate';

export interface SuppressionOptions extends ValidationContext {
	readonly ruleSeverities?: Readonly<Record<string, Severity | 'off'>>;
}

const DIRECTIVES = memoKey<readonly Directive[]>('suppression directives');

/**
 * Every directive in the file, valid or not, in source order. Read once per parsed file: AUP-SUP-001
 * and applySuppressions both ask, and must see the same directives.
 */
export function directivesOf(file: ParsedFile): readonly Directive[] {
	return memoized(file, DIRECTIVES, () => [...commentDirectives(file, new Layout(file)), ...annotationDirectives(file)]
		.sort((a, b) => a.span.start - b.span.start));
}

/**
 * Marks each finding a valid directive covers with its reason; returns every finding, suppressed
 * ones included, so the CLI's JSON and SARIF can show them for audit. A directive with any problem
 * covers nothing (AUP-SUP-001 says why), and AUP-SUP-001's own findings are never covered.
 */
export function applySuppressions(file: ParsedFile, findings: Finding[], options: SuppressionOptions): Finding[] {
	const active = directivesOf(file).filter(directive => directive.scope && directiveProblems(directive, options).length === 0);
	if (active.length === 0) {
		return findings;
	}
	return findings.map(finding => {
		if (finding.suppressed || finding.ruleId === SUPPRESSION_RULE_ID) {
			return finding;
		}
		const offset = file.lines.offsetAt(finding.range.start);
		const directive = narrowest(active.filter(candidate => covers(candidate, finding.ruleId, offset)));
		return directive ? { ...finding, suppressed: suppressionOf(directive) } : finding;
	});
}

function covers(directive: Directive, ruleId: string, offset: number): boolean {
	const scope = directive.scope;
	return scope !== undefined && scope.start <= offset && offset < scope.end && directive.ruleIds.includes(ruleId);
}

/** When several directives cover a finding, the closest one's reason is the one that explains it. */
function narrowest(directives: readonly Directive[]): Directive | undefined {
	let best: Directive | undefined;
	for (const directive of directives) {
		if (!best || width(directive) < width(best)) {
			best = directive;
		}
	}
	return best;
}

function width(directive: Directive): number {
	return directive.scope ? directive.scope.end - directive.scope.start : Number.MAX_SAFE_INTEGER;
}

function suppressionOf(directive: Directive): Suppression {
	return directive.until === undefined ? { reason: directive.reason } : { reason: directive.reason, until: directive.until };
}
