import { directiveProblems, directivesOf } from '../suppress/index';
import { defineRule } from './rule';

/**
 * A suppression that does not apply must say so: otherwise a typo in an id or a lapsed date
 * leaves the user believing a finding was reviewed (AUP section 4: reviewing generated
 * configurations before deployment is the user's responsibility).
 */
export default defineRule({
	id: 'AUP-SUP-001',
	title: 'Invalid or expired suppression',
	severity: 'warning',
	aupSection: '4',
	category: 'ai-review',
	// Every format with comments, and Kubernetes for its annotation; JSON formats have neither.
	formats: ['terraform', 'cloudformation', 'kubernetes', 'compose', 'dockerfile', 'bicep', 'cloud-init', 'shell'],
	docs: [
		'A suppression records that a person reviewed a finding and accepted it, so it must say which rule, why, and for how long.',
		'Write it in a comment: `# aup-guard-ignore AUP-NET-001: bastion reachable only through the VPN until=2027-03-31`',
		'(`//` and `/* */` work in Terraform too). Several ids are separated by commas; the reason after the colon is required;',
		'`until=YYYY-MM-DD` is optional and the suppression still applies on that day.',
		'At the end of a code line it covers findings that start on that line. On its own line it covers the next line that holds code,',
		'or the whole block, YAML key, list item or resource that starts there.',
		'`# aup-guard-ignore-file AUP-NET-001: reason` in the comments at the top of a file covers the whole file.',
		'On a Kubernetes object, the annotation `aup-guard.autoscalr.com/ignore: "AUP-NET-001: reason until=2027-03-31"` covers the whole object;',
		'put several directives on separate lines of a block scalar or separate them with `;`.',
		'This rule reports a directive that has no reason, names an unknown rule, has a malformed date, has expired,',
		'or covers nothing; such a directive suppresses nothing. Suppressed findings are still listed, with their reason, in the',
		'CLI\'s JSON and SARIF output. This rule itself cannot be suppressed: correct the directive instead.',
	].join(' '),
	check(file, report, context) {
		for (const directive of directivesOf(file)) {
			for (const message of directiveProblems(directive, context)) {
				report({ span: directive.span, message });
			}
		}
	},
});
