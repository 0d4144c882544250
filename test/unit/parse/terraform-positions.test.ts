import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceOffset, sourceSpan, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { getPath } from '../../../src/engine/model/query';
import type { Range } from '../../../src/engine/model/range';
import { createTerraformParser } from '../../../src/engine/parse/terraform/index';
import { createNodeHost } from '../../../src/platform/node-host';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/terraform');
const parser = createTerraformParser(createNodeHost());

async function parseFixture(name: string): Promise<ParsedFile> {
	return parser.parse({ path: name, text: readFileSync(path.join(FIXTURES, name), 'utf8') });
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${JSON.stringify(node)}`);
	return node;
}

function range(line: number, character: number, endLine: number, endCharacter: number): Range {
	return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** Where `needle` (the first one) inside a string value sits in the source. */
function rangeOfValueText(file: ParsedFile, node: StringNode, needle: string): Range {
	const at = node.value.indexOf(needle);
	assert.ok(at >= 0, `${JSON.stringify(needle)} not in ${JSON.stringify(node.value)}`);
	return file.lines.rangeOf(sourceSpan(node, at, at + needle.length));
}

describe('Terraform parser: positions', () => {
	it('points each line of a <<- heredoc at its own source column', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		const script = asString(getPath(file.resources[0].body, 'user_data'));
		assert.deepEqual(file.lines.rangeOf(script.span), range(13, 14, 19, 5));
		const command = 'curl -fsSL https://get.example.com/agent.sh | sh';
		assert.deepEqual(rangeOfValueText(file, script, command), range(17, 4, 17, 52));
		assert.equal(file.text.slice(...offsets(sourceSpan(script, script.value.indexOf(command), script.value.indexOf(command) + command.length))), command);
		// Every line of the value starts where its text starts in the file, after the stripped indentation.
		let lineStart = 0;
		script.value.split('\n').slice(0, -1).forEach((line, index) => {
			assert.deepEqual(file.lines.positionAt(sourceOffset(script.map, lineStart)), { line: 14 + index, character: 4 }, line);
			lineStart += line.length + 1;
		});
		assert.deepEqual(rangeOfValueText(file, script, 'ready'), range(18, 37, 18, 42));
	});

	it('maps a heredoc inside a function call, written at column 0', async () => {
		const file = await parseFixture('ec2-user-data.tf');
		const call = getPath(file.resources[1].body, 'user_data');
		assert.equal(call?.kind, 'expression');
		const script = asString(call.parts[0]);
		assert.deepEqual(rangeOfValueText(file, script, 'apt-get update'), range(32, 0, 32, 14));
		assert.deepEqual(file.lines.rangeOf(script.span), range(30, 31, 33, 3));
	});

	it('maps decoded escapes to where each escape starts, and the text around them to itself', async () => {
		const file = await parseFixture('locals.tf');
		const escaped = asString(getPath(file.roots[0], 'locals', 'escaped'));
		assert.deepEqual(file.lines.positionAt(sourceOffset(escaped.map, 4)), { line: 8, character: 22 }, 'the tab');
		assert.deepEqual(file.lines.positionAt(sourceOffset(escaped.map, 12)), { line: 8, character: 31 }, 'the quote');
		assert.deepEqual(rangeOfValueText(file, escaped, 'literal'), range(8, 34, 8, 41));
		assert.deepEqual(rangeOfValueText(file, escaped, '${not_interpolated}'), range(8, 43, 8, 62));
		// `\u00e9`: a range over the character it stands for covers all six characters of the escape.
		assert.deepEqual(rangeOfValueText(file, escaped, 'é'), range(8, 71, 8, 77));
	});

	it('counts positions in UTF-16 code units, as VS Code does, after accents and emoji', async () => {
		const file = await parseFixture('non-ascii.tf');
		assert.deepEqual(file.lines.rangeOf(file.comments[0].span), range(0, 0, 0, 46));
		assert.equal(file.comments[0].text, ' Café ☕ servers — owned by the Zürich team 🚀');
		assert.equal(file.resources[0].name, 'café');
		assert.deepEqual(file.lines.rangeOf(file.resources[0].headerSpan), range(1, 9, 1, 30));
		const name = asString(getPath(file.resources[0].body, 'tags', 'Name'));
		assert.deepEqual(rangeOfValueText(file, name, 'box'), range(2, 35, 2, 38));
		const script = asString(getPath(file.resources[0].body, 'user_data'));
		assert.deepEqual(rangeOfValueText(file, script, '🚀'), range(4, 20, 4, 22));
		assert.deepEqual(rangeOfValueText(file, script, 'xmrig'), range(5, 6, 5, 11));
	});

	it('reads a file with CRLF line endings: same columns, comments without the \\r', async () => {
		const file = await parseFixture('crlf.tf');
		assert.ok(file.text.includes('\r\n'), 'the fixture must keep its CRLF line endings');
		assert.deepEqual(file.notes, []);
		const body = file.resources[0].body;
		assert.deepEqual(file.lines.rangeOf(asString(getPath(body, 'acl')).span), range(2, 11, 2, 24));
		assert.deepEqual(file.comments.map(comment => [comment.text, file.lines.rangeOf(comment.span)]), [[' shared with the CDN', range(2, 25, 2, 46)]]);
		const script = asString(getPath(body, 'user_data'));
		assert.equal(script.value, '#!/bin/bash\r\ncurl http://example.com/x.sh | bash\r\n');
		assert.deepEqual(rangeOfValueText(file, script, 'curl'), range(6, 4, 6, 8));
		assert.deepEqual(file.lines.rangeOf(file.resources[0].span), range(0, 0, 8, 1));
	});

	it('gives every entry a key span and a span from the key through the value', async () => {
		const file = await parseFixture('security-group.tf');
		const ssh = file.resources[0].body.entries.filter(entry => entry.key === 'ingress')[1];
		assert.deepEqual(file.lines.rangeOf(ssh.keySpan), range(13, 2, 13, 9));
		assert.deepEqual(file.lines.rangeOf(ssh.span), range(13, 2, 20, 3));
		const port = ssh.value.kind === 'object' ? ssh.value.entries.find(entry => entry.key === 'from_port') : undefined;
		assert.deepEqual(port && [file.lines.rangeOf(port.keySpan), file.lines.rangeOf(port.span), file.lines.rangeOf(port.value.span)], [
			range(15, 4, 15, 13), range(15, 4, 15, 25), range(15, 23, 15, 25),
		]);
	});
});

function offsets(span: { start: number; end: number }): [number, number] {
	return [span.start, span.end];
}
