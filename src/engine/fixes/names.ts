/**
 * Names a fix gives to what it declares (a Terraform variable, a template parameter), made from
 * the name of the resource it is for, and kept apart from the names the file already uses.
 */

/** `base`, or `base_2`, `base_3` ... (joined with `separator`) until it is not taken. */
export function uniqueName(base: string, taken: { has(name: string): boolean }, separator = '_'): string {
	let name = base;
	for (let suffix = 2; taken.has(name); suffix++) {
		name = `${base}${separator}${suffix}`;
	}
	return name;
}

/** `jump-nsg` -> `jump_nsg`; empty when the name has no letters or digits. */
export function snakeCase(name: string): string {
	return wordsOf(name).map(word => word.toLowerCase()).join('_');
}

/** `jump-nsg` -> `JumpNsg`; a name already in Pascal case (`WindowsSG`) keeps its capitals. */
export function pascalCase(name: string): string {
	return wordsOf(name).map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** `jump-nsg` -> `jumpNsg`. */
export function camelCase(name: string): string {
	const pascal = pascalCase(name);
	const lead = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(pascal)?.[0] ?? pascal.charAt(0);
	return lead.toLowerCase() + pascal.slice(lead.length);
}

/** The words of a name as written in any case style: `WindowsSG`, `jump-nsg`, `orders_db` -> words. */
function wordsOf(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(word => word !== '');
}
