import * as assert from 'node:assert/strict';
import { activeFindings, WorkspaceFindings } from '../../../src/extension/workspace/findings-store';
import { finding } from './findings-helpers';

describe('WorkspaceFindings', () => {
	it('keeps one entry per URI, clean files included, and reports each change', () => {
		const store = new WorkspaceFindings<string>();
		const changes: (readonly string[])[] = [];
		const subscription = store.onDidChange(changed => changes.push(changed));
		store.set({ uri: 'file:///w/a.tf', findings: [finding('AUP-NET-001', 3)], origin: 'disk' });
		store.set({ uri: 'file:///w/b.tf', findings: [], origin: 'disk' });
		store.set({ uri: 'file:///w/a.tf', findings: [], origin: 'editor' });
		assert.equal(store.size, 2);
		assert.equal(store.get('file:///w/a.tf')?.origin, 'editor');
		store.delete('file:///w/missing.tf');
		store.delete('file:///w/b.tf');
		subscription.dispose();
		store.delete('file:///w/a.tf');
		assert.deepEqual(changes, [['file:///w/a.tf'], ['file:///w/b.tf'], ['file:///w/a.tf'], ['file:///w/b.tf']]);
	});

	it('drops rejected entries with a single change event', () => {
		const store = new WorkspaceFindings<string>();
		for (const name of ['a', 'b', 'c']) {
			store.set({ uri: `file:///w/${name}.tf`, findings: [], origin: name === 'b' ? 'editor' : 'disk' });
		}
		const changes: (readonly string[])[] = [];
		store.onDidChange(changed => changes.push(changed));
		store.retain(entry => entry.origin === 'editor');
		assert.deepEqual(store.all().map(entry => entry.uri), ['file:///w/b.tf']);
		assert.deepEqual(changes, [['file:///w/a.tf', 'file:///w/c.tf']]);
		store.retain(() => true);
		assert.equal(changes.length, 1, 'nothing removed, nothing fired');
	});

	it('counts only unsuppressed findings as active', () => {
		const entry = {
			uri: 'x',
			origin: 'disk' as const,
			findings: [finding('AUP-NET-001', 1), finding('AUP-NET-002', 2, 'warning', { suppressed: { reason: 'bastion' } })],
		};
		assert.deepEqual(activeFindings(entry).map(item => item.ruleId), ['AUP-NET-001']);
		assert.deepEqual(activeFindings(undefined), []);
	});
});
