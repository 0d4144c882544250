import type { FixBuilder } from '../rule';

/**
 * A fix that replaces the reported text with `to`, offered only when the report covers exactly
 * one of the values in `from` as written in the file: anything else (an escape, a template, a
 * value that changed) is not what the fix was built for, so it is not offered.
 */
export function replaceLiteral(title: string, from: ReadonlySet<string>, to: string | ((found: string) => string)): FixBuilder {
	return (report, file) => {
		const found = file.text.slice(report.span.start, report.span.end);
		if (!from.has(found)) {
			return null;
		}
		return { title, edits: [{ span: report.span, newText: typeof to === 'string' ? to : to(found) }], isPreferred: true };
	};
}
