// The Debian packages the code-server recipe needs (../shared/notes/real-vscode-here.md).
// Each is detected by the file that the recipe actually uses, not by asking dpkg, so a
// machine that has them from elsewhere (another distro, a hand-built tool) also passes.
import { existsSync } from 'node:fs';
import { log, run, which } from '../lib/exec.mjs';

const REQUIREMENTS = [
	// kerberos (a code-server native module) includes gssapi/gssapi.h
	{ pkg: 'libkrb5-dev', why: 'headers for the kerberos native module', present: () => existsSync('/usr/include/gssapi/gssapi.h') },
	{ pkg: 'pkg-config', why: 'used by the kerberos build', present: () => Boolean(which('pkg-config')) },
	// @vscode/ripgrep's own postinstall downloads from GitHub, which is closed here
	{ pkg: 'ripgrep', why: 'rg for VS Code search', present: () => Boolean(which('rg')) },
	{ pkg: 'python3', why: 'node-gyp', present: () => Boolean(which('python3')) },
	{ pkg: 'make', why: 'node-gyp', present: () => Boolean(which('make')) },
	{ pkg: 'g++', why: 'node-gyp', present: () => Boolean(which('g++')) },
	// the integration runner launches exactly this path
	{ pkg: 'chromium', why: 'headless browser for the integration tests', present: () => existsSync('/usr/bin/chromium'), browser: true },
];

/**
 * Makes sure the system packages are there; as root with apt-get it installs the missing ones,
 * otherwise it fails naming them, so nobody has to guess from a node-gyp error.
 */
export function ensureSystemPackages({ browser = true } = {}) {
	const missing = REQUIREMENTS.filter(req => (browser || !req.browser) && !req.present());
	if (missing.length === 0) {
		return;
	}
	const names = missing.map(req => req.pkg);
	const canInstall = process.getuid?.() === 0 && Boolean(which('apt-get'));
	if (!canInstall) {
		const lines = missing.map(req => `  ${req.pkg}: ${req.why}`).join('\n');
		throw new Error(
			`missing system packages:\n${lines}\n` +
			`install them, for example: sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
		);
	}
	log(`installing system packages: ${names.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run('apt-get', ['update'], { env });
	run('apt-get', ['install', '-y', '--no-install-recommends', ...names], { env });
	const stillMissing = missing.filter(req => !req.present()).map(req => req.pkg);
	if (stillMissing.length > 0) {
		throw new Error(`apt-get reported success but these are still missing: ${stillMissing.join(' ')}`);
	}
}
