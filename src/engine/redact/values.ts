/** How a value was written, which changes what a reference looks like. */
export interface ValueContext {
	/** Written in quotes: no YAML tags, aliases or bare HCL expressions apply. */
	readonly quoted: boolean;
	/** The separator after the name: ':', '=', '=>' or ' ' (a CLI flag or Dockerfile ENV). */
	readonly separator: string;
}

/**
 * True when a value in a credential-named field does not hold the credential itself: a reference
 * to one (`var.x`, `${...}`, `!Ref`, `{{resolve:...}}`, `$(...)`, a secret store's address), a
 * flag, or nothing. Everything else goes, even when no vendor pattern knows its shape.
 */
export function isNotSecretValue(value: string, context: ValueContext): boolean {
	const text = value.trim();
	if (text.length === 0 || MARKER.test(text) || NOT_A_VALUE.test(text)) {
		return true;
	}
	if (/^[{[]/.test(text) && !/^\[[A-Za-z]+\(/.test(text)) {
		// The value is a structure (`auth: { ... }`, `tokens: [ ... ]`); its own fields are scanned on their own.
		return true;
	}
	return isReference(text, context);
}

function isReference(text: string, context: ValueContext): boolean {
	if (TEMPLATE.test(text) || SHELL_REFERENCE.test(text) || STORE_ADDRESS.test(text) || ARM_EXPRESSION.test(text) || TERRAFORM_TRAVERSAL.test(text)) {
		return true;
	}
	if (!context.quoted && context.separator === ':' && /^(?:![A-Za-z]|\*[A-Za-z0-9_])/.test(text)) {
		// A YAML tag (`!Ref DbPassword`, `!Sub ...`) or alias (`*password`); `!!str x` is a literal.
		return true;
	}
	if (!context.quoted && context.separator !== ':') {
		// Bare HCL expressions: a resource attribute or a function call.
		return RESOURCE_TRAVERSAL.test(text) || FUNCTION_CALL.test(text);
	}
	return false;
}

const MARKER = /^<redacted: [^<>]{1,80}>$/;

const NOT_A_VALUE = /^(?:true|false|yes|no|on|off|null|nil|none|undefined|~|""|'')$/i;

/** Interpolation and templating: HCL, Compose, GitHub Actions, Helm, Jinja, ERB, Concourse. */
const TEMPLATE = /\$\{|\{\{|\(\(|<%|%\{/;

/** `$VAR`, `${VAR}`, `$(command)`, and the environment lookups of common languages. */
const SHELL_REFERENCE = /^(?:\$[A-Za-z_{(]|process\.env\.|os\.environ|ENV\[|env\(|getenv\()/;

/** Addresses of a secret in a store, not the secret: ARNs, Key Vault references, Vault and 1Password paths. */
const STORE_ADDRESS = /^(?:arn:|@Microsoft\.KeyVault\(|projects\/[^/\s]{1,100}\/secrets\/|(?:vault|ssm|secretsmanager|awssm|gcpsm|azkv|keyvault|keyvaultref|secretref|op|ref\+[a-z]{2,20}):)/;

/** ARM template expressions: `[parameters('adminPassword')]`. */
const ARM_EXPRESSION = /^\[[A-Za-z]{1,40}\(.*\)\]$/;

/** `var.db_password`, `local.x`, `module.db.password`, `data.vault_generic_secret.x.data["p"]`. */
const TERRAFORM_TRAVERSAL = /^(?:var|local|module|data|each|count|self|path|terraform)\.[A-Za-z_][\w.\-[\]"']{0,200}$/;

/** `random_password.db.result`, `aws_db_instance.main.password`. */
const RESOURCE_TRAVERSAL = /^[a-z][a-z0-9]{0,30}_[a-z0-9_]{0,60}\.[A-Za-z_][\w-]{0,80}\.[A-Za-z_][\w.[\]"]{0,80}$/;

/** `file("secret.txt")`, `lookup(var.m, "k")`, `sensitive(var.x)`, `provider::ns::fn(...)`. */
const FUNCTION_CALL = /^[a-z][a-z0-9_]{0,40}(?:::[a-z0-9_]{1,40}){0,3}\(/;
