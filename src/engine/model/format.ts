/** The IaC formats the engine understands. */
export const FORMATS = [
	'terraform',
	'terraform-json',
	'cloudformation',
	'kubernetes',
	'compose',
	'dockerfile',
	'arm',
	'bicep',
	'cloud-init',
	'shell',
] as const;

export type Format = (typeof FORMATS)[number];

export function isFormat(value: unknown): value is Format {
	return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}
