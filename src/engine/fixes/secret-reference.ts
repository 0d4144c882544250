import { escapeSnippet } from '../finding';
import type { ParsedFile } from '../model/file';
import { sourceSpan, type StringNode } from '../model/nodes';
import { get, stringValues, type StringRef } from '../model/query';
import { containsSpan, type Span } from '../model/range';
import type { FixContext, FixDraft, RuleReport } from '../rules/rule';
import { namedValues, type NamedValue } from '../rules/shared/named-values';
import { uniqueName } from './names';
import { appendVariable, declaredVariables } from './terraform-variable';
import { lineBreakOf } from './text';

/**
 * Fixes that replace a hard-coded secret with a reference to where it should live, in each
 * format's own way (AUP section 3: credentials must not be shared; section 4: keep them
 * confidential). Each returns null where it cannot be sure the result is right: a Terraform
 * variable's own default or a `.tfvars` file, a CloudFormation parameter default, a secret inside
 * a computed string. The credential rules offer it for every finding; null means no action.
 */
export function secretReferenceFix(report: RuleReport, file: ParsedFile, context: FixContext): FixDraft | null {
	const ref = innermostString(file, report.span);
	if (!ref) {
		return null;
	}
	switch (file.format) {
		case 'terraform':
			return terraformVariable(report.span, ref, file, context);
		case 'cloudformation':
			return dynamicReference(report.span, ref, file);
		case 'kubernetes':
			return secretKeyRef(ref, file);
		case 'compose':
			return composeVariable(ref, file);
		default:
			return null;
	}
}

/** `password = "..."` -> `password = var.orders_password`, with the variable declared sensitive at the end. */
function terraformVariable(secret: Span, ref: StringRef, file: ParsedFile, context: FixContext): FixDraft | null {
	const top = ref.path[0];
	if (/\.tfvars$/i.test(file.path) || top === 'variable' || top === 'output' || top === 'terraform') {
		return null;
	}
	const name = uniqueName(variableBase(ref.path), declaredVariables(file, context));
	const whole = coversWholeValue(ref.node, secret);
	return {
		title: `Replace with var.${name}, declared sensitive at the end of the file`,
		isPreferred: true,
		edits: [
			// A secret inside a longer string (a connection string) keeps the rest of the string.
			whole ? { span: ref.node.span, newText: `var.${name}` } : { span: secret, newText: `\${var.${name}}` },
			appendVariable(file, name, [['type', 'string'], ['sensitive', 'true']]),
		],
	};
}

/** A CloudFormation property -> `'{{resolve:secretsmanager:<name>:SecretString:<key>}}'`, the name left to the user. */
function dynamicReference(secret: Span, ref: StringRef, file: ParsedFile): FixDraft | null {
	const named = namedValueOf(file, ref.node);
	// Dynamic references are resolved in resource properties only, not in parameter defaults or outputs.
	if (!ref.resource || ref.path[0] !== 'Resources' || !ref.node.isLiteral || !coversWholeValue(ref.node, secret)) {
		return null;
	}
	const key = secretKeyName(named?.name ?? ref.key ?? 'value', '_');
	const quote = file.text.charAt(ref.node.span.start) === '"' || file.text.trimStart().startsWith('{') ? '"' : '\'';
	const reference = `${escapeSnippet(`${quote}{{resolve:secretsmanager:`)}\${1:${kebab(ref.resource.name)}-credentials}${escapeSnippet(`:SecretString:${key}}}${quote}`)}`;
	return {
		title: 'Replace with a Secrets Manager dynamic reference ({{resolve:secretsmanager:...}})',
		isSnippet: true,
		edits: [{ span: ref.node.span, newText: reference }],
	};
}

/** A container's `value: ...` -> `valueFrom: secretKeyRef: {name, key}`, the Secret's name left to the user. */
function secretKeyRef(ref: StringRef, file: ParsedFile): FixDraft | null {
	const named = namedValueOf(file, ref.node);
	const entry = named?.entry;
	if (!named || !entry || entry.key !== 'value' || !named.parent || get(named.parent, 'valueFrom')) {
		return null;
	}
	const secretName = `\${1:${kebab(named.resource?.name ?? 'app')}-secrets}`;
	const key = escapeSnippet(secretKeyName(named.name, '-'));
	let newText: string;
	if (file.text.charAt(named.parent.span.start) === '{') {
		newText = `valueFrom: {secretKeyRef: {name: ${secretName}, key: ${key}\\}\\}`;
	} else {
		const column = file.lines.positionAt(entry.keySpan.start).character;
		const indent = ' '.repeat(column);
		const newline = lineBreakOf(file.text);
		newText = ['valueFrom:', `${indent}  secretKeyRef:`, `${indent}    name: ${secretName}`, `${indent}    key: ${key}`].join(newline);
	}
	return {
		title: `Read ${named.name} from a Secret (valueFrom.secretKeyRef)`,
		isSnippet: true,
		edits: [{ span: entry.span, newText }],
	};
}

/** A service's environment value -> `${NAME}`, filled in by Compose from the shell or an untracked `.env` file. */
function composeVariable(ref: StringRef, file: ParsedFile): FixDraft | null {
	const named = namedValueOf(file, ref.node);
	const environment = named?.resource ? get(named.resource.body, 'environment') : undefined;
	if (!named || !environment) {
		return null;
	}
	const isListItem = environment.kind === 'array' && environment.items.includes(ref.node);
	const isMapValue = environment.kind === 'object' && named.parent === environment;
	if (!isListItem && !isMapValue) {
		return null;
	}
	const variable = named.name.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
	const inFlow = file.text.charAt(environment.span.start) === '{' || file.text.charAt(environment.span.start) === '[';
	const isPlain = !/^["']/.test(file.text.charAt(ref.node.span.start));
	// `{` and `}` end a plain scalar inside a flow collection: there the value is quoted.
	const edit = inFlow && isPlain
		? { span: ref.node.span, newText: isListItem ? `"${named.name}=\${${variable}}"` : `"\${${variable}}"` }
		: { span: sourceSpan(ref.node, named.start, named.end), newText: `\${${variable}}` };
	return {
		title: `Replace with \${${variable}} from the environment or an untracked .env file`,
		isPreferred: true,
		edits: [edit],
	};
}

/** The smallest string value holding the span: the one the finding is about. */
function innermostString(file: ParsedFile, span: Span): StringRef | undefined {
	let best: StringRef | undefined;
	for (const ref of stringValues(file)) {
		if (containsSpan(ref.node.span, span) && (!best || ref.node.span.end - ref.node.span.start < best.node.span.end - best.node.span.start)) {
			best = ref;
		}
	}
	return best;
}

function namedValueOf(file: ParsedFile, node: StringNode): NamedValue | undefined {
	return namedValues(file).find(named => named.node === node);
}

/** True when the secret is all of the value but surrounding blanks (a heredoc's last newline). */
function coversWholeValue(node: StringNode, secret: Span): boolean {
	const start = node.value.length - node.value.trimStart().length;
	const whole = sourceSpan(node, start, node.value.trimEnd().length);
	return whole.start === secret.start && whole.end === secret.end;
}

/** `resource.aws_db_instance.orders.password` -> `orders_password`; `provider.aws.secret_key` -> `aws_secret_key`. */
function variableBase(path: readonly (string | number)[]): string {
	const keys = path.filter((key): key is string => typeof key === 'string');
	const named = keys[0] === 'resource' || keys[0] === 'data' ? keys.slice(2) : keys.slice(1);
	const name = named.slice(-3).join('_').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
	return /^[a-z]/.test(name) ? name : `secret_${name}`.replace(/_$/, '');
}

/** A key inside the secret: `MasterUserPassword` and `DB_PASSWORD` -> `password`; others in the given case style. */
function secretKeyName(name: string, separator: '_' | '-'): string {
	if (/(?:password|passwd|pass|pwd)$/i.test(name) && separator === '_') {
		return 'password';
	}
	return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, separator).replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

function kebab(name: string): string {
	return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
}
