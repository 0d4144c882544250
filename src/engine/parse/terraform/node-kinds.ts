import type { Language } from 'web-tree-sitter';

/**
 * The grammar's named node types the model builder tells apart, as small numbers so a whole tree
 * fits in one typed array. Any other named type is `Other`; `Error` is tree-sitter's `ERROR`.
 */
export const Kind = {
	Other: 0,
	Error: 1,
	ConfigFile: 2,
	Body: 3,
	Block: 4,
	Attribute: 5,
	Identifier: 6,
	StringLit: 7,
	TemplateLiteral: 8,
	QuotedTemplateStart: 9,
	QuotedTemplateEnd: 10,
	BlockStart: 11,
	BlockEnd: 12,
	Expression: 13,
	LiteralValue: 14,
	NumericLit: 15,
	BoolLit: 16,
	NullLit: 17,
	CollectionValue: 18,
	Tuple: 19,
	Object: 20,
	ObjectElem: 21,
	TemplateExpr: 22,
	QuotedTemplate: 23,
	HeredocTemplate: 24,
	HeredocStart: 25,
	HeredocIdentifier: 26,
	TemplateInterpolation: 27,
	TemplateDirective: 28,
	Comment: 29,
	Operation: 30,
	UnaryOperation: 31,
	ObjectStart: 32,
	ObjectEnd: 33,
	TupleStart: 34,
	TupleEnd: 35,
	VariableExpr: 36,
	GetAttr: 37,
} as const;

export type Kind = (typeof Kind)[keyof typeof Kind];

const KIND_BY_TYPE: Readonly<Record<string, Kind>> = {
	config_file: Kind.ConfigFile,
	body: Kind.Body,
	block: Kind.Block,
	attribute: Kind.Attribute,
	identifier: Kind.Identifier,
	string_lit: Kind.StringLit,
	template_literal: Kind.TemplateLiteral,
	quoted_template_start: Kind.QuotedTemplateStart,
	quoted_template_end: Kind.QuotedTemplateEnd,
	block_start: Kind.BlockStart,
	block_end: Kind.BlockEnd,
	expression: Kind.Expression,
	literal_value: Kind.LiteralValue,
	numeric_lit: Kind.NumericLit,
	bool_lit: Kind.BoolLit,
	null_lit: Kind.NullLit,
	collection_value: Kind.CollectionValue,
	tuple: Kind.Tuple,
	object: Kind.Object,
	object_elem: Kind.ObjectElem,
	template_expr: Kind.TemplateExpr,
	quoted_template: Kind.QuotedTemplate,
	heredoc_template: Kind.HeredocTemplate,
	heredoc_start: Kind.HeredocStart,
	heredoc_identifier: Kind.HeredocIdentifier,
	template_interpolation: Kind.TemplateInterpolation,
	template_directive: Kind.TemplateDirective,
	comment: Kind.Comment,
	operation: Kind.Operation,
	unary_operation: Kind.UnaryOperation,
	object_start: Kind.ObjectStart,
	object_end: Kind.ObjectEnd,
	tuple_start: Kind.TupleStart,
	tuple_end: Kind.TupleEnd,
	variable_expr: Kind.VariableExpr,
	get_attr: Kind.GetAttr,
	ERROR: Kind.Error,
};

/** Marks anonymous node types (punctuation, keywords), which the flat tree leaves out. */
export const ANONYMOUS = 255;

/**
 * Per node type id: its `Kind`, or `ANONYMOUS`. Built once per language so the tree walk reads a
 * JS array instead of asking wasm for each node's name.
 */
export function kindTable(language: Language): Uint8Array {
	const count = language.nodeTypeCount;
	const table = new Uint8Array(count);
	for (let id = 0; id < count; id++) {
		const name = language.nodeTypeForId(id);
		table[id] = language.nodeTypeIsNamed(id) && name !== null ? KIND_BY_TYPE[name] ?? Kind.Other : ANONYMOUS;
	}
	return table;
}

/**
 * How far the tree walk goes into a node. Every cursor step is a call into wasm, so it does not
 * enter nodes whose insides the model never reads.
 */
export const Descend = {
	/** Enter the node. */
	Always: 0,
	/** Never: a token, it has no children. */
	Never: 1,
	/** Only in a tree with errors, where it may hide a MISSING token: punctuation, literals read from the text. */
	IfErrors: 2,
	/** Also when its text may hold a comment: references, interpolations and object keys, kept as written. */
	IfErrorsOrComment: 3,
} as const;

export type Descend = (typeof Descend)[keyof typeof Descend];

export function descendRule(kind: number): Descend {
	switch (kind) {
		case Kind.Identifier:
		case Kind.TemplateLiteral:
		case Kind.NumericLit:
		case Kind.Comment:
		case Kind.HeredocIdentifier:
		case Kind.QuotedTemplateStart:
		case Kind.QuotedTemplateEnd:
			return Descend.Never;
		case Kind.BlockStart:
		case Kind.BlockEnd:
		case Kind.BoolLit:
		case Kind.NullLit:
		case Kind.HeredocStart:
		case Kind.ObjectStart:
		case Kind.ObjectEnd:
		case Kind.TupleStart:
		case Kind.TupleEnd:
		case Kind.StringLit:
		case Kind.LiteralValue:
			return Descend.IfErrors;
		case Kind.VariableExpr:
		case Kind.GetAttr:
		case Kind.TemplateInterpolation:
		case Kind.TemplateDirective:
			return Descend.IfErrorsOrComment;
		default:
			return Descend.Always;
	}
}
