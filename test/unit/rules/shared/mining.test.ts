import * as assert from 'node:assert/strict';
import { findMinerToken, minerInImage, POOL_HOST, STRATUM_URL } from '../../../../src/engine/rules/shared/mining';

describe('mining names', () => {
	it('matches miner names as whole tokens', () => {
		assert.deepEqual(['xmrig', 'xmrig-6.21.0-linux-x64', '/opt/XMRig/xmrig', 'run-ethminer.sh', 'cpuminer-opt', 't-rex', 'SRBMiner-MULTI'].map(text => findMinerToken(text)?.name),
			['xmrig', 'xmrig', 'xmrig', 'ethminer', 'cpuminer-opt', 't-rex', 'srbminer-multi']);
		for (const text of ['determiner', 'examiner', 'data-miner', 'miner', 't-rex-runner', 'minerda', 'xmrigger', 'ethminers']) {
			assert.equal(findMinerToken(text), undefined, text);
		}
	});

	it('reads image repository paths, not registries or tags', () => {
		const image = 'docker.io/metal3d/xmrig:latest';
		const found = minerInImage(image);
		assert.equal(found && image.slice(found.start, found.end), 'xmrig');
		for (const text of ['xmrig.example.com/app:1', 'localhost:5000/app:xmrig', 'acme/app@sha256:xmrig', 'nvcr.io/nvidia/pytorch:24.01-py3']) {
			assert.equal(minerInImage(text), undefined, text);
		}
	});

	it('finds Stratum URLs and pool hosts, not look-alike domains', () => {
		const text = 'a stratum+tcp://pool.supportxmr.com:3333, stratum2+ssl://x.f2pool.com b eth-eu1.nanopool.org:9433';
		assert.deepEqual([...text.matchAll(STRATUM_URL)].map(match => match[0]), ['stratum+tcp://pool.supportxmr.com:3333', 'stratum2+ssl://x.f2pool.com']);
		assert.deepEqual([...text.matchAll(POOL_HOST)].map(match => match[0]), ['pool.supportxmr.com:3333', 'x.f2pool.com', 'eth-eu1.nanopool.org:9433']);
		assert.deepEqual([...'-o stratum+tcp://${var.host}:${var.port} -u x'.matchAll(STRATUM_URL)].map(match => match[0]), ['stratum+tcp://${var.host}:${var.port}']);
		for (const lookAlike of ['nanopool.org.example.com', 'notnanopool.org', 'f2pool.community', 'my-2miners.com-mirror.net']) {
			assert.deepEqual([...lookAlike.matchAll(POOL_HOST)], [], lookAlike);
		}
	});
});
