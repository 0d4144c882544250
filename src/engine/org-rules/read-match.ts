import type { OrgMatch } from './build-rule';
import { VALUE_CONDITIONS, STRING_SCOPES, MATCH_KEYS, type StringScope } from './constants';
import type { Condition, Scalar } from './conditions';
import { compilePattern, isPattern, type Pattern } from './pattern';
import { compileTypeGlob, parsePath } from './paths';
import { ProblemList, describeKind, entryOf, mapHead } from './problems';
import type { YamlMap, YamlValue } from './yaml-tree';

/** Reads a rule's `match:`; any error here means the rule cannot run, so it returns undefined. */
export function readMatch(value: YamlValue, problems: ProblemList): OrgMatch | undefined {
	if (value.kind !== 'map') {
		problems.error(value.span, `'match' must be a mapping with 'resource' or 'strings', got ${describeKind(value)}`);
		return undefined;
	}
	const before = problems.errorCount;
	// A misspelt matcher key changes what the rule means: an error, not a warning.
	problems.unknownKeys(value, MATCH_KEYS, "'match'", true);
	const types = readTypes(value, problems);
	const strings = entryOf(value, 'strings');
	const attribute = entryOf(value, 'attribute');
	const condition = entryOf(value, 'value');
	const scope = entryOf(value, 'in');
	if (strings) {
		const extra = attribute ?? condition;
		if (extra) {
			problems.error(extra.keySpan, "'strings' searches every string; it cannot be combined with 'attribute' or 'value'");
		}
		const pattern = readStringsPattern(strings.value, problems);
		const where = scope ? readScope(scope.value, problems) : 'strings';
		return problems.errorCount === before && pattern && where ? { kind: 'strings', pattern, scope: where, ...(types ? { types } : {}) } : undefined;
	}
	if (scope) {
		problems.error(scope.keySpan, "'in' applies to 'strings' only");
	}
	if (!entryOf(value, 'resource')) {
		problems.error(mapHead(value), "'match' needs 'resource' (a resource type) or 'strings' (a pattern over string values)");
		return undefined;
	}
	if (condition && !attribute) {
		problems.error(condition.keySpan, "'value' needs an 'attribute' to test");
	}
	if (!attribute) {
		return problems.errorCount === before && types ? { kind: 'resource', types } : undefined;
	}
	const path = attribute.value.kind === 'scalar' && typeof attribute.value.value === 'string' ? attribute.value.value : undefined;
	const steps = path === undefined ? undefined : parsePath(path);
	if (!steps) {
		problems.error(attribute.value.span, "'attribute' must be a dot-separated path such as spec.containers[*].image");
	}
	if (!condition) {
		problems.error(attribute.keySpan, "'attribute' needs a 'value' saying what to flag, such as { present: true } or { regex: \"...\" }");
		return undefined;
	}
	const test = readCondition(condition.value, problems);
	if (problems.errorCount !== before || !types || !steps || !test || path === undefined) {
		return undefined;
	}
	return { kind: 'resource', types, attribute: { text: path, steps, condition: test } };
}

function readTypes(match: YamlMap, problems: ProblemList): ((type: string) => boolean) | undefined {
	const entry = entryOf(match, 'resource');
	if (!entry) {
		return undefined;
	}
	const value = entry.value;
	const globs = value.kind === 'list' ? value.items : [value];
	const texts: string[] = [];
	for (const glob of globs) {
		if (glob.kind !== 'scalar' || typeof glob.value !== 'string' || glob.value.trim() === '') {
			problems.error(glob.span, "'resource' must be a resource type (aws_instance, AWS::EC2::*, Deployment) or a list of them");
			return undefined;
		}
		texts.push(glob.value.trim());
	}
	if (texts.length === 0) {
		problems.error(value.span, "'resource' lists no types");
		return undefined;
	}
	const tests = texts.map(compileTypeGlob);
	return type => tests.some(test => test(type));
}

function readStringsPattern(value: YamlValue, problems: ProblemList): Pattern | undefined {
	const regex = value.kind === 'map' && value.entries.length === 1 ? entryOf(value, 'regex') : undefined;
	if (!regex) {
		problems.error(value.span, "'strings' must be { regex: \"...\" }");
		return undefined;
	}
	const pattern = readPattern(regex.value, problems);
	if (pattern?.test('')) {
		// It would flag every string in every file.
		problems.error(regex.value.span, 'the pattern matches an empty string, so it would flag every value; make it require at least one character');
		return undefined;
	}
	return pattern;
}

function readScope(value: YamlValue, problems: ProblemList): StringScope | undefined {
	const scope = STRING_SCOPES.find(candidate => value.kind === 'scalar' && value.value === candidate);
	if (!scope) {
		problems.error(value.span, `'in' must be one of ${STRING_SCOPES.join(', ')}`);
	}
	return scope;
}

function readCondition(value: YamlValue, problems: ProblemList): Condition | undefined {
	if (value.kind !== 'map' || value.entries.length !== 1) {
		problems.error(value.span, `'value' must hold exactly one of ${VALUE_CONDITIONS.join(', ')}`);
		return undefined;
	}
	const [entry] = value.entries;
	const given = entry.value;
	switch (entry.key) {
		case 'equals':
			return isScalar(given) ? { name: 'equals', expected: given.value } : fail(problems, given, "'equals' takes a string, number or boolean");
		case 'oneOf':
		case 'notOneOf': {
			const items = given.kind === 'list' && given.items.length > 0 && given.items.every(isScalar) ? given.items.map(item => (item as ScalarNode).value) : undefined;
			return items ? { name: entry.key, expected: items } : fail(problems, given, `'${entry.key}' takes a non-empty list of strings, numbers or booleans`);
		}
		case 'above':
		case 'below':
			return given.kind === 'scalar' && typeof given.value === 'number' && Number.isFinite(given.value)
				? { name: entry.key, limit: given.value }
				: fail(problems, given, `'${entry.key}' takes a number`);
		case 'regex':
		case 'notRegex': {
			const pattern = readPattern(given, problems);
			return pattern ? { name: entry.key, pattern } : undefined;
		}
		case 'present':
		case 'absent':
			return given.kind === 'scalar' && given.value === true ? { name: entry.key } : fail(problems, given, `'${entry.key}' takes true`);
		default:
			problems.error(entry.keySpan, `unknown condition '${entry.key}'; expected one of ${VALUE_CONDITIONS.join(', ')}`);
			return undefined;
	}
}

function readPattern(value: YamlValue, problems: ProblemList): Pattern | undefined {
	if (value.kind !== 'scalar' || typeof value.value !== 'string' || value.value === '') {
		problems.error(value.span, 'a pattern must be a non-empty string');
		return undefined;
	}
	const compiled = compilePattern(value.value);
	if (!isPattern(compiled)) {
		problems.error(value.span, `invalid pattern: ${compiled.error}`);
		return undefined;
	}
	return compiled;
}

type ScalarNode = YamlValue & { readonly kind: 'scalar'; readonly value: Scalar };

function isScalar(value: YamlValue): value is ScalarNode {
	return value.kind === 'scalar' && (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean');
}

function fail(problems: ProblemList, value: YamlValue, message: string): undefined {
	problems.error(value.span, message);
	return undefined;
}
