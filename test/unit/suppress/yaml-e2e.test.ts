import * as assert from 'node:assert/strict';
import { scanWithProbes as scan, summary } from './probes';

describe('suppressions end to end: Kubernetes and Compose YAML (real parser)', function () {
	this.timeout(30000);

	it('Kubernetes: the annotation covers its object; list items and trailing comments work in YAML', async () => {
		const text = `apiVersion: v1
kind: Service
metadata:
  name: ssh-gateway
  annotations:
    aup-guard.autoscalr.com/ignore: |
      AUP-TST-002: on-call SSH gateway behind an IP allow-list until=2027-03-31
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 0.0.0.0/0
  ports:
    - name: ssh
      port: 22
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    aup-guard-ignore: "AUP-TST-001: a key, not a comment"
spec:
  template:
    spec:
      containers:
        # aup-guard-ignore AUP-TST-001: health checks come from anywhere
        - name: web
          image: nginx:1.27
          env:
            - name: ALLOWED
              value: 0.0.0.0/0
        - name: sidecar
          image: envoyproxy/envoy:v1.31
          env:
            - name: ALLOWED
              value: 0.0.0.0/0   # aup-guard-ignore AUP-TST-001: sidecar listens on localhost only
            - name: UPSTREAM
              value: 0.0.0.0/0
`;
		assert.deepEqual(summary(await scan('k8s.yaml', text)), [
			'11 AUP-TST-001',
			'14 AUP-TST-002 suppressed: on-call SSH gateway behind an IP allow-list until 2027-03-31',
			'31 AUP-TST-001 suppressed: health checks come from anywhere',
			'36 AUP-TST-001 suppressed: sidecar listens on localhost only',
			'38 AUP-TST-001',
		]);
	});

	it('Compose: an own-line comment before a service covers the whole service', async () => {
		const text = `services:
  web:
    image: nginx:1.27
    ports:
      - "0.0.0.0:8080:80"

  # aup-guard-ignore AUP-TST-001: debug service, only started on laptops
  debug:
    image: busybox:1.36
    ports:
      - "0.0.0.0:2222:22"
`;
		assert.deepEqual(summary(await scan('compose.yaml', text)), [
			'5 AUP-TST-001',
			'11 AUP-TST-001 suppressed: debug service, only started on laptops',
		]);
	});

	it('YAML: an own-line comment before a document covers that Kubernetes object only', async () => {
		const text = [
			'apiVersion: v1', 'kind: ConfigMap', 'data:', '  a: 0.0.0.0/0', '---',
			'# aup-guard-ignore AUP-TST-001: fixture data for the e2e suite',
			'apiVersion: v1', 'kind: ConfigMap', 'data:', '  a: 0.0.0.0/0', '  b: 0.0.0.0/0', '',
		].join('\n');
		assert.deepEqual(summary(await scan('config.yaml', text)), [
			'4 AUP-TST-001', '10 AUP-TST-001 suppressed: fixture data for the e2e suite', '11 AUP-TST-001 suppressed: fixture data for the e2e suite',
		]);
	});
});
