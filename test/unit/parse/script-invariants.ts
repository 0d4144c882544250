import * as assert from 'node:assert/strict';
import type { ParsedFile } from '../../../src/engine/model/file';
import type { ValueNode } from '../../../src/engine/model/nodes';
import type { Span } from '../../../src/engine/model/range';

/**
 * What must hold for any input to the Dockerfile, shell and cloud-init parsers: every span lies
 * inside the text, and every map segment copies the source exactly, so a finding's range points
 * at the very characters a rule matched.
 */
export function checkInvariants(file: ParsedFile): void {
	const length = file.text.length;
	const inside = (span: Span, what: string): void => {
		assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what} span ${JSON.stringify(span)} outside 0..${length}`);
	};
	const visit = (node: ValueNode): void => {
		inside(node.span, node.kind);
		switch (node.kind) {
			case 'string':
				for (const segment of node.map.segments) {
					inside({ start: segment.sourceStart, end: segment.sourceStart + segment.length }, 'segment');
					assert.equal(
						node.value.slice(segment.valueStart, segment.valueStart + segment.length),
						file.text.slice(segment.sourceStart, segment.sourceStart + segment.length),
						'a map segment must copy the source',
					);
				}
				break;
			case 'object':
				for (const entry of node.entries) {
					inside(entry.keySpan, 'key');
					inside(entry.span, 'entry');
					visit(entry.value);
				}
				break;
			case 'array':
				node.items.forEach(visit);
				break;
			case 'expression':
				node.parts.forEach(visit);
				break;
		}
	};
	file.roots.forEach(visit);
	file.comments.forEach(comment => inside(comment.span, 'comment'));
	file.notes.forEach(note => inside(note.span, 'note'));
	file.resources.forEach(resource => inside(resource.span, 'resource'));
}
