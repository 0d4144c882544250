// Installs code-server (VS Code 1.100.3 server + web workbench) into .vscode-test/code-server,
// following ../shared/notes/real-vscode-here.md step by step. VS Code desktop cannot be
// downloaded on these machines, code-server comes from npm; 4.100.3 is the last release that
// runs on Node 20. Run directly (`node scripts/code-server/install.mjs`) or import.
import { existsSync, mkdirSync, readFileSync, rmSync, copyFileSync, symlinkSync, writeFileSync, lstatSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, nestedNpmEnv, run, which } from '../lib/exec.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PREFIX = join(REPO_ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_BIN = join(PREFIX, 'node_modules', '.bin', 'code-server');

// The native modules are built against this Node's ABI, so a Node upgrade must reinstall.
const MARKER = join(PREFIX, '.aup-guard-installed');
const MARKER_TEXT = `code-server ${CODE_SERVER_VERSION} node-abi ${process.versions.modules}\n`;

const VSCODE_NATIVE_MODULES = ['kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'];

/** Installs code-server unless the marker says this exact version is already in place. */
export function installCodeServer({ browser = true } = {}) {
	ensureSystemPackages({ browser });
	if (isInstalled()) {
		log(`code-server ${CODE_SERVER_VERSION} already installed in ${PREFIX}`);
		return CODE_SERVER_BIN;
	}
	const started = Date.now();
	log(`installing code-server ${CODE_SERVER_VERSION} into ${PREFIX}`);
	rmSync(MARKER, { force: true });
	mkdirSync(PREFIX, { recursive: true });
	// Its own package.json makes the prefix an npm project root; without it npm walks up and
	// would install into the repository's node_modules.
	writeFileSync(join(PREFIX, 'package.json'), `${JSON.stringify({ name: 'aup-guard-code-server', private: true }, null, '\t')}\n`);

	// npm_config_yes: the user npmrc may say yes=false, and node-pty's rebuild runs npx.
	const env = nestedNpmEnv({ npm_config_yes: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
	// --ignore-scripts: code-server's postinstall refuses root and fetches from the network.
	run('npm', ['install', '--no-save', '--ignore-scripts', '--prefix', PREFIX, `code-server@${CODE_SERVER_VERSION}`], { cwd: PREFIX, env });

	const vscodeDir = join(PREFIX, 'node_modules', 'code-server', 'lib', 'vscode');
	run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir, env });

	// @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's instead.
	const rg = which('rg');
	if (!rg) {
		throw new Error('rg (ripgrep) is not on PATH');
	}
	const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
	mkdirSync(rgDir, { recursive: true });
	log(`copying ${rg} to ${rgDir}/rg`);
	copyFileSync(rg, join(rgDir, 'rg'));
	chmodSync(join(rgDir, 'rg'), 0o755);

	run('npm', ['rebuild', ...VSCODE_NATIVE_MODULES], { cwd: vscodeDir, env });

	// The server looks for node_modules.asar (the packaged layout); a symlink serves it.
	const asar = join(vscodeDir, 'node_modules.asar');
	if (existsSync(asar) || isSymlink(asar)) {
		rmSync(asar, { force: true });
	}
	log(`linking ${asar} -> node_modules`);
	symlinkSync('node_modules', asar);

	run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: join(vscodeDir, 'extensions'), env });
	run('npm', ['rebuild', 'argon2'], { cwd: PREFIX, env });

	if (!existsSync(CODE_SERVER_BIN)) {
		throw new Error(`install finished but ${CODE_SERVER_BIN} does not exist`);
	}
	writeFileSync(MARKER, MARKER_TEXT);
	log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return CODE_SERVER_BIN;
}

export function isInstalled() {
	try {
		return readFileSync(MARKER, 'utf8') === MARKER_TEXT && existsSync(CODE_SERVER_BIN);
	} catch {
		return false;
	}
}

function isSymlink(path) {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		installCodeServer({ browser: !process.argv.includes('--no-browser') });
	} catch (error) {
		process.stderr.write(`\n[aup-guard] code-server install FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	}
}
