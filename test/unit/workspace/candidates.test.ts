import * as assert from 'node:assert/strict';
import { CANDIDATE_GLOB, isWorkspaceCandidate, joinGlobs, passesFilter } from '../../../src/extension/workspace/candidates';
import { IGNORE_NOTHING, parseIgnoreFile } from '../../../src/extension/workspace/ignore-file';
import { runLimited } from '../../../src/extension/workspace/run-limited';
import { DEFAULT_SETTINGS } from '../../../src/extension/settings';

const defaults = { include: DEFAULT_SETTINGS.include, exclude: DEFAULT_SETTINGS.exclude, ignore: IGNORE_NOTHING };

describe('.aupguardignore', () => {
	const rules = parseIgnoreFile([
		'# generated fixtures are scanned by their own job',
		'fixtures/',
		'*.tfvars',
		'!prod.tfvars',
		'legacy/**/*.yaml',
		'\\#literal.tf',
		'',
	].join('\n'));

	it('ignores folders, globs and escaped names as git would', () => {
		assert.ok(rules.ignores('fixtures/a.tf'));
		assert.ok(rules.ignores('infra/fixtures/deep/b.yaml'), 'a folder pattern without a slash matches at any depth');
		assert.ok(rules.ignores('staging.tfvars'));
		assert.ok(rules.ignores('legacy/k8s/old/deploy.yaml'));
		assert.ok(rules.ignores('#literal.tf'));
	});

	it('re-includes with ! and leaves look-alikes alone', () => {
		assert.ok(!rules.ignores('prod.tfvars'));
		assert.ok(!rules.ignores('fixtures.tf'), 'fixtures/ names a folder, not a file of that name');
		assert.ok(!rules.ignores('legacy/deploy.tf'));
		assert.ok(!rules.ignores('# generated fixtures are scanned by their own job'));
	});

	it('never ignores paths outside the folder, and an empty file ignores nothing', () => {
		assert.ok(!rules.ignores('../fixtures/a.tf'));
		assert.ok(!rules.ignores('/abs/fixtures/a.tf'));
		assert.ok(!parseIgnoreFile('').ignores('main.tf'));
		assert.ok(!parseIgnoreFile(undefined).ignores('main.tf'));
		assert.ok(parseIgnoreFile('\uFEFFmain.tf\r\n').ignores('main.tf'), 'a byte order mark and CRLF are tolerated');
	});
});

describe('workspace scan candidates', () => {
	it('reads files whose names can hold IaC', () => {
		for (const path of ['main.tf', 'env/prod.tfvars', 'k8s/deploy.yaml', 'compose.yml', 'stack.template', 'Dockerfile', 'api/Dockerfile.prod', 'scripts/boot.sh']) {
			assert.ok(isWorkspaceCandidate(path, defaults), path);
		}
	});

	it('skips other names, excluded folders and ignored files', () => {
		for (const path of ['README.md', 'src/app.ts', 'main.tf.bak', 'notes.txt']) {
			assert.ok(!isWorkspaceCandidate(path, defaults), path);
		}
		assert.ok(!isWorkspaceCandidate('node_modules/mod/main.tf', defaults));
		assert.ok(!isWorkspaceCandidate('.terraform/modules/x/main.tf', defaults));
		assert.ok(!isWorkspaceCandidate('infra/main.tf', { ...defaults, include: ['k8s/**'] }));
		assert.ok(!isWorkspaceCandidate('gen/main.tf', { ...defaults, ignore: parseIgnoreFile('gen/\n') }));
	});

	it('lets a script a Terraform file reads through whatever its name, but not past exclude or the ignore file', () => {
		for (const path of ['infra/bootstrap', 'infra/templates/userdata.txt', 'user-data.cfg']) {
			assert.ok(!isWorkspaceCandidate(path, defaults), `${path} is no candidate by its name`);
			assert.ok(passesFilter(path, defaults), path);
		}
		assert.ok(!passesFilter('node_modules/agent/bootstrap', defaults));
		assert.ok(!passesFilter('infra/bootstrap', { ...defaults, exclude: ['**/bootstrap'] }));
		assert.ok(!passesFilter('infra/bootstrap', { ...defaults, include: ['k8s/**'] }));
		assert.ok(!passesFilter('gen/bootstrap', { ...defaults, ignore: parseIgnoreFile('gen/\n') }));
	});

	it('names the same files in the findFiles glob', () => {
		assert.match(CANDIDATE_GLOB, /^\*\*\/\{.*\*\.tf,.*Dockerfile,.*\}$/);
		assert.equal(joinGlobs([]), undefined);
		assert.equal(joinGlobs(['a/**']), 'a/**');
		assert.equal(joinGlobs(['a/**', 'b/**']), '{a/**,b/**}');
	});
});

describe('runLimited', () => {
	it('keeps at most `limit` items in flight and does every item', async () => {
		let inFlight = 0;
		let peak = 0;
		const done: number[] = [];
		await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async item => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise(resolve => setImmediate(resolve));
			done.push(item);
			inFlight--;
		});
		assert.equal(peak, 3);
		assert.deepEqual(done.sort(), [1, 2, 3, 4, 5, 6, 7]);
	});

	it('starts no item after cancellation', async () => {
		let cancelled = false;
		const started: number[] = [];
		const count = await runLimited([1, 2, 3, 4, 5], 2, async item => {
			started.push(item);
			if (item === 2) {
				cancelled = true;
			}
			await Promise.resolve();
		}, () => cancelled);
		assert.deepEqual(started, [1, 2]);
		assert.equal(count, 2);
	});
});
