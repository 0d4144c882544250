import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type ValueNode } from '../../../src/engine/model/nodes';
import { getPath, scriptValues } from '../../../src/engine/model/query';
import { isJsonText } from '../../../src/engine/parse/json/cloudformation';
import { parseJson } from '../../../src/engine/parse/json/index';
import { createParsers } from '../../../src/engine/parse/registry';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';
import { createNodeHost } from '../../../src/platform/node-host';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/json');

function parse(text: string): ParsedFile {
	return parseJson({ path: 'template.json', text }, 'cloudformation');
}

/** The model as plain data, templates marked, to compare shapes across parsers. */
function plain(node: ValueNode | undefined): unknown {
	if (!node) {
		return undefined;
	}
	switch (node.kind) {
		case 'object':
			return node.entries.map(entry => [entry.key, plain(entry.value)]);
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

describe('JSON parser: CloudFormation templates', () => {
	const file = parse(readFileSync(path.join(FIXTURES, 'cloudformation-web.json'), 'utf8'));
	const text = file.text;

	it('lists each entry of Resources with its Type, its logical id as header and Properties as body', () => {
		assert.deepEqual(file.notes, []);
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, text.slice(resource.headerSpan.start, resource.headerSpan.end)]), [
			['AWS::EC2::SecurityGroup', 'WebSecurityGroup', '"WebSecurityGroup"'],
			['AWS::EC2::Instance', 'WebServer', '"WebServer"'],
			['AWS::S3::Bucket', 'Logs', '"Logs"'],
		]);
		assert.equal(file.resources[1].body, getPath(file.roots[0], 'Resources', 'WebServer', 'Properties'));
		// A resource without Properties gets an empty body, as in YAML.
		assert.deepEqual(file.resources[2].body.entries, []);
	});

	it('reads the strings of UserData\'s Fn::Join as its script, each located', () => {
		const scripts = scriptValues(file);
		assert.ok(scripts.every(script => script.key === 'UserData' && script.resource?.name === 'WebServer'));
		const wget = scripts.find(script => script.node.value.startsWith('wget'));
		assert.ok(wget);
		const at = sourceSpan(wget.node, 0, wget.node.value.length - 1);
		assert.equal(text.slice(at.start, at.end), 'wget -qO- http://203.0.113.7/setup.sh | sh');
	});

	it('marks Fn::Sub strings with `${` as templates, and `${!Literal}` as literal', () => {
		const tags = getPath(file.resources[1].body, 'Tags');
		assert.deepEqual(plain(tags), [[['Key', 'Name'], ['Value', [['Fn::Sub', 'template:web-${Env}']]]]]);
		assert.deepEqual(plain(getPath(file.roots[0], 'Outputs', 'Literal', 'Value')), [['Fn::Sub', 'no ${!Template} here']]);
	});

	it('builds the same model as the YAML parser for the same template in long form', () => {
		const json = '{"Resources": {"Api": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {"URL": {"Fn::Sub": ["https://${Host}/x", {"Host": {"Ref": "Host"}}]}}}, "Timeout": 30, "Enabled": true}}}}';
		const yaml = createYamlParser('cloudformation').parse({ path: 't.yaml', text: json.replace(/^\{|\}$/g, '').replace(/"Resources": /, 'Resources:\n  ') });
		assert.ok(!(yaml instanceof Promise));
		assert.deepEqual(plain(parse(json).roots[0]), plain(yaml.roots[0]));
		assert.deepEqual(parse(json).resources.map(resource => [resource.type, resource.name]), yaml.resources.map(resource => [resource.type, resource.name]));
	});

	describe('the cloudformation parser picks JSON or YAML by content', () => {
		const parser = createParsers(createNodeHost()).cloudformation;

		it('sends a template opening with `{` to the JSON parser, anything else to YAML', async () => {
			assert.ok(parser);
			const fromJson = await parser.parse({ path: 'stack.template', text: '\uFEFF  \n{"Resources": {"B": {"Type": "AWS::S3::Bucket",}}}' });
			// Only the JSON parser accepts the trailing comma without a note; its key spans include the quotes.
			assert.deepEqual(fromJson.notes, []);
			assert.equal(fromJson.resources[0].name, 'B');
			assert.deepEqual(fromJson.resources[0].headerSpan, { start: 19, end: 22 });
			const fromYaml = await parser.parse({ path: 'stack.yaml', text: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n' });
			assert.deepEqual(fromYaml.resources[0].headerSpan, { start: 13, end: 14 });
		});

		it('looks only at the first character that is not blank', () => {
			assert.deepEqual(['{}', ' \n\t{', '\uFEFF{', '# c\n{}', 'Resources: {}', '[1]', ''].map(isJsonText), [true, true, true, false, false, false, false]);
		});
	});
});
