import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ObjectNode, StringNode, ValueNode } from '../../../src/engine/model/nodes';
import { getAll, getPath, stringValues } from '../../../src/engine/model/query';
import { createTerraformParser } from '../../../src/engine/parse/terraform/index';
import { createNodeHost } from '../../../src/platform/node-host';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/terraform');
const parser = createTerraformParser(createNodeHost());

function parse(text: string, file = 'main.tf'): Promise<ParsedFile> {
	return Promise.resolve(parser.parse({ path: file, text }));
}

function parseFixture(name: string): Promise<ParsedFile> {
	return parse(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
}

function root(file: ParsedFile): ObjectNode {
	assert.equal(file.roots.length, 1);
	const node = file.roots[0];
	assert.equal(node.kind, 'object');
	return node;
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${JSON.stringify(node)}`);
	return node;
}

function asObject(node: ValueNode | undefined): ObjectNode {
	assert.equal(node?.kind, 'object', `expected an object, got ${node?.kind}`);
	return node;
}

/** Like getPath, but tries every entry with the key: top-level blocks repeat (`variable`, `resource`). */
function findPath(node: ValueNode | undefined, ...keys: string[]): ValueNode | undefined {
	if (keys.length === 0) {
		return node;
	}
	const [key, ...rest] = keys;
	const entries = node?.kind === 'object' ? node.entries : [];
	for (const entry of entries.filter(candidate => candidate.key === key)) {
		const found = findPath(entry.value, ...rest);
		if (found) {
			return found;
		}
	}
	return undefined;
}

/** The source text a span covers, to check spans without counting columns by hand. */
function source(file: ParsedFile, node: { span: { start: number; end: number } }): string {
	return file.text.slice(node.span.start, node.span.end);
}

describe('Terraform parser: the model', () => {
	it('nests resource blocks the way Terraform JSON does and lists them as resources', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		assert.equal(file.format, 'terraform');
		assert.deepEqual(root(file).entries.map(entry => entry.key), ['resource', 'resource']);
		assert.deepEqual(file.resources.map(resource => `${resource.type}.${resource.name}`), ['aws_instance.build_agent', 'aws_instance.bastion']);
		const agent = file.resources[0];
		assert.equal(getPath(root(file), 'resource', 'aws_instance', 'build_agent'), agent.body);
		assert.deepEqual(file.lines.rangeOf(agent.span), { start: { line: 1, character: 0 }, end: { line: 25, character: 1 } });
		assert.deepEqual(file.lines.rangeOf(agent.headerSpan), { start: { line: 1, character: 9 }, end: { line: 1, character: 37 } });
		assert.deepEqual(file.lines.rangeOf(agent.body.span), { start: { line: 1, character: 38 }, end: { line: 25, character: 1 } });
		const entry = root(file).entries[0];
		assert.deepEqual(file.lines.rangeOf(entry.keySpan), { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
		assert.deepEqual(asObject(entry.value).entries.map(typeEntry => source(file, { span: typeEntry.keySpan })), ['"aws_instance"']);
	});

	it('reads literals: strings, numbers, booleans, tuples and objects with either kind of key', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		const body = file.resources[0].body;
		assert.equal(asString(getPath(body, 'instance_type')).value, 'c6i.2xlarge');
		assert.equal(asString(getPath(body, 'instance_type')).isLiteral, true);
		assert.deepEqual(getPath(body, 'root_block_device', 'volume_size'), { kind: 'number', span: getPath(body, 'root_block_device', 'volume_size')?.span, value: 100 });
		assert.equal(getPath(body, 'monitoring')?.kind, 'boolean');
		const tags = asObject(getPath(body, 'tags'));
		assert.deepEqual(tags.entries.map(entry => [entry.key, asString(entry.value).value]), [['Name', 'build-agent'], ['cost:team', 'platform']]);
		assert.equal(source(file, { span: tags.entries[1].keySpan }), '"cost:team"');
		assert.equal(source(file, tags.entries[1]), '"cost:team" = "platform"');

		const variables = await parseFixture('variables.tf');
		const settings = findPath(root(variables), 'variable', 'settings', 'default');
		assert.deepEqual(asObject(settings).entries.map(entry => [entry.key, entry.value.kind]), [['retention_days', 'number'], ['tier', 'null']]);
		const allowed = findPath(root(variables), 'variable', 'allowed_cidrs', 'default');
		assert.deepEqual(allowed, { kind: 'array', span: allowed?.span, items: [] });
	});

	it('turns repeated and nested blocks into repeated entries, labels into nested keys', async () => {
		const file = await parseFixture('security-group.tf');
		const web = file.resources[0].body;
		const ingress = getAll(web, 'ingress');
		assert.equal(ingress.length, 2);
		assert.deepEqual(ingress.map(rule => getPath(rule, 'from_port')), [
			{ kind: 'number', span: getPath(ingress[0], 'from_port')?.span, value: 443 },
			{ kind: 'number', span: getPath(ingress[1], 'from_port')?.span, value: 22 },
		]);
		assert.deepEqual(file.lines.rangeOf(ingress[0].span), { start: { line: 5, character: 10 }, end: { line: 11, character: 3 } });
		const dynamic = getPath(web, 'dynamic', 'ingress', 'content', 'from_port');
		assert.deepEqual(dynamic, { kind: 'expression', span: dynamic?.span, text: 'ingress.value', parts: [] });

		const provisioned = await parse('resource "null_resource" "x" {\n  provisioner "local-exec" {\n    command = "./deploy.sh"\n  }\n}\n');
		assert.equal(asString(getPath(provisioned.resources[0].body, 'provisioner', 'local-exec', 'command')).value, './deploy.sh');
	});

	it('reads a negative number as a number: from_port = -1 means every port', async () => {
		const file = await parseFixture('security-group.tf');
		const rule = file.resources.find(resource => resource.name === 'all_ports');
		const port = getPath(rule?.body, 'from_port');
		assert.deepEqual(port, { kind: 'number', span: port?.span, value: -1 });
		assert.equal(source(file, { span: port?.span ?? { start: 0, end: 0 } }), '-1');
	});

	it('keeps references and calls as expressions, with the literals written inside them as parts', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		const subnet = getPath(file.resources[0].body, 'subnet_id');
		assert.deepEqual(subnet, { kind: 'expression', span: subnet?.span, text: 'aws_subnet.private.id', parts: [] });
		const encoded = getPath(file.resources[1].body, 'user_data');
		assert.equal(encoded?.kind, 'expression');
		assert.equal(encoded.text, 'base64encode(<<EOT\n#!/bin/sh\napt-get update\nEOT\n  )');
		assert.deepEqual(encoded.parts.map(part => asString(part).value), ['#!/bin/sh\napt-get update\n']);

		const locals = await parseFixture('locals.tf');
		const replicas = getPath(root(locals), 'locals', 'max_replicas');
		assert.equal(replicas?.kind, 'expression');
		assert.deepEqual(replicas.parts.map(part => part.kind === 'number' && part.value), [20, 2]);
	});

	it('sees the containers inside jsonencode(...) as objects, so an image is still an image', async () => {
		const file = await parseFixture('ecs-task.tf');
		const definitions = getPath(file.resources[0].body, 'container_definitions');
		assert.equal(definitions?.kind, 'expression');
		const containers = definitions.parts[0];
		assert.equal(containers.kind, 'array');
		assert.deepEqual(containers.items.map(container => asString(getPath(container, 'image')).value), ['xmrig/xmrig:latest', '${var.registry}/log-router:1.4']);
		assert.deepEqual(containers.items.map(container => asString(getPath(container, 'image')).isLiteral), [true, false]);
		const image = stringValues(file).find(ref => ref.node.value === 'xmrig/xmrig:latest');
		assert.equal(image?.key, 'image');
		assert.equal(image?.resource, file.resources[0]);
		assert.deepEqual(image?.path, ['resource', 'aws_ecs_task_definition', 'worker', 'container_definitions', 0, 'image']);
		const pool = stringValues(file).find(ref => ref.node.value.startsWith('stratum+tcp://'));
		assert.equal(pool?.key, 'command');
	});

	it('keeps interpolations verbatim in templates, which are not literal', async () => {
		const file = await parseFixture('locals.tf');
		const prefix = asString(getPath(root(file), 'locals', 'name_prefix'));
		assert.equal(prefix.value, '${var.project}-${var.environment}');
		assert.equal(prefix.isLiteral, false);
		assert.equal(source(file, prefix), '"${var.project}-${var.environment}"');
		const directive = await parse('x = "%{ if var.on }on%{ endif }"\n');
		assert.deepEqual([asString(getPath(root(directive), 'x')).value, asString(getPath(root(directive), 'x')).isLiteral], ['%{ if var.on }on%{ endif }', false]);
	});

	it('decodes escapes; an escaped $${ is a literal ${', async () => {
		const file = await parseFixture('locals.tf');
		const escaped = asString(getPath(root(file), 'locals', 'escaped'));
		assert.equal(escaped.value, 'tab:\t quote:" literal:${not_interpolated} unicode:é');
		assert.equal(escaped.isLiteral, true);
		const astral = await parse('x = "\\U0001F680 \\\\ \\n"\n');
		assert.equal(asString(getPath(root(astral), 'x')).value, '🚀 \\ \n');
	});

	it('reads heredocs as Terraform does: <<- strips the common indentation, the last line break stays', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		const script = asString(getPath(file.resources[0].body, 'user_data'));
		assert.equal(script.value, [
			'#!/bin/bash', 'set -euo pipefail', 'yum install -y docker git',
			'curl -fsSL https://get.example.com/agent.sh | sh', 'echo "agent ${var.agent_version} ready" > /etc/motd', '',
		].join('\n'));
		assert.equal(script.isLiteral, false);
		const uneven = await parse('x = <<-EOT\n    a\n\n      b $${c}\n  EOT\ny = <<EOT\n  kept\nEOT\n');
		assert.equal(asString(getPath(root(uneven), 'x')).value, 'a\n\n  b ${c}\n');
		assert.equal(asString(getPath(root(uneven), 'x')).isLiteral, true);
		assert.equal(asString(getPath(root(uneven), 'y')).value, '  kept\n');
	});

	it('keeps data, module, variable, locals and output blocks in the tree, not among resources', async () => {
		const file = await parseFixture('module-call.tf');
		assert.deepEqual(file.resources, []);
		assert.equal(asString(getPath(root(file), 'module', 'vpc', 'source')).value, 'terraform-aws-modules/vpc/aws');
		assert.deepEqual(getAll(getPath(root(file), 'module', 'vpc'), 'private_subnets').map(subnet => asString(subnet).value), ['10.0.1.0/24', '10.0.2.0/24']);
		const tags = getPath(root(file), 'module', 'vpc', 'tags');
		assert.equal(tags?.kind === 'expression' && asString(getPath(tags.parts[0], 'Tier')).value, 'network');
		assert.equal(asString(findPath(root(file), 'data', 'aws_ami', 'ubuntu', 'filter', 'name')).value, 'name');
		const locals = await parseFixture('locals.tf');
		assert.equal(findPath(root(locals), 'output', 'name_prefix', 'value')?.kind, 'expression');
	});

	it('reads keys, names and literals from their text wherever the tree walk skips them', async () => {
		const file = await parse([
			'x = {',
			'  "quoted-key" = true',
			'  plain        = null # trailing',
			'  (var.dynamic) = var.settings.tier',
			'  "esc\\\\aped"  = -2.5e1',
			'  spaced       = var . name',
			'}',
			'y = aws_instance.web.*.id',
			'z = false',
			'',
		].join('\n'));
		const x = asObject(getPath(root(file), 'x'));
		assert.deepEqual(x.entries.map(entry => [entry.key, entry.value.kind]), [
			['quoted-key', 'boolean'], ['plain', 'null'], ['(var.dynamic)', 'expression'], ['esc\\aped', 'number'], ['spaced', 'expression'],
		]);
		assert.deepEqual(x.entries.map(entry => source(file, { span: entry.keySpan })), ['"quoted-key"', 'plain', '(var.dynamic)', '"esc\\\\aped"', 'spaced']);
		assert.equal(x.entries[3].value.kind === 'number' && x.entries[3].value.value, -25);
		assert.deepEqual(getPath(x, '(var.dynamic)'), { kind: 'expression', span: getPath(x, '(var.dynamic)')?.span, text: 'var.settings.tier', parts: [] });
		assert.equal(getPath(root(file), 'y')?.kind === 'expression' && source(file, getPath(root(file), 'y') ?? x), 'aws_instance.web.*.id');
		assert.deepEqual(getPath(root(file), 'z'), { kind: 'boolean', span: getPath(root(file), 'z')?.span, value: false });
		assert.deepEqual(file.comments.map(comment => comment.text), [' trailing']);
	});

	it('reads a .tfvars file of plain assignments', async () => {
		const file = await parse('region = "eu-west-1"\ninstance_count = 3\nsubnets = ["a", "b"]\n', 'prod.tfvars');
		assert.deepEqual(root(file).entries.map(entry => [entry.key, entry.value.kind]), [['region', 'string'], ['instance_count', 'number'], ['subnets', 'array']]);
		assert.deepEqual(file.notes, []);
	});

	it('collects every comment without its marker', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		assert.deepEqual(file.comments.map(comment => comment.text), [' Build agents for the CI fleet.', ' Bootstrap script: keep it short, the real setup lives in Ansible.']);
		assert.deepEqual(file.lines.rangeOf(file.comments[1].span), { start: { line: 12, character: 2 }, end: { line: 12, character: 70 } });
		const blockComment = (await parseFixture('security-group.tf')).comments;
		assert.deepEqual(blockComment.map(comment => comment.text), [' Rule attached separately so it can be toggled per environment. ']);
		const inside = await parse('x = [\n  1, # one\n  /* two */ 2,\n]\ny = "${a # not here\n}"\n');
		assert.deepEqual(inside.comments.map(comment => comment.text), [' one', ' two ', ' not here']);
	});
});
