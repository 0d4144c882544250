// `npm start`: installs what is missing, builds, and serves a real VS Code (code-server, the
// web workbench of VS Code 1.100.3) on 127.0.0.1 with AUP Guard installed from this repository
// and the examples/ workspace open. Prints the URL to open; runs until Ctrl-C.
//
// The extension is a symlink in a fresh extensions dir, so it is an ordinary installed
// extension: any URL of the server shows it, reloads keep it, and rebuilding
// (`npm run build`) then "Developer: Reload Window" picks up changes.
//
// Environment: AUP_GUARD_PORT (default 8765; a free port is used when it is taken).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { installCodeServer, REPO_ROOT } from './code-server/install.mjs';
import { freePort, startCodeServer } from './code-server/server.mjs';
import { ensureNodeModules } from './lib/dependencies.mjs';
import { log, run } from './lib/exec.mjs';

const EXAMPLES = join(REPO_ROOT, 'examples');
const PREFERRED_PORT = Number(process.env.AUP_GUARD_PORT) || 8765;

let server;
try {
	ensureNodeModules(REPO_ROOT);
	// no browser needed: the user brings their own
	installCodeServer({ browser: false });
	run('npm', ['run', 'build'], { cwd: REPO_ROOT });
	if (!existsSync(EXAMPLES)) {
		throw new Error(`${EXAMPLES} is missing`);
	}
	server = await startCodeServer({
		folder: EXAMPLES,
		port: await portToUse(PREFERRED_PORT),
		extensions: [REPO_ROOT],
		settings: {
			// examples/README.md says what to look at; open it first
			'workbench.startupEditor': 'readme',
			// examples/ sits inside this repository; the prompt to open it only distracts
			'git.openRepositoryInParentFolders': 'never',
		},
		echo: true,
	});
} catch (error) {
	process.stderr.write(`\n[aup-guard] npm start FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
	await server?.stop();
	process.exit(1);
}

const url = `${server.url}?folder=${encodeURIComponent(EXAMPLES)}`;
process.stdout.write(`
  AUP Guard is running in VS Code (code-server) on 127.0.0.1.

    Open: ${url}

  The examples/ workspace is open; its README.md says what each file shows.
  From another machine, forward the port first:  ssh -L ${server.port}:127.0.0.1:${server.port} <this host>
  Press Ctrl-C to stop.

`);
log(`server log: ${server.logFile}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		if (stopping) {
			return;
		}
		stopping = true;
		log('stopping code-server');
		void server.stop().finally(() => {
			server.cleanUp();
			process.exit(0);
		});
	});
}
const { code, signal } = await server.exit;
if (!stopping) {
	process.stderr.write(`[aup-guard] code-server exited on its own (${signal ?? `exit code ${code}`}); log: ${server.logFile}\n`);
	process.exit(1);
}

async function portToUse(preferred) {
	const free = await new Promise(resolve => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
	return free ? preferred : freePort();
}
