import invalidSuppression from '../../../src/engine/rules/invalid-suppression';
import { ruleTester } from '../rule-tester';

// The rule tester scans on 2026-06-01 with every other rule turned off: their ids stay known.
ruleTester.run(invalidSuppression, {
	flagged: [
		{
			name: 'a trailing directive without a reason',
			path: 'network.tf',
			source: 'resource "aws_security_group" "web" {\n  name = "web" # aup-guard-ignore AUP-NET-001\n}\n',
			findings: [{
				ruleId: 'AUP-SUP-001', line: 1, character: 17, endLine: 1, endCharacter: 45,
				text: 'aup-guard-ignore AUP-NET-001',
				message: /^Suppression has no reason, so it does not apply: .*'aup-guard-ignore AUP-NET-001: why this is acceptable'\.$/,
			}],
		},
		{
			name: 'a mistyped rule id, with the nearest id suggested',
			path: 'network.tf',
			source: '# aup-guard-ignore AUP-NTE-001: bastion behind the VPN\nresource "aws_security_group" "bastion" {}\n',
			findings: [{
				ruleId: 'AUP-SUP-001', line: 0, character: 2, endLine: 0, endCharacter: 54,
				text: 'aup-guard-ignore AUP-NTE-001: bastion behind the VPN',
				message: 'Unknown rule id AUP-NTE-001, so the suppression does not apply: did you mean AUP-NET-001?',
			}],
		},
		{
			name: 'an expired directive in a block comment',
			path: 'network.tf',
			source: '/* aup-guard-ignore AUP-NET-001: migration window until=2026-05-31 */\nresource "aws_security_group" "old" {}\n',
			findings: [{
				ruleId: 'AUP-SUP-001', line: 0, character: 3, endLine: 0, endCharacter: 66,
				text: 'aup-guard-ignore AUP-NET-001: migration window until=2026-05-31',
				message: /^Suppression of AUP-NET-001 expired after 2026-05-31, so it no longer applies: fix the finding, or set a later until=/,
			}],
		},
		{
			name: 'an impossible date in Compose',
			path: 'compose.yaml',
			source: 'services:\n  web:\n    image: nginx:1.27 # aup-guard-ignore AUP-MIN-001: r until=2026-02-30\n',
			findings: [{
				ruleId: 'AUP-SUP-001', line: 2, character: 24, endLine: 2, endCharacter: 72,
				text: 'aup-guard-ignore AUP-MIN-001: r until=2026-02-30',
				message: /until=2026-02-30 is not a real day/,
			}],
		},
		{
			name: 'an expired directive in a Kubernetes annotation, pointed at inside the string',
			path: 'deploy.yaml',
			source: [
				'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  annotations:',
				'    aup-guard.autoscalr.com/ignore: "AUP-NET-001: ok; AUP-MIN-001: benchmark until=2026-01-31"', 'spec: {}', '',
			].join('\n'),
			findings: [{
				ruleId: 'AUP-SUP-001', line: 5, character: 54, endLine: 5, endCharacter: 93,
				text: 'AUP-MIN-001: benchmark until=2026-01-31',
				message: /expired after 2026-01-31/,
			}],
		},
		{
			name: 'a directive that tries to suppress AUP-SUP-001 itself',
			path: 'main.tf',
			source: '# aup-guard-ignore-file AUP-SUP-001: too noisy\nlocals {}\n',
			findings: [{
				ruleId: 'AUP-SUP-001', line: 0, character: 2, endLine: 0, endCharacter: 46,
				text: 'aup-guard-ignore-file AUP-SUP-001: too noisy',
				message: /^AUP-SUP-001 cannot be suppressed/,
			}],
		},
	],
	clean: [
		{
			name: 'a valid directive with a reason and an expiry still to come',
			path: 'network.tf',
			source: '# aup-guard-ignore AUP-NET-001: bastion reachable only from the office VPN until=2027-03-31\nresource "aws_security_group" "bastion" {}\n',
		},
		{
			name: 'a directive on its until day',
			path: 'network.tf',
			source: 'resource "aws_security_group" "web" {\n  name = "web" # aup-guard-ignore AUP-NET-001: last day of the window until=2026-06-01\n}\n',
		},
		{
			name: 'a broken directive inside a string value, which is not a comment',
			path: 'network.tf',
			source: 'resource "aws_security_group" "web" {\n  description = "aup-guard-ignore AUP-XXX-999"\n}\n',
		},
		{
			name: 'a YAML key named like the directive',
			path: 'deploy.yaml',
			source: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  aup-guard-ignore: "AUP-XXX-999"\n',
		},
		{
			name: 'the keyword mentioned in prose',
			path: 'main.tf',
			source: '# To accept a finding, see aup-guard-ignore in the README.\nlocals {}\n',
		},
	],
});
