import { fixDraft, replaceValue } from '../../fixes/edits';
import { camelCase, pascalCase, uniqueName } from '../../fixes/names';
import {
	addBicepParameter, addTemplateParameter, bicepNames, ARM_SECTIONS, armParameterNames, CLOUDFORMATION_SECTIONS, cloudFormationNames,
} from '../../fixes/template-parameter';
import { quoted, syntaxOf, type FixValue } from '../../fixes/values';
import type { ParsedFile, Resource } from '../../model/file';
import type { ArrayNode, ObjectNode, StringNode } from '../../model/nodes';
import { containsSpan } from '../../model/range';
import type { FixDraft } from '../rule';
import { describeResource } from './where';

/**
 * The narrowing fix in the template formats: the open source becomes a reference to a new
 * parameter with no default (CloudFormation `!Ref`, ARM `[parameters('...')]`, a Bicep `param`).
 */

/** What the replaced sources are: how the declared value is typed, named and described. */
export interface Sources {
	readonly resource: Resource;
	/** True when a whole list is replaced, so the value declared is a list. */
	readonly isList: boolean;
	readonly isIpv6: boolean;
	/** Azure takes service tags as well as ranges: address prefixes. */
	readonly isAzure: boolean;
}

export interface NarrowTarget extends Sources {
	/** What the reference replaces: the open source, or the list holding only it. */
	readonly node: StringNode | ArrayNode;
}

/** The declared value's description: what to supply, and what it replaces. */
export function describeSources(sources: Sources, where = describeResource(sources.resource)): string {
	const { isAzure, isIpv6, isList } = sources;
	const noun = isAzure ? `Source address prefix${isList ? 'es' : ''}` : `${isIpv6 ? 'IPv6 source' : 'Source'} range${isList ? 's' : ''}`;
	return `${noun} (${isAzure ? 'CIDR or service tag' : 'CIDR'}) allowed to reach ${where} instead of the whole internet`;
}

/** CIDR ranges other than /0: the parameter refuses the whole internet back. */
const IPV4_PATTERN = String.raw`^(\d{1,3}\.){3}\d{1,3}/([1-9]|[12]\d|3[0-2])$`;
const IPV6_PATTERN = String.raw`^[0-9a-fA-F:]+/([1-9]|[1-9]\d|1[01]\d|12[0-8])$`;

/** `CidrIp: 0.0.0.0/0` -> `CidrIp: !Ref WindowsSGAllowedCidr` (`{ "Ref": ... }` in JSON), with the parameter declared. */
export function cloudFormationFix(file: ParsedFile, target: NarrowTarget): FixDraft | null {
	const root = rootOf(file, target.node);
	// CloudFormation's sources are single strings; a list would be some other key.
	if (!root || target.isList) {
		return null;
	}
	const json = syntaxOf(file.format, file.text, root.span.start) === 'json';
	const base = pascalCase(target.resource.name) || 'Source';
	const name = uniqueName(`${base}Allowed${target.isIpv6 ? 'Ipv6' : ''}Cidr`, cloudFormationNames(root), '');
	const description = describeSources(target);
	const pattern = target.isIpv6 ? IPV6_PATTERN : IPV4_PATTERN;
	const constraint = target.isIpv6
		? 'An IPv6 range in CIDR notation other than ::/0, such as 2001:db8::/48'
		: 'An IPv4 range in CIDR notation other than 0.0.0.0/0, such as 203.0.113.0/24';
	const value: FixValue = json
		? { Type: '"String"', Description: JSON.stringify(description), AllowedPattern: JSON.stringify(pattern), ConstraintDescription: JSON.stringify(constraint) }
		: { Type: 'String', Description: quoted('yaml', description), AllowedPattern: `'${pattern}'`, ConstraintDescription: quoted('yaml', constraint) };
	return fixDraft(`Narrow the source to ${name}, a new template parameter`, [
		replaceValue(target.node, json ? `{ "Ref": "${name}" }` : `!Ref ${name}`),
		addTemplateParameter(file, root, CLOUDFORMATION_SECTIONS, name, value),
	]);
}

/** `"sourceAddressPrefix": "Internet"` -> `"[parameters('jumpNsgAllowedSourcePrefix')]"`, with the parameter declared. */
export function armFix(file: ParsedFile, target: NarrowTarget): FixDraft | null {
	const root = rootOf(file, target.node);
	// A nested deployment's inline template has its own parameters, which the outer one must pass.
	if (!root || isInNestedDeployment(file, target.resource)) {
		return null;
	}
	// A name computed by an expression (`[parameters('nsgName')]`) says nothing a reader would recognise.
	const base = (target.resource.name.startsWith('[') ? '' : camelCase(target.resource.name)) || 'nsg';
	const taken = armParameterNames(root);
	const name = uniqueName(`${base}AllowedSourcePrefix${target.isList ? 'es' : ''}`, { has: candidate => taken.has(candidate.toLowerCase()) }, '');
	const value: FixValue = { type: JSON.stringify(target.isList ? 'array' : 'string'), metadata: { description: JSON.stringify(describeSources(target)) } };
	return fixDraft(`Narrow the source to parameters('${name}'), a new template parameter`, [
		replaceValue(target.node, `"[parameters('${name}')]"`),
		addTemplateParameter(file, root, ARM_SECTIONS, name, value),
	]);
}

/** `sourceAddressPrefix: '*'` -> `sourceAddressPrefix: nsgAllowedSourcePrefix`, with the `param` declared. */
export function bicepFix(file: ParsedFile, target: NarrowTarget): FixDraft | null {
	const root = rootOf(file, target.node);
	if (!root) {
		return null;
	}
	// Parameters, variables, resources and modules share one namespace of symbolic names.
	const name = uniqueName(`${camelCase(target.resource.name) || 'nsg'}AllowedSourcePrefix${target.isList ? 'es' : ''}`, bicepNames(file), '');
	return fixDraft(`Narrow the source to ${name}, a new parameter`, [
		replaceValue(target.node, name),
		// Bicep readers know a resource by its symbolic name.
		addBicepParameter(file, root, name, target.isList ? 'array' : 'string', describeSources(target, target.resource.name)),
	]);
}

function rootOf(file: ParsedFile, node: StringNode | ArrayNode): ObjectNode | undefined {
	const root = file.roots.find(candidate => containsSpan(candidate.span, node.span));
	return root?.kind === 'object' ? root : undefined;
}

function isInNestedDeployment(file: ParsedFile, resource: Resource): boolean {
	return file.resources.some(other => other !== resource && other.type.toLowerCase() === 'microsoft.resources/deployments' && containsSpan(other.span, resource.span));
}
