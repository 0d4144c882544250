import * as assert from 'node:assert/strict';
import { Parser as TreeSitter, type Tree } from 'web-tree-sitter';
import { directWalksAvailable, walkTree, walkTreePublicly, type CursorSteps } from '../../../src/engine/parse/tree-cursor';
import { loadLanguage } from '../../../src/engine/parse/tree-sitter-runtime';
import { createNodeHost } from '../../../src/platform/node-host';

/** Every node of the tree in walk order, with what flattenTree and the Bicep walk read of it. */
function visitAll(steps: CursorSteps): string[] {
	const seen: string[] = [];
	try {
		for (;;) {
			seen.push(`${steps.typeId()} ${steps.start()}-${steps.end()}${steps.isMissing() ? ' missing' : ''}`);
			if (steps.firstChild()) {
				continue;
			}
			while (!steps.nextSibling()) {
				if (!steps.parent()) {
					return seen;
				}
				seen.push('up');
			}
		}
	} finally {
		steps.close();
	}
}

async function parserFor(wasmFile: string): Promise<TreeSitter> {
	const language = await loadLanguage(createNodeHost(), wasmFile);
	const parser = new TreeSitter();
	parser.setLanguage(language);
	return parser;
}

function withTree<T>(parser: TreeSitter, text: string, use: (tree: Tree) => T): T {
	const tree = parser.parse(text);
	assert.ok(tree);
	try {
		return use(tree);
	} finally {
		tree.delete();
	}
}

const TERRAFORM = [
	`resource "aws_security_group" "web" {
  name = "web-\${var.env}" # the public tier
  ingress {
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  user_data = <<-EOT
    #!/bin/bash
    echo "ready: é ✓"
  EOT
}
`,
	// Half-typed: an unclosed block and a missing value, so the tree has ERROR and MISSING nodes.
	`variable "region" {
  default = "eu-west-1"
}
resource "aws_instance" "box" {
  ami =
  tags = { Name = "box"
`,
	'',
];

const BICEP = [
	`@description('Where the storage lives')
param location string = resourceGroup().location
resource store 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${uniqueString(resourceGroup().id)}'
  location: location
  properties: { allowBlobPublicAccess: false } // kept private
}
`,
	`resource broken 'Microsoft.Web/sites@2022-03-01' = {
  name: 'app'
  properties: {
`,
];

describe('tree-sitter walks', () => {
	it('call the wasm cursor directly once the runtime is initialised', async () => {
		await parserFor('tree-sitter-terraform.wasm');
		// Were this false, every walk would still be right but pay web-tree-sitter's per-step copying.
		assert.equal(directWalksAvailable(), true);
	});

	for (const [grammar, samples] of [['tree-sitter-terraform.wasm', TERRAFORM], ['tree-sitter-bicep.wasm', BICEP]] as const) {
		it(`visit the same nodes as web-tree-sitter's cursor (${grammar})`, async () => {
			const parser = await parserFor(grammar);
			try {
				for (const text of samples) {
					const direct = withTree(parser, text, tree => visitAll(walkTree(tree)));
					const reference = withTree(parser, text, tree => visitAll(walkTreePublicly(tree)));
					assert.deepEqual(direct, reference);
					assert.ok(direct.length > (text ? 3 : 0));
				}
			} finally {
				parser.delete();
			}
		});
	}

	it('leave other tree-sitter calls working after a walk', async () => {
		const parser = await parserFor('tree-sitter-terraform.wasm');
		try {
			withTree(parser, TERRAFORM[0], tree => {
				visitAll(walkTree(tree));
				const block = tree.rootNode.firstNamedChild?.firstNamedChild;
				assert.equal(block?.type, 'block');
				assert.equal(block?.startIndex, 0);
			});
		} finally {
			parser.delete();
		}
	});
});
