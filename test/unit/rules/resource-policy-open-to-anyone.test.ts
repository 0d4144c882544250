import rule from '../../../src/engine/rules/resource-policy-open-to-anyone';
import { ruleTester } from '../rule-tester';
import { NARROWED_TRUST_POLICIES_TF, OPEN_POLICIES_CFN, OPEN_RESOURCE_POLICIES_TF, OPEN_TRUST_POLICIES_TF } from './fixtures/public-access';

const id = 'AUP-IAM-003';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'an SQS queue anyone can use, next to an SNS statement narrowed by aws:SourceArn and bucket policies',
			path: 'policies.tf',
			source: OPEN_RESOURCE_POLICIES_TF,
			findings: [
				{ ruleId: id, line: 6, character: 19, endLine: 6, endCharacter: 20, text: '*', message: /^aws_sqs_queue_policy\.orders allows sqs:SendMessage, sqs:ReceiveMessage to any AWS principal \(Principal '\*'\) with no condition on who calls\./ },
			],
		},
		{
			name: 'a KMS key anyone can decrypt with, in CloudFormation',
			path: 'kms.yaml',
			source: OPEN_POLICIES_CFN,
			findings: [
				{ ruleId: id, line: 17, character: 20, endLine: 17, endCharacter: 21, text: '*', message: /^AWS::KMS::Key 'KeyPolicyOpen' allows kms:Decrypt to any AWS principal/ },
			],
		},
	],
	clean: [
		{
			name: 'trust policies are AUP-IAM-002\'s',
			path: 'roles.tf',
			source: OPEN_TRUST_POLICIES_TF,
		},
		{
			name: 'narrowed and federated trust, service principals',
			path: 'roles.tf',
			source: NARROWED_TRUST_POLICIES_TF,
		},
	],
});
