import * as assert from 'node:assert/strict';
import { searchText } from '../../../../src/engine/rules/shared/text';
import type { ParsedFile } from '../../../../src/engine/model/file';
import type { Format } from '../../../../src/engine/model/format';
import { createParsers } from '../../../../src/engine/parse/registry';
import { createNodeHost } from '../../../../src/platform/node-host';

const parsers = createParsers(createNodeHost());

async function parse(format: Format, path: string, text: string): Promise<ParsedFile> {
	const parser = parsers[format];
	assert.ok(parser);
	return parser.parse({ path, text });
}

describe("a file's search text", () => {
	it('joins string values without the quotes, backslashes and line continuations a shell drops', async () => {
		const file = await parse('shell', 'startup.sh', '#!/bin/sh\nx"m"r\'i\'g -o pool --donate-level 1\n/opt/xm\\\nrig\n');
		const text = searchText(file);
		assert.match(text, /xmrig -o pool/);
		assert.match(text, /\/opt\/xmrig/);
	});

	it('is built once per parsed file', async () => {
		const file = await parse('terraform', 'main.tf', 'resource "aws_instance" "a" {\n  ami = "ami-1"\n  user_data = "echo hi"\n}\n');
		assert.equal(searchText(file), searchText(file));
		assert.match(searchText(file), /echo hi/);
	});
});
