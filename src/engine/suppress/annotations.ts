import type { ParsedFile } from '../model/file';
import { sourceSpan, type ObjectNode, type StringNode, type ValueNode } from '../model/nodes';
import { get } from '../model/query';
import type { Span } from '../model/range';
import { ANNOTATION_KEY, IGNORE_KEYWORD, type Directive } from './directive';
import { parseDirectiveBody } from './syntax';

/**
 * Directives in `metadata.annotations["aup-guard.autoscalr.com/ignore"]`, one per line of the
 * value or separated by `;`. Any object with such metadata counts, so a pod template's annotation
 * covers the template and a top-level one covers the whole Kubernetes object.
 */
export function annotationDirectives(file: ParsedFile): Directive[] {
	const directives: Directive[] = [];
	const resourceSpans = new Map<ValueNode, Span>(file.resources.map(resource => [resource.body, resource.span]));
	const visit = (node: ValueNode): void => {
		if (node.kind === 'object') {
			const annotations = get(get(node, 'metadata'), 'annotations');
			if (annotations?.kind === 'object') {
				directives.push(...fromAnnotations(annotations, resourceSpans.get(node) ?? node.span));
			}
			node.entries.forEach(entry => visit(entry.value));
		} else if (node.kind === 'array') {
			node.items.forEach(visit);
		}
	};
	file.roots.forEach(visit);
	return directives;
}

function fromAnnotations(annotations: ObjectNode, scope: Span): Directive[] {
	const directives: Directive[] = [];
	for (const entry of annotations.entries) {
		const key = entry.key.toLowerCase();
		if (key === ANNOTATION_KEY) {
			directives.push(...fromValue(entry.value, scope));
		} else if (key.includes('aup-guard')) {
			// A misspelt key would otherwise be an annotation like any other and suppress nothing, unseen.
			const problem = `Annotation '${entry.key}' is not read by AUP Guard, so it suppresses nothing: use the key ${ANNOTATION_KEY}.`;
			directives.push({ style: 'annotation', span: entry.keySpan, ruleIds: [], reason: '', problems: [problem], scope: undefined });
		}
	}
	return directives;
}

function fromValue(value: ValueNode, scope: Span): Directive[] {
	if (value.kind !== 'string') {
		const problem = `The ${ANNOTATION_KEY} annotation must be a string such as 'AUP-NET-001: why this is acceptable', so it does not apply.`;
		return [{ style: 'annotation', span: value.span, ruleIds: [], reason: '', problems: [problem], scope: undefined }];
	}
	const directives: Directive[] = [];
	for (const part of value.value.matchAll(/[^\r\n;]+/g)) {
		const text = part[0].trim();
		if (text === '') {
			continue;
		}
		const start = part.index + part[0].indexOf(text);
		directives.push(fromPart(value, text, start, scope));
	}
	if (directives.length === 0) {
		const problem = `The ${ANNOTATION_KEY} annotation is empty, so it suppresses nothing: write 'AUP-NET-001: why this is acceptable', or remove it.`;
		directives.push({ style: 'annotation', span: value.span, ruleIds: [], reason: '', problems: [problem], scope: undefined });
	}
	return directives;
}

function fromPart(value: StringNode, text: string, start: number, scope: Span): Directive {
	// The key already says what this is; a copied comment keyword in front is harmless.
	const keyword = new RegExp(`^${IGNORE_KEYWORD}(?![\\w-])`, 'i').exec(text);
	const parsed = parseDirectiveBody(keyword ? text.slice(keyword[0].length) : text, 'annotation');
	return { style: 'annotation', span: sourceSpan(value, start, start + text.length), ...parsed, scope };
}
