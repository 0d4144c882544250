#!/usr/bin/env node
// Writes docs/rules.md from the rules' metadata, through the compiled engine in out/ (run
// `npx tsc -p .` first). With --check it writes nothing and exits 1 when the file is stale, so a
// rule's documentation lives in one place: its definition.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'rules.md');

let engine;
try {
	engine = {
		...require(path.join(root, 'out/src/engine/rules/index.js')),
		...require(path.join(root, 'out/src/engine/rules/docs.js')),
	};
} catch (error) {
	console.error(`Cannot load the compiled rules (${error.message}); run \`npx tsc -p .\` first.`);
	process.exit(2);
}

const markdown = engine.allRulesMarkdown(engine.BUILTIN_RULES);
if (process.argv.includes('--check')) {
	const current = await readFile(target, 'utf8').catch(() => '');
	if (current !== markdown) {
		console.error('docs/rules.md is out of date: run `node scripts/generate-rule-docs.mjs`.');
		process.exit(1);
	}
	console.log('docs/rules.md is up to date.');
} else {
	await mkdir(path.dirname(target), { recursive: true });
	await writeFile(target, markdown);
	console.log(`Wrote ${path.relative(root, target)} (${engine.BUILTIN_RULES.length} rules).`);
}
