import { Composer, Parser as CstParser, type Document, type ParsedNode } from 'yaml';
import type { ParsedFile } from '../../model/file';
import type { ValueNode } from '../../model/nodes';
import { LineIndex } from '../../text/line-index';
import type { ParseInput, Parser } from '../parser';
import { DocumentConverter, type ConvertContext } from './convert';
import { CstFacts } from './cst';
import { NoteCollector } from './notes';
import { findResources, type YamlFormat } from './resources';
import type { LiteralTest } from './scalar';

/**
 * The YAML parser behind CloudFormation, Kubernetes and Compose files: every document of the
 * stream, every value located, every comment kept. It never throws: what it cannot read becomes
 * a note and the rest is still scanned.
 */
export function createYamlParser(format: YamlFormat): Parser {
	return { parse: input => parseYaml(input, format) };
}

function parseYaml(input: ParseInput, format: YamlFormat): ParsedFile {
	const text = input.text;
	const lines = new LineIndex(text);
	const facts = new CstFacts();
	const notes = new NoteCollector();
	const roots: ValueNode[] = [];
	const context: ConvertContext = {
		text,
		facts,
		isLiteral: LITERAL_TESTS[format],
		cloudFormation: format === 'cloudformation',
		budget: { used: 0 },
		note: (kind, at, detail) => notes.note(kind, at, detail),
	};
	const addDocument = (doc: Document.Parsed<ParsedNode>): void => {
		notes.nextDocument();
		roots.push(new DocumentConverter(context).convert(doc.contents, 0, doc.range[0]));
		if (doc.errors.length > 0) {
			notes.syntaxError(doc.errors[0], lines);
		}
	};
	let offset = 0;
	try {
		// One pass of the CST parser: its tokens give the comments and tags, then the documents.
		const composer = new Composer(composerOptions(format));
		for (const token of new CstParser().parse(text)) {
			offset = token.offset;
			facts.scan(token);
			for (const doc of composer.next(token)) {
				addDocument(doc);
			}
		}
		for (const doc of composer.end(false, text.length)) {
			addDocument(doc);
		}
		const stray = composer.streamInfo().errors;
		if (stray.length > 0) {
			notes.syntaxError(stray[0], lines);
		}
	} catch {
		// Not expected for any input; if it happens, keep what was read and say where it stopped.
		notes.unreadable(offset);
	}
	return {
		path: input.path,
		format,
		text,
		lines,
		roots,
		resources: findResources(format, roots),
		comments: facts.comments,
		notes: notes.notes.sort((a, b) => a.span.start - b.span.start),
	};
}

/**
 * Kubernetes (through go-yaml v2) and CloudFormation read YAML 1.1, where `yes` is true and
 * `0644` is octal. Compose reads 1.2, where an unquoted `22:22` port mapping stays a string
 * rather than 1.1's base-60 number. Merge keys and duplicate keys are handled by the model.
 */
function composerOptions(format: YamlFormat): ConstructorParameters<typeof Composer>[0] {
	return {
		version: format === 'compose' ? '1.2' : '1.1',
		keepSourceTokens: true,
		uniqueKeys: false,
		merge: false,
		strict: false,
	};
}

/** Compose fills in `${VAR}` and `$VAR` from the environment (`$$` is a literal dollar). */
const COMPOSE_INTERPOLATION = /(^|[^$])(\$\$)*\$(\{|[A-Za-z_])/;

const LITERAL_TESTS: Readonly<Record<YamlFormat, LiteralTest>> = {
	cloudformation: () => true,
	kubernetes: () => true,
	compose: value => !COMPOSE_INTERPOLATION.test(value),
};
