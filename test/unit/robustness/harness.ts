import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { FORMATS, type Format, type ScanResult } from '../../../src/engine/index';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ValueNode } from '../../../src/engine/model/nodes';
import type { Parser } from '../../../src/engine/parse/parser';
import { createParsers } from '../../../src/engine/parse/registry';
import { createNodeHost } from '../../../src/platform/node-host';
import { testEngine } from '../helpers/engine';

/**
 * Shared by the robustness suites: one engine, a fixed seed for every property (so a failure
 * names a run anyone can replay), and the checks every scan result must pass whatever the input.
 */
export const SEED = 20260601;

/** fast-check parameters: deterministic, and a failing input is printed with its seed and path. */
export function runs(numRuns: number): fc.Parameters<unknown> {
	return { seed: SEED, numRuns, verbose: fc.VerbosityLevel.Verbose };
}

const parsers = createParsers(createNodeHost());

/** The formats that have a parser today; the rest are skipped by the engine with a note. */
export const PARSED_FORMATS: readonly Format[] = FORMATS.filter(format => parsers[format] !== undefined);

/** The parser of a format, for tests that count what a parse produced. */
export function parserFor(format: Format): Parser {
	const parser = parsers[format];
	assert.ok(parser, `no parser for ${format}`);
	return parser;
}

export async function parseAs(format: Format, path: string, text: string): Promise<ParsedFile> {
	return parserFor(format).parse({ path, text });
}

/** A file name the engine detects as each format by name (or by name and content, for YAML and JSON). */
export const NAME_OF: Readonly<Record<Format, string>> = {
	terraform: 'main.tf',
	'terraform-json': 'main.tf.json',
	cloudformation: 'template.yaml',
	kubernetes: 'deploy.yaml',
	compose: 'docker-compose.yml',
	dockerfile: 'Dockerfile',
	arm: 'azuredeploy.json',
	bicep: 'main.bicep',
	'cloud-init': 'user-data.yaml',
	shell: 'bootstrap.sh',
};

/** Scans on a fixed date, as the rule tests do. */
export function scan(path: string, text: string, format?: Format): Promise<ScanResult> {
	return testEngine().scan({ path, text, format }, { today: '2026-06-01' });
}

/**
 * What every scan must give, whatever the input: no parser or rule crashed, a run to the end (not
 * cancelled), and every range inside the text.
 */
export function assertSound(result: ScanResult, text: string, what: string): void {
	assert.deepEqual(result.errors.map(error => `${error.ruleId ?? 'parser'}: ${error.message}\n${error.stack ?? ''}`), [], what);
	assert.equal(result.cancelled, false, what);
	const lines = text.split(/\r\n|\r|\n/);
	const inText = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, kind: string): void => {
		for (const position of [range.start, range.end]) {
			assert.ok(position.line >= 0 && position.line < lines.length, `${what}: ${kind} line ${position.line} of ${lines.length}`);
			assert.ok(position.character >= 0 && position.character <= lines[position.line].length, `${what}: ${kind} character ${position.character} on line ${position.line}`);
		}
		assert.ok(range.start.line < range.end.line || range.start.line === range.end.line && range.start.character <= range.end.character, `${what}: ${kind} range reversed`);
	};
	result.findings.forEach(finding => {
		inText(finding.range, finding.ruleId);
		finding.fixes.forEach(fix => fix.edits.forEach(edit => inText(edit.range, `${finding.ruleId} fix`)));
	});
	result.notes.forEach(note => inText(note.range, 'note'));
}

/** Values in a model counted as a rule walking it would see them (an expanded alias counts again); stops at `limit`. */
export function modelSize(file: ParsedFile, limit = 10_000_000): number {
	let count = 0;
	const stack: ValueNode[] = [...file.roots];
	for (let node = stack.pop(); node && count < limit; node = stack.pop()) {
		count++;
		if (node.kind === 'object') {
			node.entries.forEach(entry => stack.push(entry.value));
		} else if (node.kind === 'array') {
			stack.push(...node.items);
		} else if (node.kind === 'expression') {
			stack.push(...node.parts);
		}
	}
	return count;
}

export interface Fixture {
	readonly name: string;
	readonly text: string;
}

const FIXTURE_ROOT = path.join(__dirname, '../../../../test/fixtures');

/** Every fixture the engine recognises, by its path under test/fixtures (sorted, so runs are stable). */
export function recognisedFixtures(): Fixture[] {
	const engine = testEngine();
	return walk(FIXTURE_ROOT)
		.map(file => ({ name: path.relative(FIXTURE_ROOT, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }))
		.filter(fixture => engine.formatOf(fixture.name, fixture.text) !== undefined)
		.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function walk(folder: string): string[] {
	return readdirSync(folder).flatMap(name => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}
