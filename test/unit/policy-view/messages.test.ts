import * as assert from 'node:assert/strict';
import { describeRejected, parsePanelState, parseViewMessage } from '../../../src/extension/policy-view/messages';

describe('AUP view messages', () => {
	it('accepts each known shape', () => {
		assert.deepEqual(parseViewMessage({ type: 'ready' }), { type: 'ready' });
		assert.deepEqual(parseViewMessage({ type: 'openPolicy' }), { type: 'openPolicy' });
		assert.deepEqual(parseViewMessage({ type: 'openSettings' }), { type: 'openSettings' });
		assert.deepEqual(parseViewMessage({ type: 'report' }), { type: 'report' });
		assert.deepEqual(parseViewMessage({ type: 'reveal', findingId: 'f12' }), { type: 'reveal', findingId: 'f12' });
		const rendered = { items: [{ id: 'backups', status: 'findings', findings: 3, links: ['f1', 'f2', 'f3'] }], source: 'open-documents', highlighted: 'item-backups' };
		assert.deepEqual(parseViewMessage({ type: 'state', requestId: 4, rendered }), { type: 'state', requestId: 4, rendered });
	});

	it('rejects unknown types, extra keys and wrong value types', () => {
		for (const message of [
			undefined, null, 'ready', 42, [], {}, { type: 'eval' }, { type: 'ready', extra: 1 },
			{ type: 'reveal' }, { type: 'reveal', findingId: 7 }, { type: 'reveal', findingId: '../../etc/passwd' },
			{ type: 'reveal', findingId: 'F1' }, { type: 'reveal', findingId: 'f1', file: '/etc/passwd' },
			{ type: 'openPolicy', url: 'https://evil.example' },
			{ type: 'state', requestId: 1.5, rendered: { items: [], source: '' } },
			{ type: 'state', requestId: 1, rendered: { items: [{ id: 'a', status: 'clear', findings: -1, links: [] }], source: '' } },
			{ type: 'state', requestId: 1, rendered: { items: [], source: '', highlighted: '<b>' } },
			{ type: 'state', requestId: 1, rendered: { items: [], source: '', extra: true } },
			{ type: 'state', requestId: 1, rendered: { items: [{ id: 'a', status: 'clear', findings: 1, links: ['<f1>'] }], source: '' } },
			{ type: 'state', requestId: 1, rendered: { items: [{ id: 'a', status: 'clear', findings: 1 }], source: '' } },
			{ type: 'state', requestId: 1, rendered: { items: new Array(201).fill({ id: 'a', status: 'clear', findings: 0, links: [] }), source: '' } },
		]) {
			assert.equal(parseViewMessage(message), undefined, JSON.stringify(message));
		}
	});

	it('does not read inherited properties as message fields', () => {
		const message = Object.create({ type: 'ready' }) as object;
		assert.equal(parseViewMessage(message), undefined);
	});

	it('keeps only a valid anchor from the saved panel state', () => {
		assert.deepEqual(parsePanelState({ anchor: 'section-4' }), { anchor: 'section-4' });
		assert.deepEqual(parsePanelState({ anchor: 'x" onload="y' }), {});
		assert.deepEqual(parsePanelState(undefined), {});
		assert.deepEqual(parsePanelState({ anchor: 'section-4', secret: 'kept?' }), { anchor: 'section-4' });
	});

	it('describes a rejected message without echoing its values', () => {
		const description = describeRejected({ type: 'reveal', findingId: 'AKIAIOSFODNN7EXAMPLE' });
		assert.match(description, /'reveal'/);
		assert.doesNotMatch(description, /AKIA/);
		assert.equal(describeRejected(null), 'a null instead of an object');
	});
});
