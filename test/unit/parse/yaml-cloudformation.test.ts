import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { getPath, scriptValues } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');

function parse(text: string, format: 'cloudformation' | 'kubernetes' = 'cloudformation'): ParsedFile {
	const file = createYamlParser(format).parse({ path: 'template.yaml', text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function at(file: ParsedFile, span: Span | undefined): string {
	assert.ok(span, 'no span');
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** The model as plain data, with templates marked, to compare shapes at a glance. */
function plain(node: ValueNode | undefined): unknown {
	if (!node) {
		return undefined;
	}
	switch (node.kind) {
		case 'object':
			return Object.fromEntries(node.entries.map(entry => [entry.key, plain(entry.value)]));
		case 'array':
			return node.items.map(plain);
		case 'string':
			return node.isLiteral ? node.value : `template:${node.value}`;
		case 'expression':
			return `expression:${node.text}`;
		case 'null':
			return null;
		default:
			return node.value;
	}
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

describe('YAML parser: CloudFormation templates', () => {
	const file = parse(readFileSync(path.join(FIXTURES, 'cloudformation-short-form.yaml'), 'utf8'));
	const root = file.roots[0];
	const properties = (name: string): ValueNode | undefined => file.resources.find(resource => resource.name === name)?.body;

	it('accepts short-form tags: no notes, one document', () => {
		assert.equal(file.roots.length, 1);
		assert.deepEqual(file.notes, []);
	});

	it('lists each entry of Resources with its Type, its logical id as header and Properties as body', () => {
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, at(file, resource.headerSpan), at(file, resource.span), at(file, resource.body.span)]), [
			['AWS::EC2::SecurityGroup', 'AgentSecurityGroup', '10:2-10:20', '10:2-19:27', '13:6-19:27'],
			['AWS::EC2::Instance', 'AgentInstance', '20:2-20:15', '20:2-32:57', '23:6-32:57'],
			// No Properties: an empty body located at the resource, so rules see "attribute missing".
			['AWS::IAM::Role', 'AgentRole', '33:2-33:11', '33:2-34:24', '33:2-34:24'],
			['AWS::Logs::LogGroup', 'Logs', '35:2-35:6', '35:2-42:38', '38:6-42:38'],
		]);
		assert.deepEqual(file.resources[2].body.entries, []);
	});

	it('turns each short-form tag into its long JSON form, nested tags included', () => {
		assert.deepEqual(plain(getPath(root, 'Conditions', 'IsProd')), { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] });
		assert.deepEqual(plain(properties('AgentInstance')), {
			ImageId: { 'Fn::FindInMap': ['AmiMap', { Ref: 'AWS::Region' }, 'ami'] },
			InstanceType: { 'Fn::If': ['IsProd', 'c6i.2xlarge', 't3.medium'] },
			AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
			SecurityGroupIds: [{ 'Fn::GetAtt': ['AgentSecurityGroup', 'GroupId'] }],
			UserData: { 'Fn::Base64': { 'Fn::Sub': 'template:#!/bin/bash\necho "joining ${Env} fleet"\ncurl -s https://get.example.com/agent.sh | bash\n' } },
		});
		assert.deepEqual(plain(getPath(properties('AgentSecurityGroup'), 'VpcId')), { 'Fn::ImportValue': 'shared-vpc-id' });
		assert.deepEqual(plain(getPath(root, 'Outputs', 'AgentIp', 'Value')), { 'Fn::GetAtt': ['AgentInstance', 'PublicIp'] });
	});

	it('locates the long-form key at the tag and the object from the tag to the value', () => {
		const equals = getPath(root, 'Conditions', 'IsProd');
		assert.equal(equals?.kind, 'object');
		assert.equal(at(file, equals.span), '7:10-7:34');
		assert.equal(at(file, equals.entries[0].keySpan), '7:10-7:17');
		const ref = getPath(equals, 'Fn::Equals');
		assert.ok(ref?.kind === 'array' && ref.items[0].kind === 'object');
		assert.equal(at(file, ref.items[0].span), '7:19-7:27');
		assert.equal(at(file, ref.items[0].entries[0].keySpan), '7:19-7:23');
		assert.equal(at(file, getPath(ref.items[0], 'Ref')?.span), '7:24-7:27');
	});

	it('splits !GetAtt Resource.Attribute into its two parts, each located', () => {
		const ids = getPath(properties('AgentInstance'), 'SecurityGroupIds');
		assert.ok(ids?.kind === 'array');
		const parts = getPath(ids.items[0], 'Fn::GetAtt');
		assert.ok(parts?.kind === 'array');
		assert.deepEqual(parts.items.map(part => [asString(part).value, at(file, part.span)]), [
			['AgentSecurityGroup', '27:18-27:36'],
			['GroupId', '27:37-27:44'],
		]);
		assert.equal(at(file, ids.items[0].span), '27:10-27:44');
	});

	it('marks strings under Fn::Sub with ${...} as templates, in short and long form', () => {
		const description = asString(getPath(properties('AgentSecurityGroup'), 'GroupDescription', 'Fn::Sub'));
		assert.equal(description.isLiteral, false);
		assert.equal(at(file, description.span), '13:29-13:50');
		const longForm = asString(getPath(properties('Logs'), 'LogGroupName', 'Fn::Sub'));
		assert.equal(longForm.isLiteral, false);
		assert.equal(longForm.value, '/ci/${Env}/agents');
		const tags = getPath(properties('Logs'), 'Tags');
		assert.ok(tags?.kind === 'array');
		// Nothing to substitute: the value is known, so rules may read it.
		assert.equal(asString(getPath(tags.items[0], 'Value', 'Fn::Sub')).isLiteral, true);
		assert.equal(asString(getPath(root, 'Parameters', 'Env', 'Type')).isLiteral, true);
		const list = parse('Value: !Sub\n  - "${Name}-${!Literal}"\n  - Name: x\nOther:\n  Fn::Sub: "${!OnlyEscaped}"\n');
		assert.deepEqual(plain(list.roots[0]), {
			Value: { 'Fn::Sub': ['template:${Name}-${!Literal}', { Name: 'x' }] },
			Other: { 'Fn::Sub': '${!OnlyEscaped}' },
		});
	});

	it('points into the UserData script under Fn::Base64: !Sub |, which rules see as UserData', () => {
		const script = scriptValues(file).find(ref => ref.node.value.startsWith('#!/bin/bash'));
		assert.ok(script);
		assert.equal(script.key, 'UserData');
		assert.equal(script.resource?.name, 'AgentInstance');
		assert.equal(at(file, script.node.span), '29:25-32:57');
		const curl = script.node.value.indexOf('curl');
		assert.equal(at(file, sourceSpan(script.node, curl, curl + 'curl -s https://get.example.com/agent.sh | bash'.length)), '32:10-32:57');
		const env = script.node.value.indexOf('${Env}');
		assert.equal(at(file, sourceSpan(script.node, env, env + 6)), '31:24-31:30');
	});

	it('keeps comments', () => {
		assert.deepEqual(file.comments.map(comment => [comment.text, at(file, comment.span)]), [[' Security group for the agents', '9:2-9:33']]);
	});

	it('keeps the value of tags it does not know, and leaves tags alone in other formats', () => {
		const custom = parse('Resources:\n  Thing:\n    Type: Custom::Thing\n    Properties:\n      Mode: !Custom fast\n      Id: !Ref Other\n');
		assert.deepEqual(plain(custom.resources[0].body), { Mode: 'fast', Id: { Ref: 'Other' } });
		assert.deepEqual(custom.notes, []);
		const manifest = parse('kind: ConfigMap\ndata:\n  id: !Ref Other\n', 'kubernetes');
		assert.deepEqual(plain(getPath(manifest.roots[0], 'data')), { id: 'Other' });
	});
});
