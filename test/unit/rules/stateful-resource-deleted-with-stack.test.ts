import rule from '../../../src/engine/rules/stateful-resource-deleted-with-stack';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-006';

const flagged = [
	{
		name: 'an RDS instance and a DynamoDB table deleted with the stack',
		path: 'data.yaml',
		source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Delete
    Properties:
      Engine: postgres
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete # demo
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
`,
		findings: [
			{
				ruleId: id, line: 4, character: 20, endLine: 4, endCharacter: 26, text: 'Delete',
				message: 'DeletionPolicy Delete on AWS::RDS::DBInstance \'OrdersDb\' deletes its data with the stack, with nothing to restore from. Use Snapshot (AUP section 4: maintain backups and recovery).',
				fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties:
      Engine: postgres
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete # demo
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
`],
			},
			{
				ruleId: id, line: 9, character: 20, endLine: 9, endCharacter: 26, text: 'Delete', message: /AWS::DynamoDB::Table 'Orders' .* Use Retain/,
				fixed: [`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Delete
    Properties:
      Engine: postgres
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain # demo
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
`],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'Snapshot and Retain, no policy (RDS snapshots by default), an Aurora member instance and a bucket',
			path: 'data.yaml',
			source: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    Properties:
      Engine: aurora-postgresql
  Writer:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Delete
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
  Reports:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
  Site:
    Type: AWS::S3::Bucket
    DeletionPolicy: Delete
`,
		},
	],
});

fixesResolve(rule, flagged);
