import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { detectFormat } from '../../../src/engine/detect';
import type { ParsedFile } from '../../../src/engine/model/file';
import { get, scriptValues } from '../../../src/engine/model/query';
import { shellComments } from '../../../src/engine/parse/shell/comments';
import { createShellParser } from '../../../src/engine/parse/shell/index';
import { checkInvariants } from './script-invariants';

const parser = createShellParser();

function parse(text: string, path = 'boot.sh'): ParsedFile {
	const file = parser.parse({ path, text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function commentTexts(text: string): string[] {
	return shellComments(text).map(comment => text.slice(comment.span.start, comment.span.end));
}

describe('shell script parser', () => {
	it('holds the whole script, verbatim, under the key script', () => {
		const text = '#!/bin/bash\nset -euo pipefail\ndnf install -y nginx\n';
		const file = parse(text);
		const script = get(file.roots[0], 'script');
		assert.equal(script?.kind, 'string');
		assert.equal(script.value, text);
		assert.deepEqual(scriptValues(file).map(ref => ref.key), ['script']);
		assert.equal(file.format, 'shell');
		checkInvariants(file);
	});

	it('keeps Terraform interpolations in templates as written, and marks them not literal', () => {
		const text = '#!/bin/bash\necho "${cluster_name}" > /etc/cluster\n%{ for p in ports ~}\nufw allow ${p}\n%{ endfor ~}\n';
		const file = parse(text, 'boot.tftpl');
		const script = get(file.roots[0], 'script');
		assert.equal(script?.kind, 'string');
		assert.equal(script.value, text);
		assert.equal(script.isLiteral, false);
		assert.equal(parse('echo "$${HOME}"\n', 'a.tpl').roots[0].kind, 'object');
		const escaped = get(parse('echo "$${HOME}"\n', 'a.tpl').roots[0], 'script');
		assert.equal(escaped?.kind === 'string' && escaped.isLiteral, true);
	});

	it('leaves a byte order mark out of the script', () => {
		const file = parse('\uFEFF#!/bin/sh\necho hi\n');
		const script = get(file.roots[0], 'script');
		assert.equal(script?.kind === 'string' && script.value, '#!/bin/sh\necho hi\n');
		assert.equal(script?.span.start, 1);
	});
});

describe('shell comments', () => {
	it('finds comments on their own line and after a command, not the shebang', () => {
		assert.deepEqual(commentTexts('#!/bin/bash\n# set up\napt-get update # refresh\n'), ['# set up', '# refresh']);
	});

	it('ignores # inside quotes, parameter expansions, words and Terraform directives', () => {
		const text = [
			'echo "# not" \'# not\' `echo #not`',
			'n=${#list[@]} v=${var#prefix} c=$#',
			'url=http://x/#anchor a#b',
			'%{ if x # not }',
			'echo done # yes',
		].join('\n');
		assert.deepEqual(commentTexts(text), ['# yes']);
	});

	it('skips heredoc bodies, also indented ones', () => {
		const text = 'cat <<EOF > /etc/motd\n# banner\nEOF\ncat <<-\'END\'\n\t# kept\n\tEND\n# real\n';
		assert.deepEqual(commentTexts(text), ['# real']);
	});

	it('finds nothing after a quote that is never closed', () => {
		assert.deepEqual(commentTexts('echo "unclosed\n# hidden\n'), []);
	});

	it('never throws and keeps spans inside the text', () => {
		fc.assert(fc.property(fc.string({ maxLength: 300 }), text => {
			for (const comment of shellComments(text)) {
				assert.ok(comment.span.start >= 0 && comment.span.end <= text.length && comment.span.start < comment.span.end);
				assert.equal(text[comment.span.start], '#');
			}
			checkInvariants(parse(text));
		}), { numRuns: 300 });
	});
});

describe('script detection', () => {
	it('reads scripts by extension, and templates unless they render something else', () => {
		assert.equal(detectFormat('scripts/init.sh', 'echo hi'), 'shell');
		assert.equal(detectFormat('boot.bash', ''), 'shell');
		assert.equal(detectFormat('templates/user_data.tftpl', ''), 'shell');
		assert.equal(detectFormat('startup.sh.tpl', ''), 'shell');
		assert.equal(detectFormat('policy.json.tpl', '{"Version": "2012-10-17"}'), undefined);
		assert.equal(detectFormat('nginx.conf.tftpl', 'server {}'), undefined);
		assert.equal(detectFormat('render.yaml.tpl', '#!/bin/bash\n'), 'shell');
	});

	it('reads files without an extension by their shebang', () => {
		assert.equal(detectFormat('bootstrap', '#!/usr/bin/env bash\n'), 'shell');
		assert.equal(detectFormat('entrypoint', '#!/bin/sh -e\n'), 'shell');
		assert.equal(detectFormat('user-data', '\uFEFF#!/bin/ash\n'), 'shell');
		assert.equal(detectFormat('manage', '#!/usr/bin/env python3\n'), undefined);
		assert.equal(detectFormat('README', 'Read me first\n'), undefined);
	});

	it('reads cloud-config user data under any name', () => {
		assert.equal(detectFormat('user-data', '#cloud-config\nruncmd: []\n'), 'cloud-init');
		assert.equal(detectFormat('init.sh', '#cloud-config\n'), 'cloud-init');
		assert.equal(detectFormat('cloud.cfg', '\uFEFF#cloud-config\n'), 'cloud-init');
		assert.equal(detectFormat('cloud-init.yaml', '#cloud-config\npackages: [nginx]\n'), 'cloud-init');
	});
});
