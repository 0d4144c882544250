import type { ParsedFile, Resource } from '../../model/file';
import type { ObjectNode, StringNode, ValueNode } from '../../model/nodes';
import { get, getAll, literalNumber, literalString, objectsIn } from '../../model/query';
import { isWholeInternet, normalizeProtocol, type PortRange, type Protocol } from './network';
import { nestedBlocks } from './terraform-blocks';

/**
 * One inbound permission of an AWS security group, read the same way from every resource that
 * can declare one: Terraform's `aws_security_group` ingress blocks (`dynamic` ones too),
 * `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, and CloudFormation's
 * `SecurityGroupIngress`.
 */
export interface IngressPermission {
	readonly resource: Resource;
	/** Undefined when the protocol is computed at deploy time. */
	readonly protocol: Protocol | undefined;
	/** Undefined when the ports are computed or not written. */
	readonly ports: PortRange | undefined;
	/** The literal sources that are the whole internet (`0.0.0.0/0`, `::/0`). */
	readonly openSources: readonly StringNode[];
}

interface Keys {
	readonly protocol: string;
	readonly from: string;
	readonly to: string;
	readonly cidrs: readonly string[];
}

const TERRAFORM_BLOCK: Keys = { protocol: 'protocol', from: 'from_port', to: 'to_port', cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'] };
const TERRAFORM_VPC_RULE: Keys = { protocol: 'ip_protocol', from: 'from_port', to: 'to_port', cidrs: ['cidr_ipv4', 'cidr_ipv6'] };
const CLOUDFORMATION: Keys = { protocol: 'IpProtocol', from: 'FromPort', to: 'ToPort', cidrs: ['CidrIp', 'CidrIpv6'] };

/** Every inbound permission in the file; egress is never returned. */
export function ingressPermissions(file: ParsedFile): IngressPermission[] {
	const permissions: IngressPermission[] = [];
	for (const resource of file.resources) {
		for (const [rule, keys] of rulesOf(resource)) {
			permissions.push(readPermission(resource, rule, keys));
		}
	}
	return permissions;
}

function rulesOf(resource: Resource): [ObjectNode, Keys][] {
	const body = resource.body;
	switch (resource.type) {
		case 'aws_security_group':
		case 'aws_default_security_group':
			return nestedBlocks(body, 'ingress').map(block => [block, TERRAFORM_BLOCK]);
		case 'aws_security_group_rule':
			return literalString(get(body, 'type')) === 'ingress' ? [[body, TERRAFORM_BLOCK]] : [];
		case 'aws_vpc_security_group_ingress_rule':
			return [[body, TERRAFORM_VPC_RULE]];
		case 'AWS::EC2::SecurityGroup':
			return objectsIn(getAll(body, 'SecurityGroupIngress')).map(rule => [rule, CLOUDFORMATION]);
		case 'AWS::EC2::SecurityGroupIngress':
			return [[body, CLOUDFORMATION]];
		default:
			return [];
	}
}

function readPermission(resource: Resource, rule: ObjectNode, keys: Keys): IngressPermission {
	const protocol = normalizeProtocol(protocolText(get(rule, keys.protocol)));
	const from = literalNumber(get(rule, keys.from));
	const to = literalNumber(get(rule, keys.to));
	const openSources = keys.cidrs
		.flatMap(key => getAll(rule, key))
		.filter((node): node is StringNode => node.kind === 'string' && node.isLiteral && isWholeInternet(node.value));
	return { resource, protocol, ports: from !== undefined && to !== undefined ? { from, to } : undefined, openSources };
}

function protocolText(node: ValueNode | undefined): string | number | undefined {
	return node?.kind === 'number' ? node.value : literalString(node);
}
