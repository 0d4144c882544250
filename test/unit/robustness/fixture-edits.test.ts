import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { assertSound, recognisedFixtures, runs, scan, type Fixture } from './harness';

/**
 * Realistic files cut and mistyped the way an editor sees them mid-edit: every fixture the engine
 * recognises, truncated at a random point or with one character inserted, deleted or replaced.
 */

const FIXTURES = recognisedFixtures();

/** Characters that change the structure of some format when typed in the wrong place. */
const TYPED = ['"', '\'', '{', '}', '[', ']', '(', ')', ':', '=', ',', '#', '\n', ' ', '\t', '\\', '$', '<', '-', '|', '&', '*', '!', 'x', '0', 'é'];

const fixtureAndPoint = fc.constantFrom(...FIXTURES).chain(fixture =>
	fc.tuple(fc.constant(fixture), fc.integer({ min: 0, max: fixture.text.length })));

type Edit = 'insert' | 'delete' | 'replace';

function edit(fixture: Fixture, at: number, kind: Edit, char: string): string {
	const { text } = fixture;
	switch (kind) {
		case 'insert': return text.slice(0, at) + char + text.slice(at);
		case 'delete': return text.slice(0, at) + text.slice(at + 1);
		case 'replace': return text.slice(0, at) + char + text.slice(at + 1);
	}
}

describe('robustness: realistic files cut and mistyped', function () {
	// Hundreds of scans: room for a busy CI machine, not a speed limit.
	this.timeout(120_000);
	it('has fixtures of every kind to work on', () => {
		// A rename of the fixtures folder must not leave these properties testing nothing.
		assert.ok(FIXTURES.length >= 25, `${FIXTURES.length} fixtures`);
		for (const suffix of ['.tf', '.tf.json', '.yaml', '.json']) {
			assert.ok(FIXTURES.some(fixture => fixture.name.endsWith(suffix)), suffix);
		}
	});

	it('scans every fixture whole without a crash', async () => {
		for (const fixture of FIXTURES) {
			assertSound(await scan(fixture.name, fixture.text), fixture.text, fixture.name);
		}
	});

	it('scans a fixture cut off at any point', async () => {
		await fc.assert(fc.asyncProperty(fixtureAndPoint, async ([fixture, at]) => {
			const text = fixture.text.slice(0, at);
			assertSound(await scan(fixture.name, text), text, `${fixture.name} cut at ${at}`);
		}), runs(250));
	});

	it('scans a fixture with one character inserted, deleted or replaced', async () => {
		const edits = fc.tuple(fixtureAndPoint, fc.constantFrom<Edit>('insert', 'delete', 'replace'), fc.constantFrom(...TYPED));
		await fc.assert(fc.asyncProperty(edits, async ([[fixture, at], kind, char]) => {
			const text = edit(fixture, at, kind, char);
			assertSound(await scan(fixture.name, text), text, `${fixture.name}: ${kind} ${JSON.stringify(char)} at ${at}`);
		}), runs(300));
	});
});
