import * as assert from 'node:assert/strict';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan } from '../../../src/engine/model/nodes';
import { scriptValues, stringValues } from '../../../src/engine/model/query';
import { createCloudInitParser } from '../../../src/engine/parse/cloud-init/index';
import { createYamlParser } from '../../../src/engine/parse/yaml/index';
import { checkInvariants } from './script-invariants';

const parser = createCloudInitParser();

function parse(text: string): Promise<ParsedFile> {
	return Promise.resolve(parser.parse({ path: 'user-data.yaml', text }));
}

const USER_DATA = `#cloud-config
# Web node bootstrap
package_update: true
packages: [nginx, jq]
bootcmd:
  - [ cloud-init-per, once, mkfs, mkfs.ext4, /dev/nvme1n1 ]
runcmd:
  - systemctl enable --now nginx
  - [ sh, -c, "echo ready > /var/run/ready" ]
write_files:
  - path: /usr/local/bin/rotate-logs.sh
    permissions: '0755'
    content: |
      find /var/log/nginx -mtime +7 -delete
  - path: /var/lib/cloud/scripts/per-boot/10-mount
    content: mount -a
  - path: /etc/nginx/conf.d/app.conf
    content: |
      server { listen 80; }
  - path: /usr/local/bin/packed.sh
    encoding: b64
    content: ZWNobyBoaQo=
  - path: /opt/start.py
    content: |
      #!/usr/bin/env python3
      print("hi")
`;

describe('cloud-init parser', () => {
	it('reads the YAML document with its comments, as cloud-init', async () => {
		const file = await parse(USER_DATA);
		assert.equal(file.format, 'cloud-init');
		assert.deepEqual(file.resources, []);
		assert.deepEqual(file.notes, []);
		assert.deepEqual(file.comments.map(comment => comment.text.trim()), ['cloud-config', 'Web node bootstrap']);
		checkInvariants(file);
	});

	it('makes runcmd and bootcmd items and script files in write_files scripts, and nothing else', async () => {
		const file = await parse(USER_DATA);
		assert.deepEqual(scriptValues(file).map(ref => `${ref.key}:${ref.node.value.trim()}`), [
			'bootcmd:cloud-init-per', 'bootcmd:once', 'bootcmd:mkfs', 'bootcmd:mkfs.ext4', 'bootcmd:/dev/nvme1n1',
			'runcmd:systemctl enable --now nginx',
			'runcmd:sh', 'runcmd:-c', 'runcmd:echo ready > /var/run/ready',
			'content:find /var/log/nginx -mtime +7 -delete',
			'content:mount -a',
			'content:#!/usr/bin/env python3\nprint("hi")',
		]);
	});

	it('maps a written script back to its lines', async () => {
		const file = await parse(USER_DATA);
		const ref = scriptValues(file).find(candidate => candidate.node.value.startsWith('find'));
		assert.ok(ref);
		const { start, end } = file.lines.rangeOf(sourceSpan(ref.node, 0, 'find /var/log/nginx'.length));
		assert.deepEqual([start.line, start.character, end.line, end.character], [13, 6, 13, 25]);
	});

	it('leaves the content of write_files alone in other formats', async () => {
		const yaml = await Promise.resolve(createYamlParser('kubernetes').parse({ path: 'x.yaml', text: USER_DATA }));
		assert.ok(!scriptValues(yaml).some(ref => ref.key === 'content' && ref.node.value.startsWith('find')));
		assert.ok(stringValues(yaml).some(ref => ref.key === 'content' && ref.node.value.startsWith('find')));
	});

	it('tolerates broken YAML with a note', async () => {
		const file = await parse('#cloud-config\nruncmd:\n  - [ curl, "http://x\n  - : :\n\t- bad\n');
		assert.ok(file.notes.length > 0);
		checkInvariants(file);
	});
});
