/** `variable "name" {` at the start of a line: how HCL declares one. */
const VARIABLE = /^[ \t]*variable[ \t]+"([^"\\\r\n]+)"/gm;

/**
 * The variables a Terraform file declares, read with a pattern rather than the parser: this runs
 * over a module's other files before each scan of the one being edited, and a name it misses only
 * means a fix's variable could clash, as it could before.
 */
export function variablesDeclaredIn(text: string): string[] {
	return [...text.matchAll(VARIABLE)].map(match => match[1]);
}
