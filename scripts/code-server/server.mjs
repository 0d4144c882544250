// Starts and stops a private code-server for the integration tests and `npm start`.
// Everything it writes (user data, extensions, config, logs) goes under a fresh temp dir, so a
// run never sees another run's state or the developer's own code-server settings; it binds to
// 127.0.0.1 only and is told not to phone home.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN } from './install.mjs';

/** User settings that keep the workbench quiet and offline. */
export const OFFLINE_SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.settings.enableNaturalLanguageSearch': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'telemetry.telemetryLevel': 'off',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'update.showReleaseNotes': false,
	'security.workspace.trust.enabled': false,
	// built-in extensions that would otherwise fetch from the internet
	'json.schemaDownload.enable': false,
	'npm.fetchOnlinePackageInfo': false,
	'typescript.disableAutomaticTypeAcquisition': true,
	'chat.commandCenter.enabled': false,
};

/**
 * Starts code-server on `folder` and resolves once it answers HTTP.
 * `extensions` are extension folders to install by symlink (for `npm start`: the repository
 * itself, so the build it just made is what runs, with no packaging step).
 * `vsix` files are installed the way a user installs them (`--install-extension`), for the
 * end-to-end check that what `npm run package` produces installs and activates.
 * @param {{ folder: string, port?: number, env?: Record<string, string>, settings?: Record<string, unknown>, extensions?: string[], vsix?: string[], echo?: boolean, startTimeoutMs?: number }} options
 */
export async function startCodeServer(options) {
	const port = options.port ?? await freePort();
	const home = mkdtempSync(join(tmpdir(), 'aup-guard-code-server-'));
	const userData = join(home, 'user-data');
	const extensions = join(home, 'extensions');
	const logFile = join(home, 'code-server.log');
	for (const dir of [join(userData, 'User'), join(userData, 'Machine'), extensions, join(home, 'xdg-data'), join(home, 'xdg-config')]) {
		mkdirSync(dir, { recursive: true });
	}
	const settings = `${JSON.stringify({ ...OFFLINE_SETTINGS, ...options.settings }, null, '\t')}\n`;
	writeFileSync(join(userData, 'User', 'settings.json'), settings);
	writeFileSync(join(userData, 'Machine', 'settings.json'), settings);
	for (const folder of options.extensions ?? []) {
		linkExtension(extensions, folder);
	}
	for (const vsix of options.vsix ?? []) {
		installVsix(vsix, { home, userData, extensions });
	}
	// An explicit config file keeps ~/.config/code-server/config.yaml (a password, another
	// bind address) out of the run, and keeps code-server from writing one there.
	const config = join(home, 'config.yaml');
	writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

	const args = [
		'--config', config,
		'--bind-addr', `127.0.0.1:${port}`,
		'--auth', 'none',
		'--user-data-dir', userData,
		'--extensions-dir', extensions,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--disable-proxy',
		'--ignore-last-opened',
		options.folder,
	];
	const child = spawn(CODE_SERVER_BIN, args, {
		env: serverEnv(home, options.env ?? {}),
		stdio: ['ignore', 'pipe', 'pipe'],
		// its own process group, so stop() also ends the extension host, pty host and watchers
		detached: true,
	});
	const logStream = createWriteStream(logFile);
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', chunk => {
			logStream.write(chunk);
			if (options.echo) {
				process.stdout.write(chunk);
			}
		});
	}
	let exited = false;
	const exit = new Promise(resolve => {
		child.on('exit', (code, signal) => {
			exited = true;
			resolve({ code, signal });
		});
	});

	let stopping;
	const server = {
		port,
		url: `http://127.0.0.1:${port}/`,
		home,
		userData,
		logFile,
		pid: child.pid,
		exit,
		hasExited: () => exited,
		log: () => readLog(logFile),
		/** Ends the whole process group: politely, then by force. Safe to call twice. */
		stop: () => {
			stopping ??= stopGroup(child.pid, exit, () => exited).finally(() => logStream.end());
			return stopping;
		},
		/** Removes the temp dir; call after stop() and after copying what you want to keep. */
		cleanUp: () => rmSync(home, { recursive: true, force: true }),
	};
	try {
		await waitForHttp(port, () => exited, options.startTimeoutMs ?? 60_000);
	} catch (error) {
		await server.stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- code-server log ---\n${server.log()}`);
	}
	return server;
}

/**
 * VS Code finds a user extension as `<publisher>.<name>-<version>` in the extensions dir and,
 * on first start, records what it found in extensions.json; a symlink is followed like a copy.
 */
function linkExtension(extensionsDir, folder) {
	const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
	symlinkSync(folder, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}

function installVsix(vsix, { home, userData, extensions }) {
	const result = spawnSync(CODE_SERVER_BIN, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
		env: serverEnv(home, {}),
		encoding: 'utf8',
		timeout: 120_000,
	});
	if (result.status !== 0) {
		throw new Error(`code-server could not install ${vsix} (exit ${result.status}):\n${result.stdout}${result.stderr}`);
	}
}

/** Asks the OS for a free port on the loopback interface. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
		});
	});
}

function serverEnv(home, extra) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		// Variables of a VS Code that runs this script (its integrated terminal) would make
		// code-server try to talk to that instance instead of starting cleanly.
		if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') {
			continue;
		}
		env[key] = value;
	}
	return {
		...env,
		// An empty gallery: no extension look-ups against open-vsx.org.
		EXTENSIONS_GALLERY: '{}',
		// code-server keeps its own logs under XDG_DATA_HOME; keep them in the temp dir.
		XDG_DATA_HOME: join(home, 'xdg-data'),
		XDG_CONFIG_HOME: join(home, 'xdg-config'),
		...extra,
	};
}

async function waitForHttp(port, hasExited, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (hasExited()) {
			throw new Error('code-server exited before it answered HTTP');
		}
		if (await answers(port)) {
			return;
		}
		await delay(200);
	}
	throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function answers(port) {
	return new Promise(resolve => {
		const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, res => {
			res.resume();
			resolve(res.statusCode === 200);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(false));
		req.end();
	});
}

async function stopGroup(pid, exit, hasExited) {
	if (pid === undefined) {
		return;
	}
	signalGroup(pid, 'SIGTERM');
	const ended = await Promise.race([exit.then(() => true), delay(5000).then(() => false)]);
	// The main process may be gone while its children (extension host) linger: always sweep.
	await delay(ended ? 300 : 0);
	signalGroup(pid, 'SIGKILL');
	if (!hasExited()) {
		await Promise.race([exit, delay(2000)]);
	}
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is already gone
	}
}

function readLog(file) {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function delay(ms) {
	return new Promise(resolve => setTimeout(resolve, ms));
}
