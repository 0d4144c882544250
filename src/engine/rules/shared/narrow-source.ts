import { fixDraft, replaceValue } from '../../fixes/edits';
import { snakeCase, uniqueName } from '../../fixes/names';
import { setAttribute } from '../../fixes/set-attribute';
import { appendVariable, declaredVariables } from '../../fixes/terraform-variable';
import { quoted, syntaxOf } from '../../fixes/values';
import type { ParsedFile, Resource } from '../../model/file';
import type { ArrayNode, StringNode, ValueNode } from '../../model/nodes';
import { get } from '../../model/query';
import type { Span } from '../../model/range';
import type { FixContext, FixDraft, RuleReport } from '../rule';
import { internetExposures, type Opening } from './exposure';
import { armFix, bicepFix, cloudFormationFix, describeSources, type NarrowTarget, type Sources } from './narrow-source-templates';

/**
 * The quick fix of AUP-NET-001 and AUP-NET-002: the world-open source becomes a value the user
 * supplies (AUP section 3: do not allow unauthorized access). Only the user knows the right range,
 * so the fix declares it without a default (a Terraform variable, a template parameter) or, where
 * a format has no such thing (a Kubernetes manifest), leaves a placeholder to fill in. It is
 * never the preferred fix, so fix-on-save does not apply it.
 *
 * Terraform JSON gets no fix: it is what CDKTF synthesizes, and the range belongs in the CDK code.
 */
export function narrowSourceFix(report: RuleReport, file: ParsedFile, context: FixContext): FixDraft | null {
	const found = openingAt(file, report.span);
	if (!found) {
		return null;
	}
	const { resource, opening } = found;
	if (!opening.node) {
		return limitLoadBalancer(file, resource, context);
	}
	const place = placeOf(resource.body, opening.node);
	if (!place || !SOURCE_KEYS[file.format]?.has(place.key)) {
		// An annotation's comma-separated list, a value inside an expression: no clean edit.
		return null;
	}
	const whole = place.list?.items.length === 1;
	const target: NarrowTarget = {
		resource,
		node: whole && place.list ? place.list : opening.node,
		isList: whole,
		isIpv6: opening.node.value.includes(':'),
		isAzure: place.key.startsWith('source_address') || place.key.startsWith('sourceAddress'),
	};
	switch (file.format) {
		case 'terraform':
			return terraformFix(file, target, context);
		case 'cloudformation':
			return cloudFormationFix(file, target);
		case 'arm':
			return armFix(file, target);
		case 'bicep':
			return bicepFix(file, target);
		case 'kubernetes':
			return manifestFix(file, opening.node);
		default:
			return null;
	}
}

/** Keys whose values are the sources a fix may replace, by format. */
const SOURCE_KEYS: Partial<Record<ParsedFile['format'], ReadonlySet<string>>> = {
	terraform: new Set([
		'cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6', 'source_ranges',
		'source_address_prefix', 'source_address_prefixes', 'load_balancer_source_ranges',
	]),
	cloudformation: new Set(['CidrIp', 'CidrIpv6']),
	arm: new Set(['sourceAddressPrefix', 'sourceAddressPrefixes']),
	bicep: new Set(['sourceAddressPrefix', 'sourceAddressPrefixes']),
	kubernetes: new Set(['loadBalancerSourceRanges']),
};

/**
 * A range a Kubernetes placeholder starts with: TEST-NET-3, reserved for documentation, so a fix
 * applied without the snippet engine (its default goes in as written) admits no one, not someone.
 */
const PLACEHOLDER_RANGE = '${1:203.0.113.0/24}';

/** `["0.0.0.0/0"]` -> `var.bastion_allowed_cidrs`; one open range among others -> `var.bastion_allowed_cidr`. */
function terraformFix(file: ParsedFile, target: NarrowTarget, context: FixContext): FixDraft | null {
	const name = terraformName(file, target, context);
	return fixDraft(`Narrow the source to var.${name}, a variable declared at the end of the file`, [
		replaceValue(target.node, `var.${name}`),
		appendVariable(file, name, [['type', target.isList ? 'list(string)' : 'string'], ['description', quoted('hcl', describeSources(target))]]),
	]);
}

/** A Kubernetes list item -> a placeholder, quoted as the item was. */
function manifestFix(file: ParsedFile, node: StringNode): FixDraft | null {
	const quote = /^["']/.test(file.text.charAt(node.span.start)) ? '"' : '';
	const draft = fixDraft('Replace the source range with one you choose (loadBalancerSourceRanges)', [replaceValue(node, `${quote}${PLACEHOLDER_RANGE}${quote}`)]);
	return draft && { ...draft, isSnippet: true };
}

/**
 * A LoadBalancer Service that no source range limits gets one: a placeholder in a manifest, a
 * variable in Terraform. An empty list written out is replaced; otherwise the key is added.
 */
function limitLoadBalancer(file: ParsedFile, resource: Resource, context: FixContext): FixDraft | null {
	const spec = get(resource.body, 'spec');
	if (spec?.kind !== 'object') {
		return null;
	}
	if (file.format === 'terraform') {
		const sources: Sources = { resource, isList: true, isIpv6: false, isAzure: false };
		const name = terraformName(file, sources, context);
		return fixDraft(`Limit the load balancer to var.${name} (load_balancer_source_ranges), a variable declared at the end of the file`, [
			setAttribute(file, spec, 'load_balancer_source_ranges', `var.${name}`),
			appendVariable(file, name, [['type', 'list(string)'], ['description', quoted('hcl', describeSources(sources))]]),
		]);
	}
	if (file.format !== 'kubernetes') {
		return null;
	}
	const range = syntaxOf(file.format, file.text, spec.span.start) === 'json' ? `"${PLACEHOLDER_RANGE}"` : PLACEHOLDER_RANGE;
	const draft = fixDraft('Limit the load balancer to source ranges you choose (loadBalancerSourceRanges)', [setAttribute(file, spec, 'loadBalancerSourceRanges', `[${range}]`)]);
	return draft && { ...draft, isSnippet: true };
}

/** `<resource>_allowed_cidrs`, `<resource>_allowed_ipv6_cidr`, `<resource>_allowed_source_prefix` (Azure): apart from the variables the file declares. */
function terraformName(file: ParsedFile, sources: Sources, context: FixContext): string {
	const base = snakeCase(sources.resource.name);
	const suffix = sources.isAzure
		? `allowed_source_prefix${sources.isList ? 'es' : ''}`
		: `allowed_${sources.isIpv6 ? 'ipv6_' : ''}cidr${sources.isList ? 's' : ''}`;
	return uniqueName(/^[a-z]/.test(base) ? `${base}_${suffix}` : suffix, declaredVariables(file, context));
}

/** The exposure's opening the report points at. */
function openingAt(file: ParsedFile, span: Span): { resource: Resource; opening: Opening } | undefined {
	for (const exposure of internetExposures(file)) {
		const opening = exposure.openings.find(candidate => candidate.span.start === span.start && candidate.span.end === span.end);
		if (opening) {
			return { resource: exposure.resource, opening };
		}
	}
	return undefined;
}

interface Place {
	/** The key the source is written under. */
	readonly key: string;
	/** The list the source is an item of, if it is one. */
	readonly list?: ArrayNode;
}

/** Where the source sits: the value of a key, or an item of a list that is. */
function placeOf(value: ValueNode, node: StringNode): Place | undefined {
	const children = value.kind === 'object' ? value.entries.map(entry => entry.value) : value.kind === 'array' ? value.items : [];
	if (value.kind === 'object') {
		for (const entry of value.entries) {
			if (entry.value === node) {
				return { key: entry.key };
			}
			if (entry.value.kind === 'array' && entry.value.items.includes(node)) {
				return { key: entry.key, list: entry.value };
			}
		}
	}
	for (const child of children) {
		if (child.span.start <= node.span.start && node.span.end <= child.span.end) {
			const place = placeOf(child, node);
			if (place) {
				return place;
			}
		}
	}
	return undefined;
}
