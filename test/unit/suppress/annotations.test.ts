import * as assert from 'node:assert/strict';
import type { Resource } from '../../../src/engine/model/file';
import type { StringNode } from '../../../src/engine/model/nodes';
import { applySuppressions, directiveProblems, directivesOf } from '../../../src/engine/suppress/index';
import { Source } from './build';

const context = { knownRuleIds: new Set(['AUP-NET-001', 'AUP-NET-002', 'AUP-SEC-001', 'AUP-SUP-001']), today: '2026-06-01' };

describe('suppression by Kubernetes annotation (hand-built model)', () => {
	const source = new Source([
		'apiVersion: v1', // 0
		'kind: Service', // 1
		'metadata:', // 2
		'  name: ssh-gateway', // 3
		'  annotations:', // 4
		'    aup-guard.autoscalr.com/ignore: |', // 5
		'      AUP-NET-001: on-call SSH gateway behind an IP allow-list until=2027-03-31', // 6
		'      AUP-NET-002: same gateway', // 7
		'spec:', // 8
		'  type: LoadBalancer', // 9
		'  ports:', // 10
		'    - port: 22', // 11
		'---', // 12
		'apiVersion: apps/v1', // 13
		'kind: Deployment', // 14
		'metadata:', // 15
		'  name: web', // 16
		'  annotations:', // 17
		'    aup-guard.autoscalr.com/ignore: "AUP-SEC-001: demo credentials; AUP-NET-001: reviewed until=2026-01-01"', // 18
		'    aup-guard.autoscalr.com/ignored: "AUP-NET-002: misspelt key"', // 19
		'spec:', // 20
		'  template:', // 21
		'    metadata:', // 22
		'      annotations:', // 23
		'        aup-guard.autoscalr.com/ignore: "AUP-NET-002: pod template only"', // 24
		'    spec:', // 25
		'      containers:', // 26
		'        - image: nginx:1.27', // 27
		'          ports:', // 28
		'            - containerPort: 22', // 29
		'', // 30
	].join('\n'));

	const first = source.find('AUP-NET-001: on-call SSH gateway behind an IP allow-list until=2027-03-31');
	const second = source.find('AUP-NET-002: same gateway');
	const lines = [source.text.slice(first.start, first.end), source.text.slice(second.start, second.end)];
	const blockScalar: StringNode = {
		kind: 'string', span: { start: source.find('|').start, end: second.end + 1 }, value: `${lines[0]}\n${lines[1]}\n`, isLiteral: true,
		map: { segments: [
			{ valueStart: 0, sourceStart: first.start, length: lines[0].length + 1 },
			{ valueStart: lines[0].length + 1, sourceStart: second.start, length: lines[1].length + 1 },
		] },
	};
	const service = source.obj({ start: 0, end: source.find('---').start - 1 },
		source.entry('metadata', source.obj(source.block('metadata:'),
			source.entry('annotations', source.obj(source.block('aup-guard.autoscalr.com/ignore: |'),
				source.entry('aup-guard.autoscalr.com/ignore', blockScalar))))),
		source.entry('spec', source.obj(source.block('spec:'),
			source.entry('port', { kind: 'number', span: source.find('22'), value: 22 }))));
	const templateAnnotations = source.obj(source.block('annotations:', 2),
		source.entry('aup-guard.autoscalr.com/ignore', source.str('"AUP-NET-002: pod template only"'), 3));
	const podTemplate = source.obj(source.block('template:'),
		source.entry('metadata', source.obj(source.block('metadata:', 2), source.entry('annotations', templateAnnotations, 2)), 2));
	const deploymentAnnotations = source.obj(source.block('annotations:', 1),
		source.entry('aup-guard.autoscalr.com/ignore', source.str('"AUP-SEC-001: demo credentials; AUP-NET-001: reviewed until=2026-01-01"'), 1),
		source.entry('aup-guard.autoscalr.com/ignored', source.str('"AUP-NET-002: misspelt key"')));
	const deployment = source.obj({ start: source.find('apiVersion: apps/v1').start, end: source.text.length },
		source.entry('metadata', source.obj(source.block('metadata:', 1), source.entry('annotations', deploymentAnnotations, 1)), 1),
		source.entry('spec', source.obj(source.block('spec:', 1), source.entry('template', podTemplate)), 1));
	const resources: Resource[] = [
		{ type: 'Service', name: 'ssh-gateway', span: service.span, headerSpan: source.find('kind: Service'), body: service },
		{ type: 'Deployment', name: 'web', span: deployment.span, headerSpan: source.find('kind: Deployment'), body: deployment },
	];
	const file = source.parsed('kubernetes', [service, deployment], resources);
	const textOf = (span: { start: number; end: number }) => source.text.slice(span.start, span.end);

	it('reads one directive per line of a block scalar and per ; of a string', () => {
		assert.deepEqual(directivesOf(file).map(directive => textOf(directive.span)), [
			'AUP-NET-001: on-call SSH gateway behind an IP allow-list until=2027-03-31',
			'AUP-NET-002: same gateway',
			'AUP-SEC-001: demo credentials',
			'AUP-NET-001: reviewed until=2026-01-01',
			'aup-guard.autoscalr.com/ignored',
			'AUP-NET-002: pod template only',
		]);
	});

	it('suppresses findings anywhere in the annotated object, and only there', () => {
		const findings = [
			source.finding('AUP-NET-001', source.find('- port: 22')),
			source.finding('AUP-NET-002', source.find('kind: Service')),
			source.finding('AUP-SEC-001', source.find('- port: 22')),
			source.finding('AUP-SEC-001', source.find('nginx:1.27')),
		];
		assert.deepEqual(applySuppressions(file, findings, context).map(finding => finding.suppressed), [
			{ reason: 'on-call SSH gateway behind an IP allow-list', until: '2027-03-31' },
			{ reason: 'same gateway' },
			undefined,
			{ reason: 'demo credentials' },
		]);
	});

	it('does not apply an expired annotation directive, and reports it at its text', () => {
		const [finding] = applySuppressions(file, [source.finding('AUP-NET-001', source.find('apiVersion: apps/v1'))], context);
		assert.equal(finding.suppressed, undefined);
		const expired = directivesOf(file)[3];
		assert.match(directiveProblems(expired, context).join(), /expired after 2026-01-01/);
	});

	it('reports a misspelt annotation key instead of ignoring it', () => {
		assert.match(directiveProblems(directivesOf(file)[4], context).join(), /'aup-guard.autoscalr.com\/ignored' is not read by AUP Guard.*use the key aup-guard.autoscalr.com\/ignore/);
	});

	it('scopes a pod template annotation to the template', () => {
		const findings = [source.finding('AUP-NET-002', source.find('containerPort: 22')), source.finding('AUP-NET-002', source.find('name: web'))];
		assert.deepEqual(applySuppressions(file, findings, context).map(finding => finding.suppressed?.reason), ['pod template only', undefined]);
	});

	it('reports an annotation that is not a string, or is empty', () => {
		const text = 'metadata:\n  annotations:\n    aup-guard.autoscalr.com/ignore: ""\n';
		const other = new Source(text);
		const empty = other.parsed('kubernetes', [other.obj({ start: 0, end: text.length },
			other.entry('metadata', other.obj(other.block('annotations:'),
				other.entry('annotations', other.obj(other.block('aup-guard.autoscalr.com/ignore'),
					other.entry('aup-guard.autoscalr.com/ignore', other.str('""')))))))]);
		assert.match(directivesOf(empty).flatMap(directive => directiveProblems(directive, context)).join(), /annotation is empty/);
		const notString = other.parsed('kubernetes', [other.obj({ start: 0, end: text.length },
			other.entry('metadata', other.obj(other.block('annotations:'),
				other.entry('annotations', other.obj(other.block('aup-guard.autoscalr.com/ignore'),
					other.entry('aup-guard.autoscalr.com/ignore', { kind: 'null', span: other.find('""') }))))))]);
		assert.match(directivesOf(notString).flatMap(directive => directiveProblems(directive, context)).join(), /must be a string/);
	});
});
