/**
 * Names a fix gives to what it declares (a Terraform variable, a template parameter), made from
 * the name of the resource it is for, and kept apart from the names the file already uses.
 */

/** `base`, or `base_2`, `base_3` ... (joined with `separator`) until it is not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>, separator = '_'): string {
	let name = base;
	for (let suffix = 2; taken.has(name); suffix++) {
		name = `${base}${separator}${suffix}`;
	}
	return name;
}
