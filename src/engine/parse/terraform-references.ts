import type { ParsedFile } from '../model/file';
import { sourceSpan, type StringNode, type ValueNode } from '../model/nodes';
import type { Span } from '../model/range';

/** A file a Terraform configuration reads with `file()` or `templatefile()`, resolved against it. */
export interface ScriptReference {
	/** The referenced file's path, in the style (separators, prefix) of the Terraform file's path. */
	readonly path: string;
	/** The same file relative to the Terraform file's folder, with `/` (`scripts/init.sh`, `../shared/boot.tftpl`), for adapters that join URIs. */
	readonly relativePath: string;
	/** The path argument in the Terraform file, quotes included. */
	readonly span: Span;
}

/** Functions whose first argument names a file whose text ends up in the configuration. */
const FILE_FUNCTION = /\b(?:file|templatefile|filebase64|filebase64sha256|filesha256)\s*\(\s*$/;

/**
 * What a startup script or a user data template is called, once a template extension is taken off
 * (`init.sh.tftpl`, `boot.tpl`): other files (JSON policies, keys, `policy.json.tpl`) are not scripts.
 */
const SCRIPT_NAME = /(?:\.(?:sh|bash|ya?ml|cfg|txt)|(?:^|[\\/])[^.\\/]+)$/i;
const TEMPLATE_EXTENSION = /\.(?:tpl|tftpl)$/i;

/**
 * The scripts a Terraform file reads from disk (`user_data = file("${path.module}/init.sh")`,
 * `templatefile("scripts/boot.tftpl", {...})`), so an adapter that can read files can scan them
 * as well. `path.module` and `path.root` resolve to the Terraform file's folder, as does a
 * relative path (Terraform resolves those against the working directory, which is the root
 * module's folder in the usual layout). Paths built from variables cannot be known and are left out.
 */
export function referencedScripts(file: ParsedFile): ScriptReference[] {
	if (file.format !== 'terraform' && file.format !== 'terraform-json') {
		return [];
	}
	const found: ScriptReference[] = [];
	const seen = new Set<string>();
	const visit = (node: ValueNode, depth: number): void => {
		if (depth > 64) {
			return;
		}
		switch (node.kind) {
			case 'string':
				// Terraform JSON writes expressions as `${...}` templates inside JSON strings.
				if (file.format === 'terraform-json' && node.isLiteral === false) {
					for (const reference of templateReferences(file, node)) {
						if (!seen.has(`${reference.span.start}`)) {
							seen.add(`${reference.span.start}`);
							found.push(reference);
						}
					}
				}
				break;
			case 'object':
				node.entries.forEach(entry => visit(entry.value, depth + 1));
				break;
			case 'array':
				node.items.forEach(item => visit(item, depth + 1));
				break;
			case 'expression':
				for (const part of node.parts) {
					const reference = part.kind === 'string' ? referenceOf(file, part) : undefined;
					if (reference && !seen.has(`${reference.span.start}`)) {
						seen.add(`${reference.span.start}`);
						found.push(reference);
					}
					visit(part, depth + 1);
				}
				break;
		}
	};
	file.roots.forEach(root => visit(root, 0));
	return found.sort((a, b) => a.span.start - b.span.start);
}

/** The reference when the string is the first argument of a file function and names a script. */
function referenceOf(file: ParsedFile, node: StringNode): ScriptReference | undefined {
	const before = file.text.slice(Math.max(0, node.span.start - 40), node.span.start);
	return FILE_FUNCTION.test(before) ? scriptReference(file, node.value, node.span) : undefined;
}

/** `"${file(\"${path.module}/init.sh\")}"` in Terraform JSON: each file function's first argument, as written in the template. */
const TEMPLATE_FILE_CALL = /\b(?:file|templatefile|filebase64|filebase64sha256|filesha256)\s*\(\s*"((?:[^"\\]|\\.){0,500})"/g;

function templateReferences(file: ParsedFile, node: StringNode): ScriptReference[] {
	if (!node.value.includes('${')) {
		return [];
	}
	const found: ScriptReference[] = [];
	for (const match of node.value.matchAll(TEMPLATE_FILE_CALL)) {
		// Quotes included, as in HCL: the match ends with the closing one, written `\"` in JSON.
		const start = match.index + match[0].length - match[1].length - 2;
		const reference = scriptReference(file, match[1], sourceSpan(node, start, start + match[1].length + 2));
		if (reference) {
			found.push(reference);
		}
	}
	return found;
}

/** A path argument (`${path.module}/init.sh`, `scripts/boot.tftpl`) resolved against the file, when it names a script. */
function scriptReference(file: ParsedFile, argument: string, span: Span): ScriptReference | undefined {
	const relative = argument.replace(/^\$\{\s*path\.(?:module|root)\s*\}\/?/, '');
	if (relative === '' || /\$\{|%\{/.test(relative) || !SCRIPT_NAME.test(relative.replace(TEMPLATE_EXTENSION, ''))) {
		return undefined;
	}
	const path = resolve(directoryOf(file.path), relative);
	return path === undefined ? undefined : { path, relativePath: relative.replace(/\\/g, '/'), span };
}

/** The folder part of a path, with its trailing separator (`/ws/infra/`, `C:\ws\`, `untitled:`), or '' for a bare name. */
function directoryOf(path: string): string {
	const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	return path.slice(0, slash + 1);
}

/**
 * `relative` (always written with `/` in Terraform) joined to `directory`, with `.` and `..`
 * steps applied, in the directory's separator style. Undefined for an absolute path outside
 * the configuration or one that climbs above the directory's root.
 */
function resolve(directory: string, relative: string): string | undefined {
	if (/^(?:[\\/]|[A-Za-z]:[\\/]|~)/.test(relative)) {
		return undefined;
	}
	const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
	const prefix = /^(?:[A-Za-z]:[\\/]|[\\/]+|[a-z][\w+.-]*:\/\/[^/]*\/)?/i.exec(directory)?.[0] ?? '';
	const steps = directory.slice(prefix.length).split(/[\\/]/).filter(step => step !== '');
	for (const step of relative.split(/[\\/]/)) {
		if (step === '..') {
			if (steps.length === 0) {
				return undefined;
			}
			steps.pop();
		} else if (step !== '.' && step !== '') {
			steps.push(step);
		}
	}
	return prefix + steps.join(separator);
}
