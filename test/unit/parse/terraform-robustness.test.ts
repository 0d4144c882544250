import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ValueNode } from '../../../src/engine/model/nodes';
import { getPath } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import type { ParserHost } from '../../../src/engine/parse/parser';
import { createTerraformParser } from '../../../src/engine/parse/terraform/index';
import { createNodeHost } from '../../../src/platform/node-host';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/terraform');
const FIXTURE_NAMES = readdirSync(FIXTURES).filter(name => name.endsWith('.tf')).sort();
const parser = createTerraformParser(createNodeHost());

function fixture(name: string): string {
	return readFileSync(path.join(FIXTURES, name), 'utf8');
}

async function parse(text: string): Promise<ParsedFile> {
	return parser.parse({ path: 'main.tf', text });
}

/** What must hold for any input: one root object, at most one note, every span inside the text. */
function assertWellFormed(file: ParsedFile): void {
	assert.equal(file.roots.length, 1);
	assert.equal(file.roots[0].kind, 'object');
	assert.ok(file.notes.length <= 1, `${file.notes.length} notes`);
	const inText = (span: Span, what: string): void => {
		assert.ok(0 <= span.start && span.start <= span.end && span.end <= file.text.length, `${what} ${JSON.stringify(span)} outside 0..${file.text.length}`);
	};
	const visit = (node: ValueNode): void => {
		inText(node.span, node.kind);
		if (node.kind === 'object') {
			node.entries.forEach(entry => { inText(entry.keySpan, 'key'); inText(entry.span, 'entry'); visit(entry.value); });
		} else if (node.kind === 'array') {
			node.items.forEach(visit);
		} else if (node.kind === 'expression') {
			node.parts.forEach(visit);
		} else if (node.kind === 'string') {
			node.map.segments.forEach(segment => inText({ start: segment.sourceStart, end: segment.sourceStart + segment.length }, 'segment'));
		}
	};
	file.roots.forEach(visit);
	file.resources.forEach(resource => { inText(resource.span, 'resource'); inText(resource.headerSpan, 'header'); });
	file.comments.forEach(comment => inText(comment.span, 'comment'));
	file.notes.forEach(note => inText(note.span, 'note'));
}

/** The parts of a model two parses of the same text must agree on. */
function modelOf(file: ParsedFile): unknown {
	return { roots: file.roots, resources: file.resources, comments: file.comments, notes: file.notes };
}

describe('Terraform parser: half-typed and hostile input', () => {
	it('keeps everything that parsed in a half-typed file and adds one note at the first error', async () => {
		const file = await parse(fixture('half-typed.tf'));
		assert.deepEqual(file.resources.map(resource => `${resource.type}.${resource.name}`), ['aws_instance.web', 'aws_s3_bucket.logs', 'aws_security_group.db']);
		const [web, logs, db] = file.resources.map(resource => resource.body);
		assert.deepEqual(web.entries.map(entry => entry.key), ['ami', 'subnet_id']);
		assert.equal(getPath(web, 'subnet_id')?.kind === 'string' && getPath(web, 'subnet_id')?.span.start, file.text.indexOf('"subnet-0abc"'));
		assert.equal(getPath(logs, 'acl')?.kind === 'string' && file.lines.rangeOf(getPath(logs, 'acl')?.span ?? { start: 0, end: 0 }).start.line, 8);
		assert.equal(getPath(db, 'ingress', 'from_port')?.kind, 'number');
		assert.equal(file.notes.length, 1);
		assert.deepEqual(file.lines.rangeOf(file.notes[0].span), { start: { line: 3, character: 2 }, end: { line: 3, character: 17 } });
		assert.match(file.notes[0].message, /could not be read.*findings in that part may be missing/);
	});

	it('reads an unterminated heredoc up to the end of the file', async () => {
		const file = await parse('resource "aws_instance" "a" {\n  user_data = <<EOF\ncurl http://x.example | sh\n');
		const script = getPath(file.resources[0].body, 'user_data');
		assert.equal(script?.kind === 'string' && script.value, 'curl http://x.example | sh\n');
		assert.equal(file.notes.length, 1);
	});

	it('adds no note to files that parse', async () => {
		for (const name of FIXTURE_NAMES.filter(name => name !== 'half-typed.tf')) {
			assert.deepEqual((await parse(fixture(name))).notes, [], name);
		}
	});

	it('never throws on random text and random bytes', async () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 2000 }),
			fc.uint8Array({ maxLength: 2000 }).map(bytes => Buffer.from(bytes).toString('latin1')),
			fc.array(fc.constantFrom('resource', '"x"', '{', '}', '[', ']', '(', ')', '=', '<<EOF\n', '<<-EOF\n', 'EOF', '${', '%{', '\n', '#', '/*', '*/', '\\', ',', 'a', '1', '-', '"'), { maxLength: 300 }).map(tokens => tokens.join(' ')),
		);
		await fc.assert(fc.asyncProperty(text, async input => assertWellFormed(await parse(input))), { seed: 20260324, numRuns: 300 });
	});

	it('never throws on any truncation of the fixtures', async () => {
		for (const name of FIXTURE_NAMES) {
			const whole = fixture(name);
			for (let length = 0; length <= whole.length; length += 5) {
				assertWellFormed(await parse(whole.slice(0, length)));
			}
		}
	});

	it('survives pathological nesting and sizes', async () => {
		const inputs = [
			'x = ' + '['.repeat(50_000),
			'x = ' + '['.repeat(10_000) + ']'.repeat(10_000),
			'x = ' + '('.repeat(5_000) + '1' + ')'.repeat(5_000),
			'x = ' + '1 + '.repeat(20_000) + '1',
			'x = ' + '{ a = '.repeat(2_000) + '1' + ' }'.repeat(2_000),
			'a {\n'.repeat(2_000) + '}\n'.repeat(2_000),
			'x = "' + '${'.repeat(1_000),
			'x = f(' + 'g('.repeat(3_000) + ')'.repeat(3_001),
		];
		for (const input of inputs) {
			assertWellFormed(await parse(input));
		}
		const nested = await parse('x = ' + '['.repeat(10_000) + '"deep"' + ']'.repeat(10_000));
		assert.equal(nested.roots[0].kind === 'object' && nested.roots[0].entries[0].key, 'x');
	});

	it('reads huge strings and heredocs whole', async () => {
		const long = 'a'.repeat(300_000);
		const literal = await parse(`x = "${long}"\n`);
		assert.equal(getPath(literal.roots[0], 'x')?.kind === 'string' && (getPath(literal.roots[0], 'x') as { value: string }).value.length, long.length);
		const script = '  echo $${HOME} %%{x}\n'.repeat(20_000);
		const heredoc = await parse(`x = <<-EOF\n${script}EOF\n`);
		const value = getPath(heredoc.roots[0], 'x');
		assert.equal(value?.kind === 'string' && value.value, 'echo ${HOME} %{x}\n'.repeat(20_000));
		assertWellFormed(heredoc);
	});
});

describe('Terraform parser: loading and incremental parsing', () => {
	it('loads no WebAssembly until the first parse', () => {
		let loads = 0;
		const host: ParserHost = { loadWasm: async () => { loads++; return new Uint8Array(); } };
		createTerraformParser(host);
		assert.equal(loads, 0);
	});

	it('gives the same model after each edit as a fresh parse of the new text', async () => {
		const incremental = createTerraformParser({ ...createNodeHost(), incremental: true });
		const fresh = createTerraformParser(createNodeHost());
		const start = fixture('ec2-user-data.tf');
		const steps = [
			start,
			start.replace('c6i.2xlarge', 'c6i.4xlarge'),
			start.replace('  monitoring    = true\n', '  monitoring    = true\n  ebs_optimized = true\n'),
			start.replace('  monitoring    = true\n', ''),
			start.replace('yum install', 'yum -q install'),
			start.replace('# Build', '# 🚀 Build'),
			start.replace('# Build', '# 🚁 Build'),
			start.replace('  }\n}\n\nresource', '  }\n\nresource'),
			start.replace('  }\n}\n\nresource', '  }\n}\n\nresource'),
			start + 'resource "aws_s3_bucket" "b" {\n  acl = "pub',
			start + 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n',
			start.replace(/\n/g, '\r\n'),
			fixture('ecs-task.tf'),
			'',
			fixture('security-group.tf'),
		];
		for (const [index, text] of steps.entries()) {
			const edited = await incremental.parse({ path: 'main.tf', text });
			const expected = await fresh.parse({ path: 'main.tf', text });
			assert.deepStrictEqual(modelOf(edited), modelOf(expected), `step ${index}`);
		}
		incremental.dispose?.();
	});

	it('returns the kept model for unchanged text, and starts over after forget and dispose', async () => {
		const incremental = createTerraformParser({ ...createNodeHost(), incremental: true });
		const text = fixture('locals.tf');
		const first = await incremental.parse({ path: 'locals.tf', text });
		assert.equal(await incremental.parse({ path: 'locals.tf', text }), first);
		incremental.forget?.('locals.tf');
		const afterForget = await incremental.parse({ path: 'locals.tf', text });
		assert.notEqual(afterForget, first);
		assert.deepStrictEqual(modelOf(afterForget), modelOf(first));
		incremental.dispose?.();
		incremental.dispose?.();
		assert.deepStrictEqual(modelOf(await incremental.parse({ path: 'locals.tf', text })), modelOf(first));
		incremental.dispose?.();
	});

	it('keeps nothing between parses without incremental: each parse builds a new model', async () => {
		const text = fixture('locals.tf');
		const first = await parser.parse({ path: 'locals.tf', text });
		assert.notEqual(await parser.parse({ path: 'locals.tf', text }), first);
	});
});
