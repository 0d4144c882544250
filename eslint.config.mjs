// Lint rules that guard the architecture: the engine serves the desktop extension, the web
// extension and the CLI, so it must not reach for `vscode` or Node's built-ins.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'media/**'] },
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			eqeqeq: ['error', 'always'],
			curly: 'error',
		},
	},
	{
		files: ['src/engine/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{ group: ['vscode'], message: 'The engine is shared with the CLI and the web extension: no vscode import.' },
					{ group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads'], message: 'The engine also runs in the browser: take what you need from a host.' },
					{ group: ['**/extension/**', '**/cli/**', '**/platform/**'], message: 'The engine depends on nothing outside it.' },
				],
			}],
		},
	},
	{
		files: ['**/*.mjs', '**/*.js'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
	},
);
