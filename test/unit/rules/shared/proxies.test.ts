import * as assert from 'node:assert/strict';
import { proxyCommand, proxyInImage } from '../../../../src/engine/rules/shared/proxies';
import { parseScript } from '../../../../src/engine/rules/shared/shell';

describe('proxies', () => {
	it('names proxy images by their whole name only', () => {
		assert.deepEqual(['ubuntu/squid:5.7', 'vimagick/tinyproxy', 'teddysun/xray:1.8', 'ghcr.io/shadowsocks/ssserver-rust:v1'].map(image => proxyInImage(image)?.tool),
			['Squid', 'Tinyproxy', 'Xray', 'Shadowsocks']);
		for (const image of ['amazon/aws-xray-daemon', 'boynux/squid-exporter', 'squidfunk/mkdocs-material', 'haproxy:2.9', 'nginx', 'registry.squid.io/app']) {
			assert.equal(proxyInImage(image), undefined, image);
		}
	});

	it('finds commands that install, start or run a proxy, not look-alikes', () => {
		const found = (script: string) => parseScript(script).map(pipeline => proxyCommand(pipeline.commands[0])?.how);
		assert.deepEqual(found('apt-get install -y squid\nsudo systemctl enable --now danted\nss-server -c /etc/ss.json\nyum remove squid\napt-get install -y squid-deb-proxy-client\nss-local -c c.json'),
			['installs', 'starts', 'runs', undefined, undefined, undefined]);
	});
});
