import type { Resource } from '../../model/file';
import type { Entry, ObjectNode, ValueNode } from '../../model/nodes';
import { stringValue } from './strings';
import type { SyntaxNode } from './syntax';
import { MAX_DEPTH, spanOf, valueAt, type ValueContext } from './values';

export interface Declarations {
	/** One entry per `param` (its default), `var`, `resource`, `module` and `output`, by symbolic name. */
	readonly root: ObjectNode;
	readonly resources: Resource[];
}

/** Declarations whose last child is the value the model keeps. */
const VALUE_DECLARATIONS = new Set(['parameter_declaration', 'variable_declaration', 'output_declaration']);

/**
 * The top level of a Bicep file. A resource's body is its object (`{ name: ..., properties: { ... } }`),
 * shaped like an ARM resource object, so rules that read ARM's `properties` read Bicep alike. Its type
 * drops the API version (`Microsoft.Network/networkSecurityGroups`); a child resource declared inside
 * its parent gets the full type (`.../securityRules`) even where it writes only its last segment.
 */
export function buildDeclarations(text: string, root: SyntaxNode): Declarations {
	const resources: Resource[] = [];
	const parentTypes: string[] = [];
	const context: ValueContext = {
		text,
		nested: (declaration, depth) => resourceBody(declaration, depth),
	};

	function resourceBody(declaration: SyntaxNode, depth: number): ValueNode | undefined {
		const [symbol, typeNode, value] = declaration.children;
		if (symbol?.type !== 'identifier' || typeNode?.type !== 'string' || value === undefined || depth > MAX_DEPTH) {
			return undefined;
		}
		const written = stringValue(text, typeNode);
		const parentType = parentTypes[parentTypes.length - 1];
		const type = fullType(written.isLiteral ? written.value.split('@')[0] : '', parentType);
		const object = bodyObject(value);
		parentTypes.push(type);
		const body = object ? valueAt(context, object, depth + 1) : undefined;
		parentTypes.pop();
		// `existing` declares a reference to a resource deployed elsewhere: nothing here configures it.
		const isExisting = /\bexisting\b/.test(text.slice(typeNode.end, value.start));
		if (body?.kind === 'object' && !isExisting) {
			resources.push({ type, name: text.slice(symbol.start, symbol.end), span: spanOf(declaration), headerSpan: spanOf(typeNode), body });
		}
		if (body && object !== value) {
			// `= if (cond) { }` and `= [for x in xs: { }]`: the object stays reachable as a literal part.
			return { kind: 'expression', span: spanOf(value), text: text.slice(value.start, value.end), parts: [body] };
		}
		return body;
	}

	const entries: Entry[] = [];
	// Error recovery can wrap whole declarations in an ERROR node: look inside, a bounded few levels.
	const statements: { node: SyntaxNode; level: number }[] = root.children.map(node => ({ node, level: 0 })).reverse();
	for (let next = statements.pop(); next; next = statements.pop()) {
		const { node, level } = next;
		if (node.type === 'ERROR' && level < 4) {
			const partial = partialResource(text, node);
			statements.push(...(partial ? [{ node: partial, level }] : node.children.map(child => ({ node: child, level: level + 1 })).reverse()));
			continue;
		}
		const symbol = node.children[0];
		if (symbol?.type !== 'identifier') {
			continue;
		}
		let value: ValueNode | undefined;
		if (node.type === 'resource_declaration' || node.type === 'module_declaration') {
			value = node.type === 'resource_declaration' ? resourceBody(node, 1) : moduleBody(context, node);
		} else if (VALUE_DECLARATIONS.has(node.type)) {
			const last = node.children[node.children.length - 1];
			// A `param` without a default has only its name and type.
			const hasValue = node.type !== 'parameter_declaration' || node.children.length >= 3;
			value = hasValue && last !== symbol ? valueAt(context, last, 1) : undefined;
		}
		if (value) {
			entries.push({ key: text.slice(symbol.start, symbol.end), keySpan: spanOf(symbol), value, span: spanOf(node) });
		}
	}
	resources.sort((a, b) => a.span.start - b.span.start);
	return { root: { kind: 'object', span: spanOf(root), entries }, resources };
}

/**
 * A resource still being typed (`resource s 'T' = { name: 'x'  properties: {`): error recovery
 * leaves its finished properties loose in an ERROR node. They are gathered into the body they
 * were written for, so what is already typed is checked while the rest is written.
 */
function partialResource(text: string, error: SyntaxNode): SyntaxNode | undefined {
	const [symbol, type] = error.children;
	if (!text.startsWith('resource', error.start) || symbol?.type !== 'identifier' || type?.type !== 'string') {
		return undefined;
	}
	const brace = text.indexOf('{', type.end);
	if (brace < 0 || brace >= error.end) {
		return undefined;
	}
	const properties = error.children.slice(2).filter(child => child.type === 'object_property' && child.start > brace);
	const body: SyntaxNode = { type: 'object', start: brace, end: error.end, children: properties };
	return { type: 'resource_declaration', start: error.start, end: error.end, children: [symbol, type, body] };
}

/** A module's `params` may carry secrets and scripts into another file: its body is kept as a value. */
function moduleBody(context: ValueContext, node: SyntaxNode): ValueNode | undefined {
	const value = node.children[2];
	return value ? valueAt(context, value, 1) : undefined;
}

/** The object a resource is configured with, through `if (...)` and `[for ... : ...]`. */
function bodyObject(value: SyntaxNode): SyntaxNode | undefined {
	let node: SyntaxNode | undefined = value;
	for (let step = 0; node && step < 3; step++) {
		if (node.type === 'object') {
			return node;
		}
		if (node.type !== 'if_statement' && node.type !== 'for_statement') {
			return undefined;
		}
		node = node.children[node.children.length - 1];
	}
	return undefined;
}

/** A nested resource may name only its own segment; the full type starts with its parent's. */
function fullType(type: string, parentType: string | undefined): string {
	return parentType && type !== '' && !type.includes('/') ? `${parentType}/${type}` : type;
}
