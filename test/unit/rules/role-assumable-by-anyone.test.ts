import rule from '../../../src/engine/rules/role-assumable-by-anyone';
import { ruleTester } from '../rule-tester';
import { NARROWED_TRUST_POLICIES_TF, OPEN_RESOURCE_POLICIES_TF, OPEN_TRUST_POLICIES_TF } from './fixtures/public-access';

const id = 'AUP-IAM-002';

ruleTester.run(rule, {
	flagged: [
		{
			name: 'AWS * with only an external id, and a referenced data document with principal type *',
			path: 'roles.tf',
			source: OPEN_TRUST_POLICIES_TF,
			findings: [
				{ ruleId: id, line: 6, character: 27, endLine: 6, endCharacter: 28, text: '*', message: /^aws_iam_role\.cross_account lets any AWS account assume it \(Principal '\*', no condition on the caller's organization or account\), which allows unauthorized access \(AUP section 3\)\./ },
				{ ruleId: id, line: 20, character: 22, endLine: 20, endCharacter: 23, text: '*', message: /^aws_iam_role\.jobs lets any AWS account assume it/ },
			],
		},
		{
			name: 'Principal * in a CloudFormation trust policy',
			path: 'roles.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PartnerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sts:AssumeRole
`,
			findings: [
				{ ruleId: id, line: 9, character: 24, endLine: 9, endCharacter: 25, text: '*', message: /^AWS::IAM::Role 'PartnerRole' lets any AWS account assume it/ },
			],
		},
	],
	clean: [
		{
			name: '* narrowed to the organization, GitHub OIDC with a sub condition, and a service principal',
			path: 'roles.tf',
			source: NARROWED_TRUST_POLICIES_TF,
		},
		{
			name: 'open resource policies are AUP-IAM-003\'s and the storage rules\'',
			path: 'policies.tf',
			source: OPEN_RESOURCE_POLICIES_TF,
		},
	],
});
