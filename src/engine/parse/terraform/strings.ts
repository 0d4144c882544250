import type { StringNode } from '../../model/nodes';
import type { Span } from '../../model/range';
import { childrenOf, type FlatTree } from './flat-tree';
import { Kind } from './node-kinds';
import { decodeTemplate } from './template-text';

const QUOTE = 0x22;

/** A `"..."` string or template (`string_lit`, `quoted_template`) as a located string value. */
export function quotedString(flat: FlatTree, text: string, index: number): StringNode {
	const children = childrenOf(flat, index);
	const first = children[0];
	const last = children[children.length - 1];
	const nodeStart = flat.starts[index];
	const nodeEnd = flat.ends[index];
	let start = nodeStart;
	let end = nodeEnd;
	if (first !== undefined) {
		start = flat.kinds[first] === Kind.QuotedTemplateStart ? flat.ends[first] : nodeStart;
		end = last !== first && flat.kinds[last] === Kind.QuotedTemplateEnd ? flat.starts[last] : nodeEnd;
	} else if (text.charCodeAt(nodeStart) === QUOTE) {
		// A plain string in an error-free tree is not walked into (see Descend): its quotes frame it.
		start = nodeStart + 1;
		end = nodeEnd - 1 > nodeStart && text.charCodeAt(nodeEnd - 1) === QUOTE ? nodeEnd - 1 : nodeEnd;
	}
	const verbatim = templateParts(flat, children);
	// The grammar leaves spaces out of template_literal nodes, so the value is read from the source.
	const decoded = decodeTemplate(text, start, Math.max(start, end), { verbatim, cuts: [], backslashEscapes: true });
	return { kind: 'string', span: { start: nodeStart, end: nodeEnd }, value: decoded.value, map: decoded.map, isLiteral: verbatim.length === 0 };
}

/**
 * A heredoc (`<<EOF`, `<<-EOF`). Its value runs from the line after the opening marker to the
 * start of the closing marker's line, final line break included, as in Terraform. `<<-` strips
 * the indentation of the least indented line from every line; each kept line is its own map
 * segment, so a rule can point at one command of a multi-line script.
 */
export function heredocString(flat: FlatTree, text: string, index: number): StringNode {
	const children = childrenOf(flat, index);
	const nodeStart = flat.starts[index];
	const nodeEnd = flat.ends[index];
	const markers = children.filter(child => flat.kinds[child] === Kind.HeredocIdentifier);
	const opening = markers[0];
	const afterOpening = opening === undefined ? nodeEnd : flat.ends[opening];
	const lineBreak = text.indexOf('\n', afterOpening);
	const start = lineBreak < 0 || lineBreak >= nodeEnd ? nodeEnd : lineBreak + 1;
	let end = nodeEnd;
	if (markers.length > 1) {
		// The closing marker may be indented; its indentation is not part of the value.
		end = flat.starts[markers[markers.length - 1]];
		while (end > start && isBlank(text.charCodeAt(end - 1))) {
			end--;
		}
	}
	end = Math.max(start, end);
	const verbatim = templateParts(flat, children);
	const strips = text.startsWith('<<-', nodeStart);
	const cuts = strips ? indentationCuts(text, start, end, verbatim) : [];
	const decoded = decodeTemplate(text, start, end, { verbatim, cuts, backslashEscapes: false });
	return { kind: 'string', span: { start: nodeStart, end: nodeEnd }, value: decoded.value, map: decoded.map, isLiteral: verbatim.length === 0 };
}

/** Interpolations and directives, which make a template a value known only at deploy time. */
function templateParts(flat: FlatTree, children: readonly number[]): Span[] {
	const parts: Span[] = [];
	for (const child of children) {
		const kind = flat.kinds[child];
		if (kind === Kind.TemplateInterpolation || kind === Kind.TemplateDirective || kind === Kind.Error) {
			parts.push({ start: flat.starts[child], end: flat.ends[child] });
		}
	}
	return parts;
}

/**
 * The indentation `<<-` removes, following HCL: the smallest count of leading spaces and tabs over
 * the lines, where lines of only whitespace neither count nor lose theirs, and a line that starts
 * inside a multi-line interpolation is not a line start at all.
 */
function indentationCuts(text: string, start: number, end: number, verbatim: readonly Span[]): Span[] {
	const lines: { start: number; indent: number }[] = [];
	let smallest = Number.MAX_SAFE_INTEGER;
	let next = 0;
	for (let lineStart = start; lineStart < end;) {
		const breakAt = text.indexOf('\n', lineStart);
		const lineEnd = breakAt < 0 || breakAt >= end ? end : breakAt + 1;
		while (next < verbatim.length && verbatim[next].end <= lineStart) {
			next++;
		}
		const insideInterpolation = next < verbatim.length && verbatim[next].start < lineStart;
		if (!insideInterpolation) {
			let indent = 0;
			while (lineStart + indent < lineEnd && isBlank(text.charCodeAt(lineStart + indent))) {
				indent++;
			}
			const blank = breakAt >= 0 && breakAt < end && isWhitespaceOnly(text, lineStart + indent, lineEnd);
			if (!blank) {
				lines.push({ start: lineStart, indent });
				smallest = Math.min(smallest, indent);
			}
		}
		lineStart = lineEnd;
	}
	if (smallest === 0 || lines.length === 0) {
		return [];
	}
	return lines.map(line => ({ start: line.start, end: line.start + smallest }));
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09;
}

function isWhitespaceOnly(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (!isBlank(code) && code !== 0x0d && code !== 0x0a) {
			return false;
		}
	}
	return true;
}
