/** Reports of AUP violations and security issues: composed, redacted, and shaped for mail or a file. */
export { composeReport, reportMarkdown, type ComposedReport, type RedactedExcerpt, type ReportInput, type ReportKind } from './compose';
export { DEFAULT_ATTACHMENT_NAME, DEFAULT_MAILTO_LIMIT, encodeMailtoComponent, mailtoUrl, type MailtoLink } from './mailto';
