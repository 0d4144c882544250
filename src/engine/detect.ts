import type { Format } from './model/format';

/** How much of a file content sniffing reads: generated files put their telling keys near the top. */
const SNIFF_LENGTH = 64 * 1024;

/**
 * The format of a file, by its name first and its content where the name is not enough, so a
 * generated `stack.yaml` or `output-3.json` is still recognised. Undefined means "not IaC we know".
 */
export function detectFormat(path: string, text: string): Format | undefined {
	const name = baseName(path).toLowerCase();
	const head = text.slice(0, SNIFF_LENGTH);
	if (name.endsWith('.tf') || name.endsWith('.tfvars')) {
		return 'terraform';
	}
	if (name.endsWith('.tf.json') || name.endsWith('.tfvars.json')) {
		return 'terraform-json';
	}
	if (isDockerfileName(name)) {
		return 'dockerfile';
	}
	if (name.endsWith('.bicep')) {
		return 'bicep';
	}
	if (name.endsWith('.yaml') || name.endsWith('.yml')) {
		return sniffYaml(name, path, head);
	}
	if (name.endsWith('.json') || name.endsWith('.template')) {
		return sniffJson(head);
	}
	return sniffScript(name, head);
}

/**
 * The format of a file a Terraform configuration reads as user data or a startup script
 * (`file("${path.module}/bootstrap")`, `templatefile("userdata.txt", ...)`): what its name or
 * content says (cloud-init for `#cloud-config` under any name), else a shell script when its name
 * has no extension or a plain-text one (`.cfg`, `.txt`), since that is what a machine does with
 * its user data. Other files, such as Helm values passed through `templatefile`, are not scripts.
 */
export function referencedScriptFormat(path: string, text: string): Format | undefined {
	const detected = detectFormat(path, text);
	if (detected) {
		return detected;
	}
	const name = baseName(path).toLowerCase().replace(/\.(?:tpl|tftpl)$/, '');
	return /^[^.]+$|\.(?:sh|bash|cfg|txt)$/.test(name) ? 'shell' : undefined;
}

/** `Dockerfile`, `Dockerfile.prod`, `Dockerfile-alpine`, `api.dockerfile`, `Containerfile` and their variants. */
function isDockerfileName(name: string): boolean {
	return /^(?:docker|container)file(?:[._-][\w.-]*)?$/.test(name) || name.endsWith('.dockerfile');
}

/**
 * cloud-init user data by its first line under any name; startup scripts by extension, or by
 * their shebang when the name has no extension (`user-data`, `bootstrap`). A Terraform template
 * (`.tpl`, `.tftpl`) is a script unless its name says it renders something else (`policy.json.tpl`).
 */
function sniffScript(name: string, text: string): Format | undefined {
	const head = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (head.startsWith('#cloud-config')) {
		return 'cloud-init';
	}
	if (name.endsWith('.sh') || name.endsWith('.bash')) {
		return 'shell';
	}
	const template = /\.(?:tpl|tftpl)$/.exec(name);
	const rendered = template ? name.slice(0, template.index) : name;
	if (template && (!/\.[a-z0-9]+$/.test(rendered) || /\.(?:sh|bash)$/.test(rendered))) {
		return 'shell';
	}
	if ((!rendered.includes('.') || template) && /^#!\s*\/(usr\/)?bin\/(env\s+)?(ba|da|z|k|a)?sh\b/.test(head)) {
		return 'shell';
	}
	return undefined;
}

function sniffYaml(name: string, path: string, text: string): Format | undefined {
	// Files saved with a byte order mark (Windows tools) have it before their first key.
	const head = text.startsWith('\uFEFF') ? text.slice(1) : text;
	if (head.startsWith('#cloud-config')) {
		return 'cloud-init';
	}
	// Helm chart templates are not YAML until rendered; reading them raw only makes noise.
	if (/\{\{-?\s/.test(head) && /(^|[\\/])templates[\\/]/.test(path)) {
		return undefined;
	}
	if (/^AWSTemplateFormatVersion\s*:/m.test(head) || /^Transform\s*:\s*['"]?AWS::Serverless/m.test(head)
		|| /^\s+Type\s*:\s*['"]?(AWS|Alexa)::[A-Za-z0-9]+::/m.test(head) && /^Resources\s*:/m.test(head)) {
		return 'cloudformation';
	}
	if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) {
		return 'compose';
	}
	if (/^apiVersion\s*:/m.test(head) && /^kind\s*:/m.test(head)) {
		return 'kubernetes';
	}
	if (/^services\s*:/m.test(head) && /^\s+(image|build)\s*:/m.test(head)) {
		return 'compose';
	}
	return undefined;
}

function sniffJson(head: string): Format | undefined {
	if (/"AWSTemplateFormatVersion"\s*:/.test(head) || /"Type"\s*:\s*"AWS::[A-Za-z0-9]+::/.test(head)
		|| /"Transform"\s*:\s*\[?\s*"AWS::Serverless/.test(head)) {
		return 'cloudformation';
	}
	// Resource group, subscription, management group and tenant templates: `...DeploymentTemplate.json#`.
	if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i.test(head)
		|| /"contentVersion"\s*:/.test(head) && /"type"\s*:\s*"Microsoft\.[A-Za-z]+\/[A-Za-z]/i.test(head)) {
		return 'arm';
	}
	if (/^\s*\{\s*"(resource|provider|terraform|variable|module|data)"\s*:/.test(head)) {
		return 'terraform-json';
	}
	return undefined;
}

function baseName(path: string): string {
	const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	return path.slice(slash + 1);
}
