import { spawnSync } from 'node:child_process';

let installed: boolean | undefined;
/** Rule tests ask about the same source once per finding. */
const formatted = new Map<string, string | undefined>();

/**
 * The text as `terraform fmt` lays it out, when Terraform is installed on this machine (CI images
 * need not have it); undefined when it is not, or when the text does not parse. Terraform's
 * update check is turned off, so nothing is fetched.
 */
export function terraformFmt(text: string): string | undefined {
	if (installed === false) {
		return undefined;
	}
	if (formatted.has(text)) {
		return formatted.get(text);
	}
	const result = spawnSync('terraform', ['fmt', '-no-color', '-'], {
		input: text,
		encoding: 'utf8',
		env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' },
	});
	installed = !result.error;
	const layout = installed && result.status === 0 ? result.stdout : undefined;
	formatted.set(text, layout);
	return layout;
}
