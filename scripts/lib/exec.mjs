// Small process helpers shared by the install, test and start scripts. Plain Node only:
// these scripts must run on a fresh clone before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A command that exited badly; the message names the command so a CI log shows what broke. */
export class CommandError extends Error {
	constructor(command, cwd, detail) {
		super(`command failed (${detail}): ${command}\n  in ${cwd}`);
		this.name = 'CommandError';
	}
}

export function log(message) {
	process.stdout.write(`[aup-guard] ${message}\n`);
}

/** Runs a command with inherited output, echoing it first, and throws when it fails. */
export function run(command, args, options = {}) {
	const cwd = options.cwd ?? process.cwd();
	const shown = [command, ...args].map(quote).join(' ');
	process.stdout.write(`$ ${shown}${options.cwd ? `   (in ${cwd})` : ''}\n`);
	const result = spawnSync(command, args, {
		cwd,
		env: options.env ?? process.env,
		stdio: 'inherit',
	});
	if (result.error) {
		throw new CommandError(shown, cwd, result.error.message);
	}
	if (result.status !== 0) {
		throw new CommandError(shown, cwd, result.signal ? `signal ${result.signal}` : `exit code ${result.status}`);
	}
}

/** The absolute path of an executable on PATH, or undefined. */
export function which(name) {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (!dir) {
			continue;
		}
		const candidate = join(dir, name);
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// not in this directory
		}
	}
	return undefined;
}

/**
 * The environment for a nested npm. When these scripts run under `npm test`, npm exports its
 * own project's location (npm_config_local_prefix) and lifecycle variables; a nested npm that
 * works on another prefix must not inherit them. Registry, cache and CA settings stay.
 */
export function nestedNpmEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key === 'npm_config_local_prefix' || key.startsWith('npm_lifecycle_') || key.startsWith('npm_package_')) {
			continue;
		}
		env[key] = value;
	}
	return { ...env, ...extra };
}

function quote(word) {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
