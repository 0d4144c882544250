import * as assert from 'node:assert/strict';
import { parseImage } from '../../../../src/engine/rules/shared/images';
import { ToolCatalog } from '../../../../src/engine/rules/shared/tools';

const catalog = new ToolCatalog({
	tokens: ['nmap', 'sliver-server'],
	exact: ['hydra'],
	programOnly: ['responder'],
	repositories: ['kalilinux/', 'bishopfox/sliver'],
	sources: ['github.com/bishopfox/sliver'],
	display: { 'nmap': 'Nmap', 'kalilinux/': 'Kali Linux' },
});

describe('image references', () => {
	it('leaves out the registry host, the tag and the digest', () => {
		assert.deepEqual(parseImage('ghcr.io/Org/Tool:1.2@sha256:abc'), { path: 'org/tool', pathStart: 8, name: 'tool', nameStart: 12 });
		assert.deepEqual(parseImage('localhost:5000/scan'), { path: 'scan', pathStart: 15, name: 'scan', nameStart: 15 });
		assert.deepEqual(parseImage('nginx'), { path: 'nginx', pathStart: 0, name: 'nginx', nameStart: 0 });
		assert.equal(parseImage(''), undefined);
	});
});

describe('tool catalogs', () => {
	it('finds tokens in programs, with offsets in the word as written', () => {
		assert.deepEqual(catalog.inProgram('/usr/bin/nmap'), { tool: 'Nmap', start: 9, end: 13 });
		assert.deepEqual(catalog.inProgram('"./sliver-server_linux"'), { tool: 'sliver-server', start: 3, end: 16 });
		assert.deepEqual(catalog.inProgram('/opt/nmap/nmap'), { tool: 'Nmap', start: 10, end: 14 }, 'the file name before its folder');
		assert.equal(catalog.inProgram('libnmapper'), undefined);
	});

	it('reads exact names only as whole program names, with or without an extension', () => {
		assert.deepEqual(catalog.inProgram('/opt/thc/hydra'), { tool: 'hydra', start: 9, end: 14 });
		assert.deepEqual(catalog.inProgram('Responder.py'), { tool: 'responder', start: 0, end: 9 });
		assert.equal(catalog.inProgram('hydra-admin'), undefined);
		assert.equal(catalog.inProgram('incident-responder'), undefined);
	});

	it('reads images by repository, namespace and repository name, never by registry or tag', () => {
		assert.deepEqual(catalog.inImage('kalilinux/kali-rolling:latest'), { tool: 'Kali Linux', start: 0, end: 22 });
		assert.deepEqual(catalog.inImage('docker.io/bishopfox/sliver:v1.5'), { tool: 'bishopfox/sliver', start: 10, end: 26 });
		assert.deepEqual(catalog.inImage('instrumentisto/nmap'), { tool: 'Nmap', start: 15, end: 19 });
		assert.deepEqual(catalog.inImage('vanhauser/hydra'), { tool: 'hydra', start: 10, end: 15 });
		assert.equal(catalog.inImage('nmap.example.com/app:nmap'), undefined);
		assert.equal(catalog.inImage('nmap/app'), undefined, 'a namespace is not the tool');
		assert.equal(catalog.inImage('acme/responder:1'), undefined, 'program-only names are not images');
		assert.equal(catalog.inImage('${var.scanner_image}'), undefined);
	});

	it('finds download sources and tokens in fetch arguments', () => {
		assert.deepEqual(catalog.inSource('https://github.com/BishopFox/sliver/releases'), { tool: 'github.com/bishopfox/sliver', start: 8, end: 35 });
		assert.deepEqual(catalog.inSource('https://nmap.org/dist/nmap-7.94.tgz'), { tool: 'Nmap', start: 8, end: 12 });
		assert.equal(catalog.inSource('https://example.com/slivers'), undefined);
	});
});

describe('looking for any name of a catalog first', () => {
	it('finds every kind of name, in any case, and nothing else', () => {
		for (const text of ['run NMAP now', 'hydra -l', 'responder -I eth0', 'image: kalilinux/kali-rolling', 'git clone https://github.com/BishopFox/sliver']) {
			assert.equal(catalog.mayAppearIn(text), true, text);
		}
		assert.equal(catalog.mayAppearIn('nginx:1.27 apt-get install curl'), false);
	});
});
