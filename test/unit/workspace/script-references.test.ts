import * as assert from 'node:assert/strict';
import type { Range } from '../../../src/engine/index';
import { ScriptReferences, type ReferenceChange } from '../../../src/extension/workspace/script-references';

// Which Terraform files read which scripts, keyed by plain strings here as by URIs in the editor.

function at(line: number, character = 14, length = 26): Range {
	return { start: { line, character }, end: { line, character: character + length } };
}

describe('script references', () => {
	let references: ScriptReferences<string>;
	let changes: ReferenceChange<string>[];

	beforeEach(() => {
		references = new ScriptReferences<string>();
		changes = [];
		references.onDidChange(change => changes.push(change));
	});

	it('says which scripts gained their first reader and where each is read', () => {
		references.update('infra/main.tf', [{ script: 'infra/bootstrap', range: at(3) }, { script: 'infra/userdata.txt', range: at(9) }]);
		assert.deepEqual(changes, [{ added: ['infra/bootstrap', 'infra/userdata.txt'], removed: [], moved: [] }]);
		assert.ok(references.has('infra/bootstrap'));
		assert.ok(!references.has('infra/main.tf'), 'a reader is not a script');
		assert.deepEqual(references.referrals('infra/bootstrap'), [{ referrer: 'infra/main.tf', range: at(3) }]);
		assert.deepEqual(references.scripts().sort(), ['infra/bootstrap', 'infra/userdata.txt']);
	});

	it('stays quiet when a rescan reads the same scripts from the same places', () => {
		references.update('main.tf', [{ script: 'bootstrap', range: at(3) }]);
		references.update('main.tf', [{ script: 'bootstrap', range: at(3) }]);
		assert.equal(changes.length, 1);
	});

	it('reports a script read from elsewhere as moved: lines added above the call, a second reader, the same script twice', () => {
		references.update('main.tf', [{ script: 'bootstrap', range: at(3) }]);
		references.update('main.tf', [{ script: 'bootstrap', range: at(5) }]);
		references.update('workers.tf', [{ script: 'bootstrap', range: at(1) }]);
		references.update('main.tf', [{ script: 'bootstrap', range: at(5) }, { script: 'bootstrap', range: at(12) }]);
		assert.deepEqual(changes.slice(1), [
			{ added: [], removed: [], moved: ['bootstrap'] },
			{ added: [], removed: [], moved: ['bootstrap'] },
			{ added: [], removed: [], moved: ['bootstrap'] },
		]);
		assert.deepEqual(references.referrals('bootstrap'), [
			{ referrer: 'main.tf', range: at(5) },
			{ referrer: 'main.tf', range: at(12) },
			{ referrer: 'workers.tf', range: at(1) },
		]);
	});

	it('removes a script only when its last reader stops reading it', () => {
		references.update('main.tf', [{ script: 'bootstrap', range: at(3) }]);
		references.update('workers.tf', [{ script: 'bootstrap', range: at(1) }]);
		references.update('main.tf', []);
		assert.deepEqual(changes.at(-1), { added: [], removed: [], moved: ['bootstrap'] });
		assert.ok(references.has('bootstrap'));
		references.update('workers.tf', []);
		assert.deepEqual(changes.at(-1), { added: [], removed: ['bootstrap'], moved: [] });
		assert.ok(!references.has('bootstrap'));
		assert.deepEqual(references.referrals('bootstrap'), []);
		assert.deepEqual(references.scripts(), []);
	});

	it('swaps one script for another in one change, and ignores readers that never read anything', () => {
		references.update('notes.tf', []);
		assert.deepEqual(changes, []);
		references.update('main.tf', [{ script: 'old/boot', range: at(3) }]);
		references.update('main.tf', [{ script: 'new/boot', range: at(3) }]);
		assert.deepEqual(changes.at(-1), { added: ['new/boot'], removed: ['old/boot'], moved: [] });
	});

	it('stops telling a listener that disposed of its subscription', () => {
		const heard: ReferenceChange<string>[] = [];
		const subscription = references.onDidChange(change => heard.push(change));
		subscription.dispose();
		references.update('main.tf', [{ script: 'bootstrap', range: at(3) }]);
		assert.deepEqual(heard, []);
	});
});
