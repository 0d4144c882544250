import { sourceSpan } from '../model/nodes';
import { stringValues } from '../model/query';
import { CLOUD_SECRET_PATTERNS, PRIVATE_KEY_PATTERN, findSecrets } from '../secrets/patterns';
import { secretReferenceFix } from '../fixes/secret-reference';
import { defineRule } from './rule';
import { describeLocation } from './shared/where';

/** A GCP key file's private key is reported by AUP-CRD-001 as what it is, a service-account key. */
const SERVICE_ACCOUNT_KEY = CLOUD_SECRET_PATTERNS.filter(pattern => pattern.kind === 'GCP service-account private key');

export default defineRule({
	id: 'AUP-CRD-002',
	title: 'Private key in configuration',
	severity: 'error',
	aupSection: '3',
	category: 'credentials',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds PEM private keys written into configuration values: `-----BEGIN RSA PRIVATE KEY-----`, and the EC, DSA, OpenSSH, PKCS#8 (`BEGIN PRIVATE KEY`) and encrypted forms. The finding covers the key from its BEGIN line through its END line. Public keys, certificates, and markers with no key material after them (a template such as `${var.key}` between the markers) are not reported.',
		'',
		'**Why it matters.** A private key proves identity: whoever holds it can log in as the key\'s owner, impersonate the TLS server, or decrypt what was sent to it. Written into configuration, it ends up in every clone, state file and log that carries the file. Section 3 of the Acceptable Use Policy forbids sharing credentials or allowing unauthorized access, and section 4 asks you to keep credentials confidential.',
		'',
		'**What to do instead.** Treat the key as exposed: generate a new pair and revoke the old one. Keep private keys in a secret manager or certificate service (AWS Secrets Manager or ACM, Google Secret Manager, Azure Key Vault, Kubernetes Secrets created outside the repository) and reference them; in Terraform, read them with a data source into a variable marked `sensitive = true`.',
		'',
		'**When it is legitimate.** A throw-away key in a test fixture that protects nothing. Suppress it with that reason: `# aup-guard-ignore AUP-CRD-002: key generated for the TLS unit tests only`.',
	].join('\n'),
	check(file, report) {
		for (const ref of stringValues(file)) {
			const value = ref.node.value;
			if (!value.includes('PRIVATE KEY-----')) {
				continue;
			}
			const serviceAccountKeys = findSecrets(value, SERVICE_ACCOUNT_KEY);
			for (const key of findSecrets(value, [PRIVATE_KEY_PATTERN])) {
				if (serviceAccountKeys.some(other => other.start <= key.start && key.start < other.end)) {
					continue;
				}
				const label = /-----BEGIN ([A-Z ]+)-----/.exec(value.slice(key.start, key.start + 60))?.[1] ?? 'PRIVATE KEY';
				report({
					span: sourceSpan(ref.node, key.start, key.end),
					message: `${describeKey(label)} written in ${describeLocation(ref.resource, ref.key)}. Anyone who can read this file holds it (AUP sections 3 and 4): replace the key pair, and keep the private key in a secret manager, referenced at deploy time.`,
					fixes: ['secretReference'],
				});
			}
		}
	},
	fixes: {
		secretReference: secretReferenceFix,
	},
});

/** `RSA PRIVATE KEY` -> `RSA private key`; `PRIVATE KEY` -> `Private key`. */
function describeKey(label: string): string {
	const kind = label.replace(/PRIVATE KEY(?: BLOCK)?$/, '').trim();
	const named = kind === 'ENCRYPTED' ? 'Encrypted' : kind === 'OPENSSH' ? 'OpenSSH' : kind;
	return named ? `${named} private key` : 'Private key';
}
