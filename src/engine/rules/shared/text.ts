/**
 * Blanks out template expressions (`${var.x}`, `{{ .Values.x }}`, `$(VAR)`) with spaces of the
 * same length: what they hold is decided at deploy time, and a name inside one
 * (`${var.xmrig_image}`) says nothing about the value. Offsets stay valid for ranges.
 */
export function maskTemplates(text: string): string {
	if (!text.includes('${') && !text.includes('{{') && !text.includes('$(')) {
		return text;
	}
	return text.replace(/\$\{[^{}]{0,500}\}|\{\{[^{}]{0,500}\}\}|\$\([^()]{0,500}\)/g, match => ' '.repeat(match.length));
}

/** Whether a value is, in whole or in part, decided at deploy time. */
export function hasTemplate(text: string): boolean {
	return /\$\{|\{\{|\$\(|\$[A-Za-z_]/.test(text);
}
