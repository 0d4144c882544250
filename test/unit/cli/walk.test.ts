import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { walk, type WalkOptions } from '../../../src/cli/walk';

const TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';

/** Writes `files` (path -> content) under a fresh temp folder and returns it. */
async function tree(files: Readonly<Record<string, string>>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'aup-walk-'));
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.join(root, path.dirname(name)), { recursive: true });
		await writeFile(path.join(root, name), text);
	}
	return root;
}

async function walked(root: string, paths: string[], options: Partial<WalkOptions> = {}): Promise<string[]> {
	const result = await walk(paths, { cwd: root, ...options });
	assert.deepEqual(result.missing, []);
	return result.files.map(file => path.relative(root, file.path).split(path.sep).join('/'));
}

describe('cli walk', () => {
	let root: string;

	beforeEach(async () => {
		root = await tree({
			'.git/HEAD': 'ref: refs/heads/main\n',
			'.gitignore': 'build/*\n*.bak.tf\n/secrets.tf\n',
			'.aupguardignore': '# generated, but reviewed elsewhere\ndrafts/\n!build/stack.yaml\n',
			'main.tf': TF,
			'secrets.tf': TF,
			'old.bak.tf': TF,
			'build/plan.tf': TF,
			'build/stack.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\n',
			'drafts/try.tf': TF,
			'infra/.gitignore': 'local.tf\n!keep.bak.tf\n',
			'infra/network.tf': TF,
			'infra/local.tf': TF,
			'infra/keep.bak.tf': TF,
			'infra/secrets.tf': TF,
			'infra/legacy/old.tf': TF,
			'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
			'node_modules/mod/main.tf': TF,
			'vendor/lib/main.tf': TF,
			'.terraform/modules/x/main.tf': TF,
		});
	});

	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	it('walks folders as git sees them: nested .gitignore, .aupguardignore, default skipped folders', async () => {
		assert.deepEqual(await walked(root, ['.']), [
			'.aupguardignore',
			'.gitignore',
			'build/stack.yaml', // re-included by .aupguardignore
			'infra/.gitignore',
			'infra/keep.bak.tf', // the nested .gitignore negates the root's *.bak.tf
			'infra/legacy/old.tf',
			'infra/network.tf',
			'infra/secrets.tf', // /secrets.tf is anchored to the root
			'k8s/deploy.yaml',
			'main.tf',
		]);
	});

	it('applies the ignore files above a scanned subfolder, as git does', async () => {
		await writeFile(path.join(root, 'infra', 'draft.bak.tf'), TF);
		assert.deepEqual(await walked(root, ['infra']), ['infra/.gitignore', 'infra/keep.bak.tf', 'infra/legacy/old.tf', 'infra/network.tf', 'infra/secrets.tf']);
	});

	it('scans a file named on the command line even when it is ignored or in a skipped folder', async () => {
		const result = await walk(['old.bak.tf', 'node_modules/mod/main.tf', 'main.tf'], { cwd: root });
		assert.deepEqual(result.files.map(file => [path.relative(root, file.path).split(path.sep).join('/'), file.explicit]), [
			['main.tf', true],
			['node_modules/mod/main.tf', true],
			['old.bak.tf', true],
		]);
	});

	it('walks a folder named on the command line even when it is ignored', async () => {
		assert.deepEqual(await walked(root, ['drafts', 'vendor']), ['drafts/try.tf', 'vendor/lib/main.tf']);
	});

	it('lists a file reached twice once, sorted', async () => {
		assert.deepEqual(await walked(root, ['k8s', '.', 'k8s/deploy.yaml'], { include: ['**/*.yaml'] }), ['build/stack.yaml', 'k8s/deploy.yaml']);
	});

	it('applies --exclude to folders and files, by name or by path from the scanned folder or the cwd', async () => {
		assert.deepEqual(await walked(root, ['.'], { exclude: ['legacy', '*.yaml', '.*'] }), ['infra/keep.bak.tf', 'infra/network.tf', 'infra/secrets.tf', 'main.tf']);
		assert.deepEqual(await walked(root, ['infra'], { exclude: ['legacy/**', './infra/secrets.tf', '.gitignore'] }), ['infra/keep.bak.tf', 'infra/network.tf']);
	});

	it('applies --include to files only, and --exclude wins over it', async () => {
		assert.deepEqual(await walked(root, ['.'], { include: ['infra/**/*.tf'], exclude: ['**/keep*'] }), ['infra/legacy/old.tf', 'infra/network.tf', 'infra/secrets.tf']);
	});

	it('applies the globs to explicit files too', async () => {
		assert.deepEqual(await walked(root, ['main.tf', 'k8s/deploy.yaml'], { exclude: ['k8s/**'] }), ['main.tf']);
	});

	it('reports paths that do not exist instead of walking nothing', async () => {
		const result = await walk(['infra', 'nope', 'main.tf/child'], { cwd: root });
		assert.deepEqual(result.missing, ['nope', 'main.tf/child']);
		assert.equal(result.files.length, 5);
	});

	it('does not follow symbolic links to folders, which can loop', async function () {
		try {
			await symlink(root, path.join(root, 'infra', 'loop'), 'dir');
			await symlink(path.join(root, 'main.tf'), path.join(root, 'k8s', 'linked.tf'));
		} catch {
			this.skip(); // no symlink permission (Windows without developer mode)
		}
		assert.deepEqual(await walked(root, ['infra', 'k8s'], { exclude: ['.gitignore'] }), ['infra/keep.bak.tf', 'infra/legacy/old.tf', 'infra/network.tf', 'infra/secrets.tf', 'k8s/deploy.yaml', 'k8s/linked.tf']);
	});

	it('takes the current folder as the base of ignore files outside a git repository', async () => {
		await rm(path.join(root, '.git'), { recursive: true });
		assert.deepEqual(await walked(root, ['build']), ['build/stack.yaml']);
	});
});
