import { AUP_SECTIONS, CATEGORIES, SEVERITIES, type AupSection, type Category, type Severity } from '../finding';
import { FORMATS, type Format } from '../model/format';
import { buildOrgRule, type OrgRule } from './build-rule';
import { MESSAGE_PLACEHOLDERS, ORG_RULE_ID_PATTERN, RESERVED_ID_PREFIX, RULE_KEYS } from './constants';
import { readMatch } from './read-match';
import { ProblemList, describeKind, entryOf, mapHead, readString } from './problems';
import type { YamlEntry, YamlMap, YamlValue } from './yaml-tree';

export interface RuleRead {
	readonly rule?: OrgRule;
	/** The id and where it is written, even when the rule itself is broken, for duplicate checks. */
	readonly id?: { readonly text: string; readonly entry: YamlEntry };
}

/** One item of `rules:`. Any error drops this rule only; the file's other rules still load. */
export function readRule(item: YamlValue, path: string, line: (offset: number) => number, problems: ProblemList): RuleRead {
	if (item.kind !== 'map') {
		problems.error(item.span, `each rule must be a mapping with id, title, severity, aupSection, category and match, got ${describeKind(item)}`);
		return {};
	}
	const before = problems.errorCount;
	problems.unknownKeys(item, RULE_KEYS, 'a rule');
	const idEntry = entryOf(item, 'id');
	const id = readId(item, problems);
	const title = readString(item, 'title', problems, true);
	const message = readString(item, 'message', problems, false);
	const docs = readString(item, 'docs', problems, false);
	const severity = readChoice(item, 'severity', SEVERITIES, problems);
	const aupSection = readSection(item, problems);
	const category = readChoice(item, 'category', CATEGORIES, problems);
	const formats = readFormats(item, problems);
	const matchEntry = entryOf(item, 'match');
	if (!matchEntry) {
		problems.error(mapHead(item), "missing 'match'");
	}
	const match = matchEntry ? readMatch(matchEntry.value, problems) : undefined;
	const messageEntry = entryOf(item, 'message');
	if (message !== undefined && messageEntry) {
		for (const [, name] of message.matchAll(/\{([a-zA-Z]+)\}/g)) {
			if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name)) {
				problems.warn(messageEntry.value.span, `unknown placeholder {${name}} stays as written; placeholders are ${MESSAGE_PLACEHOLDERS.map(p => `{${p}}`).join(', ')}`);
			}
		}
	}
	const idRef = id !== undefined && idEntry ? { text: id, entry: idEntry } : undefined;
	if (problems.errorCount !== before || !id || !title || !severity || !aupSection || !category || !formats || !match) {
		return { ...(idRef ? { id: idRef } : {}) };
	}
	const rule = buildOrgRule({
		id, title, severity, aupSection, category, formats,
		message: message ?? title,
		docs: docs ?? `An organisation rule from ${path}: ${title}.`,
	}, match, { path, line: line(item.span.start) });
	return { rule, ...(idRef ? { id: idRef } : {}) };
}

function readId(item: YamlMap, problems: ProblemList): string | undefined {
	const id = readString(item, 'id', problems, true);
	const entry = entryOf(item, 'id');
	if (id === undefined || !entry) {
		return undefined;
	}
	if (id.toUpperCase().startsWith(RESERVED_ID_PREFIX)) {
		problems.error(entry.value.span, `ids starting with ${RESERVED_ID_PREFIX} belong to the built-in rules; use your organisation's prefix, such as ACME-TAG-001`);
		return undefined;
	}
	if (!ORG_RULE_ID_PATTERN.test(id)) {
		problems.error(entry.value.span, `'${id}' is not a rule id: use capitals, digits and two dashes ending in three digits, such as ACME-TAG-001`);
		return undefined;
	}
	return id;
}

function readChoice<T extends Severity | Category>(item: YamlMap, key: string, choices: readonly T[], problems: ProblemList): T | undefined {
	const entry = entryOf(item, key);
	if (!entry) {
		problems.error(mapHead(item), `missing '${key}'`);
		return undefined;
	}
	const choice = choices.find(candidate => entry.value.kind === 'scalar' && entry.value.value === candidate);
	if (!choice) {
		problems.error(entry.value.span, `'${key}' must be one of ${choices.join(', ')}`);
	}
	return choice;
}

function readSection(item: YamlMap, problems: ProblemList): AupSection | undefined {
	const entry = entryOf(item, 'aupSection');
	if (!entry) {
		problems.error(mapHead(item), "missing 'aupSection'");
		return undefined;
	}
	const value = entry.value;
	// `aupSection: 5` reads as a number in YAML; both spellings mean the same section.
	const text = value.kind === 'scalar' && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : '';
	const section = AUP_SECTIONS.find(candidate => candidate === text);
	if (!section) {
		problems.error(value.span, `'aupSection' must be one of the AUP's sections, ${AUP_SECTIONS.join(', ')}`);
	}
	return section;
}

/** Every format when left out: a resource type or pattern usually says by itself where it applies. */
function readFormats(item: YamlMap, problems: ProblemList): readonly Format[] | undefined {
	const entry = entryOf(item, 'formats');
	if (!entry) {
		return FORMATS;
	}
	const value = entry.value;
	if (value.kind !== 'list' || value.items.length === 0) {
		problems.error(value.span, `'formats' must be a non-empty list of ${FORMATS.join(', ')}`);
		return undefined;
	}
	const formats: Format[] = [];
	for (const format of value.items) {
		const known = FORMATS.find(candidate => format.kind === 'scalar' && format.value === candidate);
		if (known) {
			formats.push(known);
		} else {
			problems.error(format.span, `unknown format; expected one of ${FORMATS.join(', ')}`);
		}
	}
	return formats.length === value.items.length ? formats : undefined;
}
