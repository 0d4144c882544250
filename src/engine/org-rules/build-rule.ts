import type { ParsedFile, Resource } from '../model/file';
import { sourceSpan, type ValueNode } from '../model/nodes';
import { flatten, scriptValues, stringValues } from '../model/query';
import type { Span } from '../model/range';
import type { Rule, RuleReport } from '../rules/rule';
import { flags, scalarText, type Condition } from './conditions';
import { MESSAGE_PLACEHOLDERS, type OrgRuleMeta, type StringScope } from './constants';
import type { PathStep } from './paths';
import { resolvePath } from './paths';
import type { Pattern } from './pattern';

/** What a rule looks for, checked and compiled by the loader. */
export type OrgMatch =
	| {
		readonly kind: 'resource';
		readonly types: (type: string) => boolean;
		/** Without a path the rule flags every resource of the type. */
		readonly attribute?: { readonly text: string; readonly steps: readonly PathStep[]; readonly condition: Condition };
	}
	| {
		readonly kind: 'strings';
		readonly pattern: Pattern;
		readonly scope: StringScope;
		/** Only strings inside resources of these types, when set. */
		readonly types?: (type: string) => boolean;
	};

/** An organisation rule: a Rule like any other, plus where it was declared. */
export interface OrgRule extends Rule {
	readonly origin: { readonly path: string; readonly line: number };
}

/** The longest value a message quotes: enough to recognise it, not a whole script. */
const MAX_QUOTED = 80;

export function buildOrgRule(meta: OrgRuleMeta, match: OrgMatch, origin: OrgRule['origin']): OrgRule {
	return {
		...meta,
		docsAnchor: meta.id.toLowerCase(),
		origin,
		check(file, report) {
			if (match.kind === 'strings') {
				checkStrings(file, match, meta.message, report);
			} else {
				checkResources(file, match, meta.message, report);
			}
		},
	};
}

type Report = (report: RuleReport) => void;

function checkResources(file: ParsedFile, match: Extract<OrgMatch, { kind: 'resource' }>, message: string, report: Report): void {
	for (const resource of file.resources) {
		if (!match.types(resource.type)) {
			continue;
		}
		const attribute = match.attribute;
		if (!attribute) {
			report({ span: resource.headerSpan, message: fill(message, resource, {}) });
			continue;
		}
		const values = resolvePath(resource.body, attribute.steps);
		const condition = attribute.condition;
		if (condition.name === 'absent') {
			if (values.length === 0) {
				report({ span: resource.headerSpan, message: fill(message, resource, { attribute: attribute.text }) });
			}
			continue;
		}
		for (const node of values) {
			// `present` is about the attribute; the others judge each item of a list.
			const candidates = condition.name === 'present' ? [node] : flatten(node);
			for (const candidate of candidates) {
				if (flags(condition, candidate)) {
					report({ span: candidate.span, message: fill(message, resource, { attribute: attribute.text, value: quoted(candidate) }) });
				}
			}
		}
	}
}

function checkStrings(file: ParsedFile, match: Extract<OrgMatch, { kind: 'strings' }>, message: string, report: Report): void {
	const refs = match.scope === 'scripts' ? scriptValues(file) : stringValues(file);
	for (const ref of refs) {
		if (match.types && !(ref.resource && match.types(ref.resource.type))) {
			continue;
		}
		const found = match.pattern.find(ref.node.value);
		if (!found) {
			continue;
		}
		const text = ref.node.value.slice(found.index, found.index + found.length);
		const span: Span = found.length > 0 ? sourceSpan(ref.node, found.index, found.index + found.length) : ref.node.span;
		report({ span, message: fill(message, ref.resource, { match: truncate(text), value: truncate(ref.node.value), attribute: ref.key }) });
	}
}

function quoted(node: ValueNode): string {
	const text = scalarText(node) ?? (node.kind === 'expression' ? node.text : node.kind);
	return truncate(text);
}

function truncate(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 3)}...` : line;
}

/** Fills `{resource}`, `{type}`, `{name}`, `{attribute}`, `{value}` and `{match}`; the loader rejects other names. */
function fill(message: string, resource: Resource | undefined, values: { attribute?: string; value?: string; match?: string }): string {
	const known: Record<string, string | undefined> = {
		resource: resource ? `${resource.type}.${resource.name}` : undefined,
		type: resource?.type,
		name: resource?.name,
		...values,
	};
	return message.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => known[key] ?? (isPlaceholder(key) ? '(none)' : whole));
}

function isPlaceholder(key: string): boolean {
	return (MESSAGE_PLACEHOLDERS as readonly string[]).includes(key);
}
