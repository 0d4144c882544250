import * as assert from 'node:assert/strict';
import { adminPortsIn, describePorts, isEveryPort, isWholeInternet, normalizeProtocol } from '../../../../src/engine/rules/shared/network';

describe('network helpers', () => {
	it('takes any address with prefix /0 as the whole internet', () => {
		for (const cidr of ['0.0.0.0/0', '::/0', ' 0.0.0.0/0 ', '10.0.0.0/0', '0:0:0:0:0:0:0:0/0', '2001:db8::/0']) {
			assert.ok(isWholeInternet(cidr), cidr);
		}
		for (const cidr of ['0.0.0.0/1', '10.0.0.0/8', '0.0.0.0', '::/00', '256.0.0.0/0', 'any/0', '::1::2/0', '']) {
			assert.ok(!isWholeInternet(cidr), cidr);
		}
	});

	it('normalises protocol names and numbers', () => {
		assert.deepEqual(['-1', 'all', 'ALL', '6', 'tcp', '17', 'udp', 'icmp', '58', 'icmpv6', '50', -1, 6].map(normalizeProtocol),
			['all', 'all', 'all', 'tcp', 'tcp', 'udp', 'udp', 'icmp', 'icmp', 'icmp', 'other', 'all', 'tcp']);
		assert.equal(normalizeProtocol(undefined), undefined);
	});

	it('finds administrative ports in a range, and every port however it is written', () => {
		assert.deepEqual(adminPortsIn({ from: 22, to: 22 }).map(port => port.port), [22]);
		assert.deepEqual(adminPortsIn({ from: 3300, to: 3400 }).map(port => port.port), [3306, 3389]);
		assert.deepEqual(adminPortsIn({ from: 80, to: 443 }), [135, 139].map(port => adminPortsIn({ from: port, to: port })[0]));
		assert.deepEqual(adminPortsIn({ from: 443, to: 443 }), []);
		assert.ok(isEveryPort({ from: 0, to: 65535 }));
		assert.ok(isEveryPort({ from: 1, to: 65535 }));
		assert.ok(!isEveryPort({ from: 1024, to: 65535 }));
	});

	it('describes ports briefly', () => {
		assert.equal(describePorts(adminPortsIn({ from: 22, to: 22 })), 'SSH (22)');
		assert.equal(describePorts(adminPortsIn({ from: 3300, to: 3400 })), 'MySQL (3306) and RDP (3389)');
		assert.equal(describePorts(adminPortsIn({ from: 20, to: 140 })), 'FTP (21), SSH (22), Telnet (23) and 2 more');
	});
});
