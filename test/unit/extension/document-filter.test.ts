import * as assert from 'node:assert/strict';
import { detectFormat, type Format } from '../../../src/engine/index';
import { documentFormat, exceedsByteSize, isScannedScheme, matchesGlobs, utf8Length } from '../../../src/extension/document-filter';

/** The engine's detection with every format parseable, so these tests do not wait on parsers. */
const formatOf = (path: string, text: string): Format | undefined => detectFormat(path, text);

describe('documentFormat', () => {
	it('goes by the file name first', () => {
		assert.equal(documentFormat('terraform', '/w/main.tf', 'resource "x" "y" {}', formatOf), 'terraform');
		assert.equal(documentFormat('plaintext', '/w/main.tf', '', formatOf), 'terraform');
		assert.equal(documentFormat('dockerfile', '/w/Dockerfile', 'FROM alpine', formatOf), 'dockerfile');
	});

	it('sniffs YAML content, so generated names are still recognised', () => {
		assert.equal(documentFormat('yaml', '/w/out-3.yaml', 'apiVersion: v1\nkind: Pod\n', formatOf), 'kubernetes');
		assert.equal(documentFormat('yaml', '/w/values.yaml', 'replicas: 3\n', formatOf), undefined);
	});

	it('falls back to the language for untitled buffers', () => {
		assert.equal(documentFormat('terraform', 'untitled:Untitled-1', '', formatOf), 'terraform');
		assert.equal(documentFormat('yaml', 'untitled:Untitled-2', 'apiVersion: v1\nkind: Pod\n', formatOf), 'kubernetes');
		assert.equal(documentFormat('dockerfile', 'untitled:Untitled-3', 'FROM alpine', formatOf), 'dockerfile');
	});

	it('leaves plain text with an ordinary name alone', () => {
		assert.equal(documentFormat('plaintext', 'untitled:Untitled-1', 'apiVersion: v1\nkind: Pod\n', formatOf), undefined);
		assert.equal(documentFormat('plaintext', '/w/notes.txt', 'resource "x" "y" {}', formatOf), undefined);
	});

	it('ignores languages that never hold IaC, whatever the name says', () => {
		assert.equal(documentFormat('typescript', '/w/main.tf', '', formatOf), undefined);
		assert.equal(documentFormat('markdown', '/w/compose.yaml', 'services:\n  a:\n    image: x\n', formatOf), undefined);
	});

	it('respects the engine saying it cannot scan a format', () => {
		assert.equal(documentFormat('dockerfile', '/w/Dockerfile', 'FROM alpine', () => undefined), undefined);
	});
});

describe('isScannedScheme', () => {
	it('accepts files, untitled buffers and virtual workspaces only', () => {
		assert.deepEqual(['file', 'untitled', 'vscode-vfs', 'git', 'output', 'vscode-notebook-cell'].map(isScannedScheme), [true, true, true, false, false, false]);
	});
});

describe('matchesGlobs', () => {
	const exclude = ['**/node_modules/**', '**/.terraform/**'];

	it('includes everything by default and applies the excludes', () => {
		assert.equal(matchesGlobs('infra/main.tf', ['**/*'], exclude), true);
		assert.equal(matchesGlobs('main.tf', ['**/*'], exclude), true);
		assert.equal(matchesGlobs('.github/compose.yaml', ['**/*'], exclude), true);
		assert.equal(matchesGlobs('infra/.terraform/modules/vpc/main.tf', ['**/*'], exclude), false);
		assert.equal(matchesGlobs('node_modules/x/main.tf', ['**/*'], exclude), false);
	});

	it('treats an empty include list as everything', () => {
		assert.equal(matchesGlobs('infra/main.tf', [], []), true);
	});

	it('narrows to the include globs', () => {
		assert.equal(matchesGlobs('infra/main.tf', ['infra/**'], []), true);
		assert.equal(matchesGlobs('app/main.tf', ['infra/**'], []), false);
		assert.equal(matchesGlobs('app/main.tf', ['**/*.tf'], []), true);
	});

	it('matches Windows separators and absolute paths outside a workspace folder', () => {
		assert.equal(matchesGlobs('infra\\.terraform\\main.tf', ['**/*'], exclude), false);
		assert.equal(matchesGlobs('C:\\work\\infra\\main.tf', ['**/*.tf'], []), true);
		assert.equal(matchesGlobs('/home/me/node_modules/x.tf', ['**/*'], exclude), false);
	});

	it('does not let a name that merely contains an excluded word be excluded', () => {
		assert.equal(matchesGlobs('infra/node_modules.tf', ['**/*'], exclude), true);
		assert.equal(matchesGlobs('my.terraform/main.tf', ['**/*'], exclude), true);
	});
});

describe('exceedsByteSize', () => {
	it('counts UTF-8 bytes, not characters', () => {
		assert.equal(utf8Length('abc'), 3);
		assert.equal(utf8Length('é'), 2);
		assert.equal(utf8Length('€'), 3);
		assert.equal(utf8Length('😀'), 4);
		assert.equal(utf8Length('\ud800x'), 4);
		assert.equal(exceedsByteSize('€€', 5), true);
		assert.equal(exceedsByteSize('€€', 6), false);
		assert.equal(exceedsByteSize('abc', 3), false);
		assert.equal(exceedsByteSize('abcd', 3), true);
	});
});
