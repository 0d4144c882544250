import * as assert from 'node:assert/strict';
import { createParsers } from '../../../../src/engine/parse/registry';
import { scriptUnits } from '../../../../src/engine/rules/shared/scripts';
import { createNodeHost } from '../../../../src/platform/node-host';

async function unitsOf(path: string, text: string): Promise<string[][]> {
	const parser = createParsers(createNodeHost())['cloud-init'];
	assert.ok(parser);
	const parsed = await parser.parse({ path, text });
	return scriptUnits(parsed).map(unit => unit.pipelines.flatMap(pipeline => pipeline.commands.map(command => command.words.map(word => word.text).join(' '))));
}

describe('script units', () => {
	it('reads a cloud-init runcmd list item as one command and a string item as a script', async () => {
		const units = await unitsOf('cloud-init/node.yaml', `#cloud-config
runcmd:
  - [ wget, -q, "https://example.com/a b.tgz" ]
  - systemctl restart nginx; echo done
`);
		assert.deepEqual(units, [['wget -q https://example.com/a b.tgz'], ['https://example.com/a b.tgz'], ['systemctl restart nginx', 'echo done']]);
	});
});
