import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AUP_SECTIONS, CATEGORIES } from '../../../src/engine/finding';
import { AUP_SUMMARY, findSection, findSummaryItem, itemForCategory, summaryItems } from '../../../src/engine/policy/aup-summary';

/** The policy as published, kept next to the test so the "own words" check has something to compare with. */
const POLICY = readFileSync(path.resolve(__dirname, '../../../../test/unit/policy/acceptable-use-policy.txt'), 'utf8');

describe('AUP summary', () => {
	it('covers sections 1 to 7 once each, in order', () => {
		assert.deepEqual(AUP_SUMMARY.sections.map(section => section.number), [...AUP_SECTIONS]);
		assert.equal(new Set(AUP_SUMMARY.sections.map(section => section.id)).size, AUP_SECTIONS.length);
		for (const section of AUP_SUMMARY.sections) {
			assert.ok(section.title.length > 0 && section.summary.length > 0, section.id);
			assert.ok(POLICY.includes(`${section.number}. `), `section ${section.number} exists in the policy`);
		}
	});

	it('groups section 3 as the policy does and lists every responsibility of section 4 and expectation of section 5', () => {
		assert.deepEqual(findSection('3')?.items.map(item => item.id), ['illegal-harmful', 'platform-abuse', 'security-violations']);
		assert.deepEqual(findSection('4')?.items.map(item => item.id), ['credentials', 'mfa', 'review', 'monitoring-cost', 'report', 'provider-terms', 'backups']);
		assert.equal(findSection('5')?.items.length, 3);
		assert.equal(findSection('2')?.points.length, 4);
		assert.equal(findSection('6')?.points.length, 5);
		for (const group of findSection('3')?.items ?? []) {
			assert.ok(group.points.length >= 4, `${group.id} lists what falls in it`);
		}
	});

	it('gives every item a unique id, its own section, a summary and an honest note about what files cannot show', () => {
		const items = summaryItems();
		assert.equal(new Set(items.map(item => item.id)).size, items.length);
		for (const section of AUP_SUMMARY.sections) {
			for (const item of section.items) {
				assert.equal(item.section, section.number, item.id);
				assert.ok(item.summary.length > 10 && item.outsideFiles.length > 10, item.id);
				assert.equal(item.categories.length > 0, item.checksFor !== undefined, `${item.id}: checksFor exactly when a category bears on it`);
			}
		}
		assert.match(findSummaryItem('mfa')?.outsideFiles ?? '', /outside these files/);
	});

	it('attributes every finding category to exactly one item', () => {
		for (const category of CATEGORIES) {
			const owners = summaryItems().filter(item => item.categories.includes(category));
			assert.equal(owners.length, 1, `${category} belongs to ${owners.map(item => item.id).join(', ') || 'nothing'}`);
		}
		assert.equal(itemForCategory('mining')?.id, 'illegal-harmful');
		assert.equal(itemForCategory('attack-tooling')?.id, 'illegal-harmful');
		assert.equal(itemForCategory('malicious-code')?.id, 'security-violations');
		assert.equal(itemForCategory('credentials')?.id, 'credentials');
		assert.equal(itemForCategory('backup-recovery')?.id, 'backups');
	});

	it('names the reporting addresses of section 7', () => {
		assert.deepEqual(AUP_SUMMARY.contacts, { abuse: 'abuse@autoscalr.com', security: 'security@autoscalr.com' });
		assert.ok(POLICY.includes(AUP_SUMMARY.contacts.abuse) && POLICY.includes(AUP_SUMMARY.contacts.security));
	});

	it('is written in its own words: no run of six words is copied from the policy', () => {
		const policyRuns = new Set(runsOfWords(POLICY, 6));
		const ours = AUP_SUMMARY.sections.flatMap(section => [
			section.summary, ...section.points,
			...section.items.flatMap(item => [item.title, item.summary, ...item.points, item.checksFor ?? '', item.outsideFiles]),
		]);
		for (const text of ours) {
			const copied = runsOfWords(text, 6).filter(run => policyRuns.has(run));
			assert.deepEqual(copied, [], text);
		}
	});
});

function runsOfWords(text: string, length: number): string[] {
	const words = text.toLowerCase().replace(/[^a-z0-9@.\s-]/g, ' ').split(/\s+/).filter(Boolean);
	const runs: string[] = [];
	for (let i = 0; i + length <= words.length; i++) {
		runs.push(words.slice(i, i + length).join(' '));
	}
	return runs;
}
