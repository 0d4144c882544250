import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers/index';

describe('AUP Guard in VS Code', () => {
	it('is loaded from the repository and activates', async () => {
		const extension = await activateExtension();
		assert.equal(extension.id, EXTENSION_ID);
		assert.equal(extension.isActive, true);
		// The bundle, not the TypeScript output: the test must exercise what ships.
		assert.equal(extension.packageJSON.main, './dist/extension.js');
	});

	it('runs in a VS Code that the extension supports', () => {
		const [major, minor] = vscode.version.split('.').map(Number);
		assert.ok(major > 1 || minor >= 100, `VS Code ${vscode.version} is older than engines.vscode ^1.100.0`);
	});
});
