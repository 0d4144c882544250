import * as assert from 'node:assert/strict';
import type { ParsedFile } from '../../../src/engine/model/file';
import { createJsonParser } from '../../../src/engine/parse/json/index';
import { createTerraformParser } from '../../../src/engine/parse/terraform/index';
import { referencedScripts } from '../../../src/engine/parse/terraform-references';
import { createNodeHost } from '../../../src/platform/node-host';

const parser = createTerraformParser(createNodeHost());

function parse(text: string, path = '/ws/infra/main.tf'): Promise<ParsedFile> {
	return Promise.resolve(parser.parse({ path, text }));
}

const MAIN = `locals {
  # user_data = file("\${path.module}/old/init.sh")
  boot = templatefile("\${path.root}/templates/boot.tftpl", { port = 8080 })
}

resource "aws_instance" "web" {
  ami       = "ami-0c55b159cbfafe1f0"
  user_data = file("\${path.module}/scripts/init.sh")
  tags      = { Note = "file(\\"not-a-call.sh\\")" }
}

resource "aws_launch_template" "workers" {
  user_data = base64encode(templatefile("../shared/./cloud-init.yaml", { cluster = var.cluster }))
}

resource "aws_iam_policy" "read" {
  policy = file("\${path.module}/policies/read.json")
}

resource "aws_instance" "dynamic" {
  user_data = file("\${path.module}/scripts/\${var.role}.sh")
  key_name  = filebase64("/etc/keys/deploy.sh")
}
`;

describe('scripts referenced from Terraform', () => {
	it('resolves file() and templatefile() paths against the file\'s folder, with their exact spans', async () => {
		const file = await parse(MAIN);
		const found = referencedScripts(file).map(reference => ({
			path: reference.path,
			relative: reference.relativePath,
			source: file.text.slice(reference.span.start, reference.span.end),
		}));
		assert.deepEqual(found, [
			{ path: '/ws/infra/templates/boot.tftpl', relative: 'templates/boot.tftpl', source: '"${path.root}/templates/boot.tftpl"' },
			{ path: '/ws/infra/scripts/init.sh', relative: 'scripts/init.sh', source: '"${path.module}/scripts/init.sh"' },
			{ path: '/ws/shared/cloud-init.yaml', relative: '../shared/./cloud-init.yaml', source: '"../shared/./cloud-init.yaml"' },
		]);
	});

	it('keeps the path style of the Terraform file: Windows paths and URIs', async () => {
		const text = 'resource "aws_instance" "a" {\n  user_data = file("scripts/init.sh")\n}\n';
		assert.deepEqual(referencedScripts(await parse(text, 'C:\\ws\\infra\\main.tf')).map(reference => reference.path), ['C:\\ws\\infra\\scripts\\init.sh']);
		assert.deepEqual(referencedScripts(await parse(text, 'vscode-vfs://github/acme/infra/main.tf')).map(reference => reference.path), ['vscode-vfs://github/acme/infra/scripts/init.sh']);
		assert.deepEqual(referencedScripts(await parse(text, 'main.tf')).map(reference => reference.path), ['scripts/init.sh']);
	});

	it('takes templates by the name they render to: scripts and user data, not JSON policies', async () => {
		const text = `locals {
  a = templatefile("init.sh.tftpl", {})
  b = templatefile("boot.tpl", {})
  c = templatefile("cloud-init.yaml.tftpl", {})
  d = templatefile("policy.json.tpl", {})
  e = file("bootstrap")
  f = file("certs/ca.pem")
}
`;
		assert.deepEqual(referencedScripts(await parse(text, '/ws/main.tf')).map(reference => reference.relativePath),
			['init.sh.tftpl', 'boot.tpl', 'cloud-init.yaml.tftpl', 'bootstrap']);
	});

	it('leaves out paths that climb above the root', async () => {
		const text = 'locals {\n  a = file("../../../../etc/boot.sh")\n}\n';
		assert.deepEqual(referencedScripts(await parse(text, '/ws/main.tf')), []);
	});

	it('reads half-typed calls and other formats without failing', async () => {
		const file = await parse('resource "aws_instance" "a" {\n  user_data = file("${path.module}/scr\n  x = templatefile(\n');
		for (const reference of referencedScripts(file)) {
			assert.ok(reference.path.startsWith('/ws/infra/'), reference.path);
		}
		assert.deepEqual(referencedScripts({ ...file, format: 'kubernetes' }), []);
	});

	it('reads the file functions inside Terraform JSON templates, and not a description that mentions one', async () => {
		const text = JSON.stringify({
			resource: {
				aws_instance: {
					web: {
						ami: 'ami-0c55b159cbfafe1f0',
						user_data: '${file("${path.module}/scripts/init.sh")}',
						user_data_base64: '${base64encode(templatefile("templates/boot.tftpl", { port = 8080 }))}',
						tags: { Note: 'see file("docs/not-a-call.sh") for why' },
					},
				},
			},
		}, null, 2);
		const file = await createJsonParser('terraform-json').parse({ path: '/ws/infra/main.tf.json', text });
		assert.deepEqual(referencedScripts(file).map(reference => [reference.path, file.text.slice(reference.span.start, reference.span.end)]), [
			// Quotes included, as in HCL; in JSON each is written \".
			['/ws/infra/scripts/init.sh', '\\"${path.module}/scripts/init.sh\\"'],
			['/ws/infra/templates/boot.tftpl', '\\"templates/boot.tftpl\\"'],
		]);
	});
});
