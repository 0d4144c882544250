import * as assert from 'node:assert/strict';
import { isIsoDate, parseDirectiveBody } from '../../../src/engine/suppress/syntax';

describe('suppression directive text', () => {
	const parse = (body: string) => parseDirectiveBody(body, 'comment');

	it('reads ids, reason and expiry', () => {
		assert.deepEqual(parse(' AUP-NET-001: bastion reachable only from the office VPN until=2027-03-31'), {
			ruleIds: ['AUP-NET-001'], reason: 'bastion reachable only from the office VPN', until: '2027-03-31', problems: [],
		});
	});

	it('reads several comma-separated ids and upper-cases them', () => {
		const text = parse(' aup-net-001,AUP-SEC-002 , Aup-Exe-001: lab account, torn down nightly');
		assert.deepEqual(text.ruleIds, ['AUP-NET-001', 'AUP-SEC-002', 'AUP-EXE-001']);
		assert.equal(text.reason, 'lab account, torn down nightly');
		assert.deepEqual(text.problems, []);
	});

	it('keeps colons inside the reason and collapses its whitespace', () => {
		const text = parse(' AUP-NET-001:   approved: ticket   SEC-123 ');
		assert.equal(text.reason, 'approved: ticket SEC-123');
		assert.deepEqual(text.problems, []);
	});

	it('accepts until= before the colon too, in any case', () => {
		const text = parse(' AUP-NET-001 UNTIL=2027-03-31: migration window');
		assert.deepEqual([text.ruleIds, text.reason, text.until, text.problems], [['AUP-NET-001'], 'migration window', '2027-03-31', []]);
	});

	it('reports a missing reason', () => {
		assert.match(parse(' AUP-NET-001:').problems.join(), /no reason.*'aup-guard-ignore AUP-NET-001: why this is acceptable'/);
		assert.match(parse(' AUP-NET-001: until=2027-03-31').problems.join(), /no reason/);
		assert.match(parse(' AUP-NET-001: -').problems.join(), /no reason/, 'punctuation is not a reason');
	});

	it('reports ids and reason run together without a colon, keeping the ids for the example', () => {
		const text = parse(' AUP-NET-001 bastion host');
		assert.deepEqual(text.ruleIds, ['AUP-NET-001']);
		assert.equal(text.problems.length, 1);
		assert.match(text.problems[0], /no reason.*a colon.*'aup-guard-ignore AUP-NET-001: why this is acceptable'/);
	});

	it('reports a directive with no ids', () => {
		assert.match(parse(': everything is fine').problems.join(), /names no rule/);
		assert.equal(parse('').problems.length, 1, 'a bare keyword is one problem, not several');
	});

	it('reports malformed, impossible, empty and repeated dates', () => {
		assert.match(parse(' AUP-NET-001: r until=31/03/2027').problems.join(), /until=31\/03\/2027 is not a date.*until=YYYY-MM-DD/);
		assert.match(parse(' AUP-NET-001: r until=2027-3-1').problems.join(), /is not a date/);
		assert.match(parse(' AUP-NET-001: r until=2027-02-30').problems.join(), /until=2027-02-30 is not a real day/);
		assert.match(parse(' AUP-NET-001: r until=').problems.join(), /until= has no date/);
		assert.match(parse(' AUP-NET-001: r until=2027-01-01 until=2028-01-01').problems.join(), /2 until= dates/);
	});

	it('reports an expiry written some other way, which would otherwise never expire', () => {
		assert.match(parse(' AUP-NET-001: temporary until 2027-03-31').problems.join(), /'until 2027-03-31' is not read as a date.*until=2027-03-31/);
		assert.match(parse(' AUP-NET-001: temporary, expires: 2027-03-31').problems.join(), /not read as a date/);
		assert.deepEqual(parse(' AUP-NET-001: keep until 3 services have migrated').problems, [], 'a number that is not a date is just words');
	});

	it('gives annotation-shaped examples for annotations', () => {
		assert.match(parseDirectiveBody('AUP-NET-001:', 'annotation').problems.join(), /as in 'AUP-NET-001: why this is acceptable'/);
	});

	it('knows real calendar days', () => {
		assert.equal(isIsoDate('2028-02-29'), true);
		assert.equal(isIsoDate('2027-02-29'), false);
		assert.equal(isIsoDate('2027-13-01'), false);
		assert.equal(isIsoDate('2027-03-31T00:00'), false);
	});
});
