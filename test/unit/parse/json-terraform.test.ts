import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { getAll, getPath, scriptValues } from '../../../src/engine/model/query';
import { parseJson } from '../../../src/engine/parse/json/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/json');

function parse(text: string): ParsedFile {
	return parseJson({ path: 'main.tf.json', text }, 'terraform-json');
}

function fixture(name: string): ParsedFile {
	return parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

describe('JSON parser: Terraform JSON', () => {
	describe('a file as CDKTF writes it', () => {
		const file = fixture('cdktf-web.tf.json');
		const text = file.text;

		it('lists each resource with its type, its name as header and its body', () => {
			assert.deepEqual(file.notes, []);
			assert.deepEqual(file.resources.map(resource => [resource.type, resource.name, text.slice(resource.headerSpan.start, resource.headerSpan.end)]), [
				['aws_instance', 'web', '"web"'],
				['aws_security_group', 'web', '"web"'],
			]);
			const web = file.resources[0];
			assert.equal(web.body, getPath(file.roots[0], 'resource', 'aws_instance', 'web'));
			assert.ok(text.slice(web.span.start, web.span.end).startsWith('"web": {'));
			assert.ok(text.slice(web.span.start, web.span.end).endsWith('}'));
		});

		it('reads repeated blocks written as an array of objects, as the HCL parser reads repeated blocks', () => {
			const group = file.resources[1].body;
			assert.deepEqual(getAll(group, 'ingress').map(block => getPath(block, 'from_port')?.kind === 'number' && getPath(block, 'from_port')), [
				{ kind: 'number', span: { start: text.indexOf('443,'), end: text.indexOf('443,') + 3 }, value: 443 },
				{ kind: 'number', span: { start: text.indexOf('22,'), end: text.indexOf('22,') + 2 }, value: 22 },
			]);
		});

		it('marks strings with interpolations as known only at deploy time', () => {
			const web = file.resources[0].body;
			assert.equal(asString(getPath(web, 'ami')).isLiteral, false);
			assert.equal(asString(getPath(web, 'instance_type')).isLiteral, true);
			assert.equal(asString(getPath(file.resources[1].body, 'name')).isLiteral, false);
		});

		it('reads user_data as a script, with `$${` decoded to `${` and every command located', () => {
			const scripts = scriptValues(file);
			assert.deepEqual(scripts.map(script => script.key), ['user_data']);
			const script = scripts[0].node;
			// `$${HOSTNAME}` is Terraform's escape for a literal `${HOSTNAME}`: nothing is interpolated.
			assert.equal(script.isLiteral, true);
			assert.ok(script.value.includes('echo "ready on ${HOSTNAME}" > /var/tmp/ready\n'));
			const curl = script.value.indexOf('curl');
			const line = script.value.indexOf('\n', curl);
			const at = sourceSpan(script, curl, line);
			assert.equal(text.slice(at.start, at.end), 'curl -fsSL https://get.example-tools.io/install.sh | bash');
			const hostname = script.value.indexOf('${HOSTNAME}');
			const escaped = sourceSpan(script, hostname, hostname + '${HOSTNAME}'.length);
			assert.equal(text.slice(escaped.start, escaped.end), '${HOSTNAME}');
			assert.equal(text.slice(escaped.start - 1, escaped.start), '$');
		});
	});

	it('accepts the array forms Terraform allows at every label level', () => {
		const file = parse(JSON.stringify({
			resource: [
				{ aws_s3_bucket: { logs: { bucket: 'logs' } } },
				{ aws_s3_bucket: [{ assets: { bucket: 'assets' } }, { backups: [{ bucket: 'backups' }] }] },
			],
		}, null, 2));
		assert.deepEqual(file.resources.map(resource => `${resource.type}.${resource.name}`), ['aws_s3_bucket.logs', 'aws_s3_bucket.assets', 'aws_s3_bucket.backups']);
		assert.deepEqual(file.resources.map(resource => asString(getPath(resource.body, 'bucket')).value), ['logs', 'assets', 'backups']);
	});

	it('treats `%{` directives as templates and leaves data sources and modules out of the resources', () => {
		const file = parse('{"data": {"aws_ami": {"ubuntu": {"most_recent": true}}}, "module": {"vpc": {"source": "./vpc"}},\n'
			+ '"resource": {"local_file": {"motd": {"content": "%{ for n in var.names }hi ${n}%{ endfor }", "filename": "100%{ok"}}}}');
		assert.deepEqual(file.resources.map(resource => resource.type), ['local_file']);
		const body = file.resources[0].body;
		assert.equal(asString(getPath(body, 'content')).isLiteral, false);
		assert.equal(asString(getPath(body, 'filename')).isLiteral, false);
	});

	it('reads a half-typed file up to where typing stopped, with one note', () => {
		const file = fixture('half-typed.tf.json');
		assert.deepEqual(file.resources.map(resource => `${resource.type}.${resource.name}`), ['aws_security_group.admin', 'aws_instance.app']);
		assert.equal(getPath(file.resources[1].body, 'instance_type')?.kind, 'null');
		assert.equal(file.notes.length, 1);
		assert.match(file.notes[0].message, /^JSON syntax error on line 19: a value is expected\./);
	});

	it('reads a .tfvars.json file: values, no resources', () => {
		const file = parse('{\n  "db_password": "hunter2-but-longer",\n  "instance_count": 3\n}\n');
		assert.deepEqual(file.resources, []);
		assert.equal(asString(getPath(file.roots[0], 'db_password')).value, 'hunter2-but-longer');
	});
});
