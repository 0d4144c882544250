import type { ParsedFile } from '../model/file';
import type { Format } from '../model/format';
import { sourceSpan, type Entry } from '../model/nodes';
import { get } from '../model/query';
import { containsSpan } from '../model/range';
import { replaceAlignedAttribute } from '../fixes/hcl-alignment';
import { secretReferenceFix } from '../fixes/secret-reference';
import { defineRule, type FixDraft, type RuleReport } from './rule';
import { namedValues } from './shared/named-values';
import { describeLocation } from './shared/where';

/**
 * Database resources that can keep their master password in Secrets Manager themselves, with the
 * attribute that holds a written password and the one that turns management on.
 */
const MANAGED_PASSWORDS: Readonly<Record<string, { readonly password: string; readonly manage: string }>> = {
	aws_db_instance: { password: 'password', manage: 'manage_master_user_password' },
	aws_rds_cluster: { password: 'master_password', manage: 'manage_master_user_password' },
	'AWS::RDS::DBInstance': { password: 'MasterUserPassword', manage: 'ManageMasterUserPassword' },
	'AWS::RDS::DBCluster': { password: 'MasterUserPassword', manage: 'ManageMasterUserPassword' },
};

const ADVICE: Readonly<Partial<Record<Format, string>>> = {
	terraform: 'take it from a variable marked `sensitive = true` fed by a secret manager, or generate it (random_password)',
	cloudformation: 'use a {{resolve:secretsmanager:...}} dynamic reference or a NoEcho parameter',
	kubernetes: 'read it from a Secret with valueFrom.secretKeyRef',
	compose: 'use Compose secrets or a ${VARIABLE} from an untracked .env file',
};

export default defineRule({
	id: 'AUP-CRD-003',
	title: 'Password written in configuration',
	severity: 'error',
	aupSection: '3',
	category: 'credentials',
	formats: ['terraform', 'terraform-json', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'cloud-init', 'shell', 'bicep'],
	docs: [
		'Finds literal passwords in attributes and environment variables named as passwords: `password`, `master_password`, `admin_password`, `MasterUserPassword`, `DB_PASSWORD`, `POSTGRES_PASSWORD`, `MYSQL_ROOT_PASSWORD`, `RABBITMQ_DEFAULT_PASS` and the like, in Terraform attributes and variable defaults, CloudFormation properties, Kubernetes `env` entries and Compose `environment`. The finding covers the password only, and the message never repeats it.',
		'',
		'**Why it matters.** A password in configuration is readable by everyone who can read the repository, the Terraform state, the rendered template or the pod spec. Section 3 of the Acceptable Use Policy forbids sharing credentials or allowing unauthorized access; section 4 asks for strong, unique passwords kept confidential.',
		'',
		'**What to do instead.** Change the exposed password, then supply it at deploy time: a Terraform variable marked `sensitive = true` fed from a secret manager (or `random_password`), a CloudFormation `{{resolve:secretsmanager:...}}` dynamic reference or `NoEcho` parameter, a Kubernetes `valueFrom.secretKeyRef`, Compose `secrets:` or `${VARIABLE}` interpolation from an untracked `.env` file. For RDS databases the quick fix lets RDS generate and rotate the master password in Secrets Manager (`manage_master_user_password`, `ManageMasterUserPassword`); applications must then read it from there.',
		'',
		'**What is not reported.** References and templates (`var.db_password`, `!Ref`, `${...}`, `$(VAR)`, `{{resolve:...}}`), empty values, and obvious placeholders that cannot be the deployed password (`<password>`, `CHANGE_ME`, `REPLACE_ME`, `TODO`, `***`, `xxxx`). Weak real values such as `postgres` or `password` are reported: they are the easiest to guess.',
		'',
		'**When it is legitimate.** A local development stack that never leaves a laptop. Suppress it there with that reason: `# aup-guard-ignore AUP-CRD-003: local docker-compose only`.',
	].join('\n'),
	check(file, report) {
		for (const named of namedValues(file)) {
			if (!isPasswordName(named.name)) {
				continue;
			}
			const value = named.value.trim();
			if (!looksLikePassword(value)) {
				continue;
			}
			const start = named.start + named.value.indexOf(value);
			const managed = named.resource && MANAGED_PASSWORDS[named.resource.type];
			report({
				span: sourceSpan(named.node, start, start + value.length),
				message: `Password written in ${describeLocation(named.resource, named.name)}; anyone who can read this file has it (AUP sections 3 and 4). Change it, and ${ADVICE[file.format] ?? 'supply it from a secret manager at deploy time'}.`,
				// The variable or reference comes first: it is the fix that always keeps the database working.
				fixes: managed && named.entry?.key === managed.password && named.resource?.body.entries.includes(named.entry) ? ['secretReference', 'manageMasterPassword'] : ['secretReference'],
			});
		}
	},
	fixes: {
		manageMasterPassword: manageMasterPassword,
		secretReference: secretReferenceFix,
	},
});

/**
 * Names of password settings: `password`, `db_password`, `MasterUserPassword`, `DB_PASS`,
 * `adminPwd`. Names that only mention passwords (`password_length`, `PASSWORD_FILE`,
 * `password_reset_required`) end otherwise and are not matched.
 */
export function isPasswordName(name: string): boolean {
	return /(?:password|passwd)$/i.test(name) || /(?:^|[_.-])pass$/i.test(name) || /(?:[_.-]pwd|[a-z]Pwd)$/.test(name);
}

/** A literal that could be the deployed password: not empty, not a reference, not a placeholder. */
export function looksLikePassword(value: string): boolean {
	if (value === '' || /\$\{|\{\{|\$\(/.test(value) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
		return false;
	}
	if (/^(?:true|false|null|none|~)$/i.test(value) || /^arn:aws[a-z-]*:(?:secretsmanager|ssm):/.test(value) || value.startsWith('/run/secrets/')) {
		return false;
	}
	return !/^(?:<[^<>]*>|\*+|x+|\.{3}|change[_-]?me|replace[_-]?me|todo|tbd|placeholder|redacted)$/i.test(value);
}

/** Replaces the written password with the setting that makes RDS keep the password in Secrets Manager. */
function manageMasterPassword(report: RuleReport, file: ParsedFile): FixDraft | null {
	const resource = file.resources.find(candidate => MANAGED_PASSWORDS[candidate.type] && containsSpan(candidate.body.span, report.span));
	const names = resource && MANAGED_PASSWORDS[resource.type];
	if (!resource || !names || get(resource.body, names.manage) !== undefined) {
		return null;
	}
	const entry: Entry | undefined = resource.body.entries.find(candidate => candidate.key === names.password && containsSpan(candidate.value.span, report.span));
	if (!entry) {
		return null;
	}
	const quoted = file.text.charAt(entry.keySpan.start) === '"';
	const newText = quoted ? `"${names.manage}": true` : `${names.manage}: true`;
	return {
		title: `Let RDS keep the master password in Secrets Manager (${names.manage})`,
		edits: file.format === 'terraform'
			// Its neighbours' `=` move as terraform fmt would move them for the longer name.
			? replaceAlignedAttribute(file.text, resource.body.entries, entry, names.manage, 'true')
			: [{ span: entry.span, newText }],
	};
}
