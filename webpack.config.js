// @ts-check
'use strict';

/*
 * Three production bundles from the same sources:
 *   dist/extension.js      the extension for the desktop (Node) extension host  (package.json `main`)
 *   dist/web/extension.js  the extension for the web extension host             (package.json `browser`)
 *   dist/cli.js            the `aup-guard` command line                          (package.json `bin`)
 * The WebAssembly the Terraform and Bicep parsers load is copied beside each bundle, where the parser
 * hosts look for it.
 */

const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const CopyPlugin = require('copy-webpack-plugin');

const root = __dirname;

/** Grammars and the tree-sitter runtime; optional ones are copied only when their package is installed. */
const WASM_FILES = [
	{ from: 'web-tree-sitter/web-tree-sitter.wasm', optional: false },
	{ from: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', optional: false },
	{ from: 'tree-sitter-bicep/tree-sitter-bicep.wasm', optional: false },
];

function copyWasm() {
	const patterns = [];
	for (const file of WASM_FILES) {
		const resolved = resolveOptional(file.from);
		if (resolved) {
			patterns.push({ from: resolved, to: path.basename(resolved) });
		} else if (!file.optional) {
			throw new Error(`${file.from} is missing: run npm install`);
		}
	}
	return new CopyPlugin({ patterns });
}

function resolveOptional(request) {
	try {
		return require.resolve(request, { paths: [root] });
	} catch {
		return undefined;
	}
}

/** @returns {import('webpack').Configuration} */
function base(name) {
	return {
		name,
		context: root,
		mode: 'production',
		// Separate files: stack traces in the AUP Guard log can be mapped back without shipping sources.
		devtool: 'nosources-source-map',
		resolve: {
			extensions: ['.ts', '.js'],
		},
		module: {
			rules: [{
				test: /\.ts$/,
				exclude: /node_modules/,
				use: [{
					loader: 'ts-loader',
					options: {
						configFile: path.join(root, 'tsconfig.json'),
						// `npx tsc -p .` type-checks everything; the bundle only needs the JavaScript,
						// and a type error in one engineer's file must not stop another's build.
						transpileOnly: true,
						onlyCompileBundledFiles: true,
					},
				}],
			}],
		},
		plugins: [
			// A dynamic import() would become a chunk file loaded at run time, which the web
			// extension host cannot load; one file per bundle keeps every host happy.
			new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
		],
		performance: { hints: false },
		ignoreWarnings: [{
			// node-host falls back to require.resolve() when running from sources; in a bundle the
			// wasm files sit beside it, so the expression is never needed and the warning is noise.
			module: /src[\\/]platform[\\/]node-host\.ts$/,
			message: /Critical dependency: the request of a dependency is an expression/,
		}],
		infrastructureLogging: { level: 'warn' },
		stats: 'errors-warnings',
	};
}

/** @type {import('webpack').Configuration} */
const nodeExtension = {
	...base('extension'),
	target: 'node20',
	entry: { extension: './src/extension/extension.ts' },
	output: {
		path: path.join(root, 'dist'),
		filename: '[name].js',
		libraryTarget: 'commonjs2',
	},
	externals: { vscode: 'commonjs vscode' },
	// Keep Node's own values, so `__dirname` is the dist folder where the wasm files are.
	node: { __dirname: false, __filename: false },
	plugins: [...base('extension').plugins ?? [], copyWasm()],
};

/** @type {import('webpack').Configuration} */
const webExtension = {
	...base('web'),
	target: 'webworker',
	entry: { extension: './src/extension/web.ts' },
	output: {
		path: path.join(root, 'dist', 'web'),
		filename: '[name].js',
		libraryTarget: 'commonjs',
	},
	externals: { vscode: 'commonjs vscode' },
	resolve: {
		extensions: ['.ts', '.js'],
		// web-tree-sitter reaches for these only when it runs under Node, which never happens in
		// a web worker; declaring them empty keeps them out instead of failing the build.
		fallback: { path: false, fs: false, 'fs/promises': false, module: false, url: false },
	},
	plugins: [
		...base('web').plugins ?? [],
		copyWasm(),
	],
};

/** @type {import('webpack').Configuration} */
const cli = {
	...base('cli'),
	target: 'node20',
	entry: { cli: './src/cli/bin.ts' },
	output: {
		path: path.join(root, 'dist'),
		filename: '[name].js',
		libraryTarget: 'commonjs2',
	},
	node: { __dirname: false, __filename: false },
	plugins: [
		...base('cli').plugins ?? [],
		copyWasm(),
		new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
		makeExecutable('cli.js'),
	],
};

/**
 * npm links `bin` entries as they are; on a checkout, `dist/cli.js` must be executable itself.
 * @param {string} fileName
 * @returns {import('webpack').WebpackPluginInstance}
 */
function makeExecutable(fileName) {
	return {
		apply(compiler) {
			compiler.hooks.afterEmit.tap('MakeExecutable', compilation => {
				const file = path.join(compilation.outputOptions.path ?? '', fileName);
				if (fs.existsSync(file)) {
					fs.chmodSync(file, 0o755);
				}
			});
		},
	};
}

module.exports = [nodeExtension, webExtension, cli];
