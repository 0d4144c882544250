import * as assert from 'node:assert/strict';
import { decideOrgRules } from '../../../src/extension/org-rules/trust';

describe('organisation rules and workspace trust', () => {
	it('loads the rules in a trusted workspace, without a message', () => {
		assert.deepEqual(decideOrgRules({ trusted: true, hasRulesFile: true, notified: false }), { load: true, notify: false });
		assert.deepEqual(decideOrgRules({ trusted: true, hasRulesFile: false, notified: false }), { load: true, notify: false });
	});

	it('keeps them off in an untrusted workspace and says so once, only when there is a file', () => {
		assert.deepEqual(decideOrgRules({ trusted: false, hasRulesFile: true, notified: false }), { load: false, notify: true });
		assert.deepEqual(decideOrgRules({ trusted: false, hasRulesFile: true, notified: true }), { load: false, notify: false });
		assert.deepEqual(decideOrgRules({ trusted: false, hasRulesFile: false, notified: false }), { load: false, notify: false });
	});
});
