import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '../../..');

/** The lint rule that keeps the engine free of `vscode` and Node must really fire. */
describe('architecture lint', () => {
	const eslint = new ESLint({ cwd: repoRoot });

	async function importErrors(filePath: string, source: string): Promise<string[]> {
		const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, filePath) });
		return result.messages.filter(message => message.ruleId === 'no-restricted-imports').map(message => message.message);
	}

	it('rejects a vscode import under src/engine', async () => {
		const errors = await importErrors('src/engine/rules/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
		assert.equal(errors.length, 1);
		assert.match(errors[0], /no vscode import/);
	});

	it('rejects Node built-ins under src/engine', async () => {
		const errors = await importErrors('src/engine/parse/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n");
		assert.equal(errors.length, 1);
	});

	it('allows vscode in the extension adapters', async () => {
		const errors = await importErrors('src/extension/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
		assert.deepEqual(errors, []);
	});
});
