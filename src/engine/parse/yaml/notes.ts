import type { YAMLError } from 'yaml';
import type { ParseNote } from '../../model/file';
import { span, type Span } from '../../model/range';
import type { LineIndex } from '../../text/line-index';
import { MAX_DEPTH } from './cst';

/** Problems met while building the model, each told once per document. */
export type NoteKind = 'too-deep' | 'unknown-alias' | 'recursive-alias' | 'alias-budget';

/** Collects notes for one file: one per kind per document, and the alias budget once per file. */
export class NoteCollector {
	readonly notes: ParseNote[] = [];
	private told = new Set<NoteKind>();
	private budgetTold = false;

	/** A new document: each kind may be told again. */
	nextDocument(): void {
		this.told = new Set();
	}

	note(kind: NoteKind, at: Span, detail = ''): void {
		if (this.told.has(kind) || (kind === 'alias-budget' && this.budgetTold)) {
			return;
		}
		this.told.add(kind);
		this.budgetTold ||= kind === 'alias-budget';
		this.notes.push({ span: at, message: messageFor(kind, detail) });
	}

	/** The first syntax error of a broken document: the rest of the document is still read. */
	syntaxError(error: YAMLError, lines: LineIndex): void {
		const length = lines.text.length;
		const start = Math.min(Math.max(0, error.pos[0]), length);
		const end = Math.min(Math.max(start, error.pos[1]), length);
		const line = lines.positionAt(start).line + 1;
		const reason = error.code === 'RESOURCE_EXHAUSTION' ? 'it nests too deeply to read' : firstLine(error.message);
		this.notes.push({
			span: span(start, end),
			message: `YAML syntax error on line ${line}: ${reason}. Findings in this document may be missing.`,
		});
	}

	/** A failure no input should cause; the file still gets what was read before it. */
	unreadable(at: number): void {
		this.notes.push({ span: span(at, at), message: 'The rest of this YAML file could not be read; findings after this point may be missing.' });
	}
}

function messageFor(kind: NoteKind, detail: string): string {
	switch (kind) {
		case 'too-deep':
			return `This YAML nests more than ${MAX_DEPTH} levels deep; what lies deeper is not scanned.`;
		case 'unknown-alias':
			return `Alias *${detail} names no anchor written before it; its value is not scanned.`;
		case 'recursive-alias':
			return `Alias *${detail} refers to the value that contains it; it is not expanded.`;
		case 'alias-budget':
			return `Aliases in this file repeat too many values (an alias bomb?), so *${detail} and the aliases after it are not expanded; findings in what they repeat may be missing.`;
	}
}

function firstLine(message: string): string {
	return message.split('\n')[0].trim().replace(/\.$/, '');
}
