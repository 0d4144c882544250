import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/engine/detect';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/yaml');

function fixture(name: string): string {
	return readFileSync(path.join(FIXTURES, name), 'utf8');
}

describe('YAML formats: detection of the files this parser reads', () => {
	it('recognises the fixtures by content under names that say nothing', () => {
		assert.equal(detectFormat('out/stack-1.yaml', fixture('cloudformation-short-form.yaml')), 'cloudformation');
		assert.equal(detectFormat('out/render.yaml', fixture('k8s-workloads.yaml')), 'kubernetes');
		assert.equal(detectFormat('out/dev.yml', fixture('compose-anchors.yaml')), 'compose');
		assert.equal(detectFormat('docker-compose.override.yml', 'services: {}\n'), 'compose');
	});

	it('still recognises files that start with a byte order mark', () => {
		const bom = '\uFEFF';
		assert.equal(detectFormat('a.yaml', `${bom}apiVersion: v1\nkind: Pod\n`), 'kubernetes');
		assert.equal(detectFormat('t.yaml', `${bom}AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n`), 'cloudformation');
		assert.equal(detectFormat('c.yaml', `${bom}services:\n  web:\n    image: nginx\n`), 'compose');
		// The parser keeps offsets in the text as given, mark included.
		const file = createYamlParser('kubernetes').parse({ path: 'a.yaml', text: `${bom}apiVersion: v1\nkind: Pod\n` });
		assert.ok(!(file instanceof Promise));
		assert.deepEqual(file.resources.map(resource => [resource.type, resource.headerSpan]), [['Pod', { start: 22, end: 25 }]]);
		assert.deepEqual(file.notes, []);
	});
});
