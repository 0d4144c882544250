// Run in a fresh process by run.mjs: what activation costs before the first scan.
//   bundleLoadMs    require() of dist/extension.js, with a stand-in `vscode` module
//   activateMs      its activate() with a stand-in context, where the stand-in is good enough
//                   (a stand-in that answers every property with another stand-in; if activate
//                   throws on it, activateError says why and only the load is measured)
//   engineMs        new Engine() from out/, without any grammar
//   firstScanMs     the first scan of a small Terraform file: loads web-tree-sitter and the grammar
//   secondScanMs    the same scan again, grammar loaded
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const Module = require('node:module');
const root = process.argv[2];
const result = {};

/** A value that is every API at once: callable, constructible, with every property, thenable-free. */
function standIn(name) {
	const target = function () { };
	return new Proxy(target, {
		get(_, key) {
			if (key === 'then') {
				return undefined;
			}
			if (key === Symbol.toPrimitive) {
				return () => name;
			}
			if (key === Symbol.iterator) {
				return [][Symbol.iterator];
			}
			return standIn(`${name}.${String(key)}`);
		},
		set: () => true,
		defineProperty: () => true,
		apply: () => standIn(`${name}()`),
		construct: () => standIn(`new ${name}`),
	});
}

const vscode = standIn('vscode');
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
	return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};

let start = performance.now();
const extension = require(path.join(root, 'dist/extension.js'));
result.bundleLoadMs = performance.now() - start;
try {
	const context = { subscriptions: [], extensionUri: standIn('extensionUri'), globalState: standIn('globalState'), workspaceState: standIn('workspaceState'), extensionPath: path.join(root), extension: standIn('extension') };
	start = performance.now();
	extension.activate(context);
	result.activateMs = performance.now() - start;
} catch (error) {
	result.activateError = error instanceof Error ? error.message : String(error);
}

const { Engine } = require(path.join(root, 'out/src/engine/index.js'));
const { createNodeHost } = require(path.join(root, 'out/src/platform/node-host.js'));
start = performance.now();
const engine = new Engine(createNodeHost());
result.engineMs = performance.now() - start;
const small = 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
start = performance.now();
await engine.scan({ path: 'main.tf', text: small });
result.firstScanMs = performance.now() - start;
start = performance.now();
await engine.scan({ path: 'main.tf', text: small });
result.secondScanMs = performance.now() - start;
process.stdout.write(JSON.stringify(result));
process.exit(0);
