import * as assert from 'node:assert/strict';
import { composeReport, reportMarkdown, type ComposedReport } from '../../../src/engine/report/compose';
import { DEFAULT_MAILTO_LIMIT, encodeMailtoComponent, mailtoUrl } from '../../../src/engine/report/mailto';

function report(body: string, subject = 'Subject'): ComposedReport {
	return { kind: 'violation', to: 'abuse@autoscalr.com', subject, body, redactionCount: 0 };
}

/** The subject and body a mail client would read from the link. */
function fields(url: string): { to: string; subject: string; body: string } {
	const match = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(url);
	assert.ok(match, url);
	return { to: decodeURIComponent(match[1]), subject: decodeURIComponent(match[2]), body: decodeURIComponent(match[3]) };
}

describe('report: mailto link', () => {
	it('percent-encodes everything that could end or change a field', () => {
		const tricky = report('a & b ? c # d % e + f = g\nline two: café, 東京, 🔑 (ok)! *x* \'q\'', 'Q&A? #1 100% + more');
		const { url, truncated } = mailtoUrl(tricky);
		assert.equal(truncated, false);
		assert.equal(url, 'mailto:abuse@autoscalr.com?subject=Q%26A%3F%20%231%20100%25%20%2B%20more&body=a%20%26%20b%20%3F%20c%20%23%20d%20%25%20e%20%2B%20f%20%3D%20g%0D%0Aline%20two%3A%20caf%C3%A9%2C%20%E6%9D%B1%E4%BA%AC%2C%20%F0%9F%94%91%20%28ok%29%21%20%2Ax%2A%20%27q%27');
		assert.deepEqual(fields(url), { to: 'abuse@autoscalr.com', subject: 'Q&A? #1 100% + more', body: 'a & b ? c # d % e + f = g\r\nline two: café, 東京, 🔑 (ok)! *x* \'q\'' });
		assert.doesNotMatch(url, /[^A-Za-z0-9\-._~%:@?&=]/, 'only unreserved characters, escapes and the URL\'s own delimiters');
	});

	it('writes every kind of line break as CRLF, as RFC 6068 asks', () => {
		assert.equal(fields(mailtoUrl(report('one\ntwo\r\nthree\rfour')).url).body, 'one\r\ntwo\r\nthree\r\nfour');
	});

	it('survives text a JavaScript string can hold but UTF-8 cannot (a lone surrogate)', () => {
		assert.equal(encodeMailtoComponent('a\uD800b'), 'a%EF%BF%BDb');
	});

	it('encodes recipients but keeps their @, and joins several', () => {
		assert.equal(mailtoUrl({ ...report('x'), to: 'soc+aup@example.org, team@example.org' }).url.split('?')[0], 'mailto:soc%2Baup@example.org,team@example.org');
	});

	it('leaves a report that fits as it is', () => {
		const fits = composeReport({ kind: 'security', description: 'short', versions: { extension: '1', vscode: '1' }, recipients: { abuse: 'a@b.c', security: 's@b.c' } });
		const link = mailtoUrl(fits);
		assert.equal(link.truncated, false);
		assert.equal(fields(link.url).body, fits.body.replace(/\n/g, '\r\n'));
		assert.equal(link.markdown, reportMarkdown(fits));
	});

	it('cuts a long report at a line boundary, within the limit, and points to the attached file', () => {
		const lines = Array.from({ length: 200 }, (_, index) => `resource "aws_instance" "node_${index}" { ami = "ami-0c55b159cbfafe1f0" }`);
		const long = report(lines.join('\n'));
		const link = mailtoUrl(long);
		assert.equal(DEFAULT_MAILTO_LIMIT, 1800);
		assert.equal(link.truncated, true);
		assert.ok(link.url.length <= 1800, `${link.url.length}`);
		assert.ok(link.url.length > 1600, 'the budget is used, not wasted');
		const body = fields(link.url).body;
		const [kept, note] = body.split('\r\n\r\n[…] ');
		assert.equal(note, 'The rest of this report did not fit in an email link. The full report is in the file aup-guard-report.md: please attach it to this email.');
		const keptLines = kept.split('\r\n');
		assert.deepEqual(keptLines, lines.slice(0, keptLines.length), 'whole lines only');
		assert.equal(link.markdown, reportMarkdown(long));
		assert.ok(link.markdown.includes(lines[199]));
	});

	it('honours a smaller limit and a chosen file name', () => {
		const link = mailtoUrl(report('x'.repeat(50) + '\n' + 'y'.repeat(500)), 400, 'report-2026-03-24.md');
		assert.ok(link.url.length <= 400);
		assert.match(fields(link.url).body, /^x{50}\r\n\r\n\[…\] .* report-2026-03-24\.md: please attach it/);
		assert.equal(link.attachmentName, 'report-2026-03-24.md');
	});

	it('cuts a first line too long to fit by character, never inside an escape or a character', () => {
		const link = mailtoUrl(report('é'.repeat(2000)), 600);
		assert.ok(link.url.length <= 600);
		const { body } = fields(link.url);
		assert.match(body, /^é+\r\n\r\n\[…\]/);
	});

	it('shortens a subject that alone would not fit, and refuses a limit that cannot hold the note', () => {
		const link = mailtoUrl(report('body', '東'.repeat(200)), 800);
		assert.ok(link.url.length <= 800);
		assert.ok(fields(link.url).subject.length < 200);
		assert.throws(() => mailtoUrl(report('body '.repeat(100)), 100), RangeError);
	});
});
