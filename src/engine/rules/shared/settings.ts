import { insertAttribute } from '../../fixes/insert-attribute';
import { replaceValue } from '../../fixes/edits';
import { syntaxOf, type FixValue, type Syntax } from '../../fixes/values';
import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, ValueNode } from '../../model/nodes';
import { get, literalBoolean, literalNumber, resourcesOfType } from '../../model/query';
import { containsSpan } from '../../model/range';
import type { FixBuilder, RuleReport } from '../rule';

/**
 * Settings that turn a protection off: encryption, backups, logging. The section 4 rules are
 * tables of these (resource types, the attribute's path, what counts as off, what turns it back
 * on), so each rule states its facts and this file does the reading, the ranges and the fixes.
 */
export interface SettingSpec {
	readonly types: readonly string[];
	/** Keys from the resource's body to the setting: `['point_in_time_recovery', 'enabled']`. */
	readonly path: readonly string[];
	/** True for a literal value that turns the protection off; values known only at deploy time never are. */
	readonly isOff: (value: ValueNode) => boolean;
	/** The value that turns it on, as the file's syntax writes it. */
	readonly onText: (syntax: Syntax) => string;
	/** True when a missing setting means off (the provider's default): the resource's header is then reported. */
	readonly missing?: boolean;
	/** True for a resource the setting does not apply to, or that gets it elsewhere (a replica, a snapshot). */
	readonly unless?: (body: ObjectNode, file: ParsedFile) => boolean;
	readonly fixTitle: string;
	readonly preferred?: boolean;
}

export interface OffSetting {
	readonly spec: SettingSpec;
	readonly index: number;
	readonly resource: Resource;
	/** The value that turns the protection off, or undefined when the setting is missing. */
	readonly value: ValueNode | undefined;
}

export const isFalse = (value: ValueNode): boolean => literalBoolean(value) === false;
export const isTrue = (value: ValueNode): boolean => literalBoolean(value) === true;
export const isZero = (value: ValueNode): boolean => literalNumber(value) === 0;
export const literal = (text: string) => (): string => text;

/** True when the body sets any of the keys: a source, a snapshot or a replica's primary. */
export const hasAny = (...keys: string[]) => (body: ObjectNode): boolean => keys.some(key => get(body, key) !== undefined);

/** Every resource of the specs' types whose setting is off, in source order. */
export function offSettings(file: ParsedFile, specs: readonly SettingSpec[]): OffSetting[] {
	const found: OffSetting[] = [];
	specs.forEach((spec, index) => {
		for (const resource of resourcesOfType(file, ...spec.types)) {
			if (spec.unless?.(resource.body, file)) {
				continue;
			}
			const { value, parent } = follow(resource.body, spec.path);
			if (value && spec.isOff(value)) {
				found.push({ spec, index, resource, value });
			} else if (!value && parent && spec.missing) {
				found.push({ spec, index, resource, value: undefined });
			}
		}
	});
	return found.sort((a, b) => spanOf(a).start - spanOf(b).start);
}

/** The report for an off setting: on its value, or on the resource's header when it is missing. */
export function settingReport(off: OffSetting, message: string): RuleReport {
	return { span: spanOf(off), message, fixes: [fixId(off.index)] };
}

/** One fix per spec, keyed as `settingReport` names them. */
export function settingFixes(specs: readonly SettingSpec[]): Record<string, FixBuilder> {
	return Object.fromEntries(specs.map((spec, index) => [fixId(index), (report, file) => settingFix(spec, report, file)]));
}

function settingFix(spec: SettingSpec, report: RuleReport, file: ParsedFile): ReturnType<FixBuilder> {
	const resource = innermostResource(file, report, spec.types);
	if (!resource) {
		return null;
	}
	const syntax = syntaxOf(file.format, file.text, resource.body.span.start);
	const isPreferred = spec.preferred ?? true;
	if (report.span.start !== resource.headerSpan.start || report.span.end !== resource.headerSpan.end) {
		return { title: spec.fixTitle, edits: [replaceValue(report.span, spec.onText(syntax))], isPreferred };
	}
	const { parent, depth } = follow(resource.body, spec.path);
	if (!parent) {
		return null;
	}
	// The missing part of the path becomes nested blocks or maps around the value.
	let value: FixValue = spec.onText(syntax);
	for (let i = spec.path.length - 1; i > depth; i--) {
		value = { [spec.path[i]]: value };
	}
	const edits = insertAttribute(file, parent, spec.path[depth], value);
	return edits ? { title: spec.fixTitle, edits, isPreferred } : null;
}

/** The value at the path, or the deepest object on it and how far down it is. */
function follow(body: ObjectNode, path: readonly string[]): { value?: ValueNode; parent?: ObjectNode; depth: number } {
	let current: ObjectNode = body;
	for (let depth = 0; depth < path.length; depth++) {
		const next = get(current, path[depth]);
		if (next === undefined) {
			return { parent: current, depth };
		}
		if (depth === path.length - 1) {
			return { value: next, depth };
		}
		if (next.kind !== 'object') {
			// A dynamic block or a computed map: nothing to read or to insert into.
			return { depth };
		}
		current = next;
	}
	return { depth: path.length };
}

/** The smallest resource of one of the types around the report: a nested block sits inside its resource. */
export function innermostResource(file: ParsedFile, report: RuleReport, types?: readonly string[]): Resource | undefined {
	let best: Resource | undefined;
	for (const resource of file.resources) {
		if ((!types || types.includes(resource.type)) && containsSpan(resource.span, report.span)
			&& (!best || resource.span.end - resource.span.start < best.span.end - best.span.start)) {
			best = resource;
		}
	}
	return best;
}

function spanOf(off: OffSetting): { start: number; end: number } {
	return off.value?.span ?? off.resource.headerSpan;
}

function fixId(index: number): string {
	return `setting${index}`;
}
