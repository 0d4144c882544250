import { sourceSpan, type ObjectNode, type StringNode } from '../model/nodes';
import { stringValues } from '../model/query';
import type { Span } from '../model/range';
import { CLOUD_SECRET_PATTERNS, SAAS_TOKEN_PATTERNS, findSecrets, isDocumentedExample } from '../secrets/patterns';
import { secretReferenceFix } from '../fixes/secret-reference';
import { defineRule, type RuleReport } from './rule';
import { namedValues, type NamedValue } from './shared/named-values';
import { describeLocation } from './shared/where';
import { reportingOnce } from './shared/report-once';

const PATTERNS = [...CLOUD_SECRET_PATTERNS, ...SAAS_TOKEN_PATTERNS];

/** Names that say "AWS secret access key" once case and separators are dropped. */
const AWS_SECRET_NAMES = new Set(['awssecretaccesskey', 'secretaccesskey', 'awssecretkey']);
/** What an AWS secret access key looks like: 40 characters of base64 without padding. */
const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
const ACCESS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
/** Names an access key id goes under, compared as `name` below is (lower case, letters and digits). */
const ACCESS_KEY_NAMES = new Set(['accesskey', 'accesskeyid', 'awsaccesskey', 'awsaccesskeyid']);

export default defineRule({
	id: 'AUP-CRD-001',
	title: 'Hard-coded cloud access key or token',
	severity: 'error',
	aupSection: '3',
	category: 'credentials',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds credentials written into configuration: AWS access key ids (`AKIA...`, `ASIA...`) and secret access keys, the private key of a GCP service-account key file, Azure storage account keys and shared access keys in connection strings, Google API keys, and tokens of GitHub, GitLab, Slack, Stripe (live keys), npm and SendGrid. Findings point at the secret only, and messages never repeat it.',
		'',
		'**Why it matters.** Configuration is copied into repositories, CI logs, state files and chat, and a key in it is a key anyone with the file can use. Section 3 of the Acceptable Use Policy forbids sharing credentials or allowing unauthorized access, and section 4 makes keeping credentials confidential your responsibility.',
		'',
		'**What to do instead.** Rotate the key first: it has already been exposed. Then give workloads an identity instead of a key (IAM roles and instance profiles, IRSA or Workload Identity, managed identities), or read the secret at deploy time: a Terraform variable marked `sensitive = true` fed from a secret manager, a Kubernetes `secretKeyRef`, CloudFormation\'s `{{resolve:secretsmanager:...}}`.',
		'',
		'**When it is legitimate.** Practically never in deployable configuration. AWS\'s documented example keys (`AKIAIOSFODNN7EXAMPLE`) and Stripe test keys are not reported. For a deliberately fake key in a test fixture, suppress the line with that reason: `# aup-guard-ignore AUP-CRD-001: fake key used by the parser tests`.',
	].join('\n'),
	check(file, report) {
		const once = reportingOnce(report);
		// Named values first: their messages can say `AWS_SECRET_ACCESS_KEY` rather than `value`.
		const searched = new Set<StringNode>();
		for (const named of namedValues(file)) {
			searched.add(named.node);
			const where = describeLocation(named.resource, named.name);
			const value = named.value.trim();
			if (isAwsSecretAccessKey(named, value)) {
				const start = named.start + named.value.indexOf(value);
				once(credentialReport('AWS secret access key', sourceSpan(named.node, start, start + value.length), where));
			}
			for (const secret of findSecrets(named.node.value, PATTERNS)) {
				once(credentialReport(secret.kind, sourceSpan(named.node, secret.start, secret.end), where));
			}
		}
		for (const ref of stringValues(file)) {
			if (searched.has(ref.node)) {
				// Searched above, whole, under its name.
				continue;
			}
			for (const secret of findSecrets(ref.node.value, PATTERNS)) {
				once(credentialReport(secret.kind, sourceSpan(ref.node, secret.start, secret.end), describeLocation(ref.resource, ref.key)));
			}
		}
	},
	fixes: {
		secretReference: secretReferenceFix,
	},
});

function credentialReport(kind: string, span: Span, where: string): RuleReport {
	return {
		span,
		message: `${capitalize(kind)} hard-coded in ${where}. Anyone who can read this file can use it (AUP sections 3 and 4): rotate it now, then use a workload identity or read it from a secret manager or a variable marked sensitive.`,
		fixes: ['secretReference'],
	};
}

/**
 * A 40-character key under a name that says it is an AWS secret, or under any `secret` name next
 * to an access key id (`access_key = "AKIA..."`, `secret_key = "..."` in a provider block). The
 * access key may already come from a variable: the secret beside it is still the pair's secret.
 */
function isAwsSecretAccessKey(named: NamedValue, value: string): boolean {
	if (!AWS_SECRET_SHAPE.test(value) || isDocumentedExample(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value)) {
		return false;
	}
	const name = named.name.toLowerCase().replace(/[^a-z0-9]/g, '');
	if (AWS_SECRET_NAMES.has(name)) {
		return true;
	}
	return name.includes('secret') && named.parent !== undefined && hasAccessKeyId(named.parent);
}

function hasAccessKeyId(object: ObjectNode): boolean {
	return object.entries.some(entry => ACCESS_KEY_NAMES.has(entry.key.toLowerCase().replace(/[^a-z0-9]/g, ''))
		|| entry.value.kind === 'string' && ACCESS_KEY_ID.test(entry.value.value.trim()));
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
