// Installs the project's npm dependencies when they are missing or older than the lockfile,
// so `npm test` and `npm start` work on a fresh clone with no other step.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { log, nestedNpmEnv, run } from './exec.mjs';

/**
 * npm writes node_modules/.package-lock.json on every install; when the lockfile is newer
 * (a pull changed dependencies) or that file is missing, `npm ci` brings node_modules in line.
 */
export function ensureNodeModules(root) {
	const lock = join(root, 'package-lock.json');
	const installed = join(root, 'node_modules', '.package-lock.json');
	if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
		return;
	}
	log(existsSync(installed) ? 'package-lock.json changed since the last install: npm ci' : 'node_modules is missing: npm ci');
	run('npm', ['ci'], { cwd: root, env: nestedNpmEnv() });
}

/** A tool from node_modules/.bin: no npx, so nothing is ever fetched on the fly. */
export function localBin(root, name) {
	const bin = join(root, 'node_modules', '.bin', name);
	if (!existsSync(bin)) {
		throw new Error(`${bin} is missing; is it in package.json's devDependencies?`);
	}
	return bin;
}
