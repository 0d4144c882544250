import rule from '../../../src/engine/rules/final-snapshot-skipped';
import { fixesResolve } from '../fixes/fix-resolves';
import { ruleTester } from '../rule-tester';

const id = 'AUP-BAK-002';

const flagged = [
	{
		name: 'an RDS instance that skips it, fixed with a name from its identifier',
		path: 'db.tf',
		source: `resource "aws_db_instance" "orders_db" {
  identifier          = "orders"
  engine              = "postgres"
  skip_final_snapshot = true
}
`,
		findings: [{
			ruleId: id, line: 3, character: 24, endLine: 3, endCharacter: 28, text: 'true',
			message: 'aws_db_instance.orders_db is deleted without a final snapshot (skip_final_snapshot = true): destroying or replacing it loses the data. Set it to false and name the snapshot in final_snapshot_identifier (AUP section 4: maintain backups and recovery).',
			// Aligned as terraform fmt aligns the run: the new name is the longest.
			fixed: [`resource "aws_db_instance" "orders_db" {
  identifier                = "orders"
  engine                    = "postgres"
  skip_final_snapshot       = false
  final_snapshot_identifier = "orders-final"
}
`],
		}],
	},
	{
		name: 'an Aurora cluster named by a template, with a nested block after its attributes',
		path: 'aurora.tf',
		source: `resource "aws_rds_cluster" "analytics" {
  cluster_identifier  = "\${var.env}-analytics"
  engine              = "aurora-postgresql"
  skip_final_snapshot = true

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}
`,
		findings: [{
			ruleId: id, line: 3, character: 24, endLine: 3, endCharacter: 28, text: 'true',
			fixed: [`resource "aws_rds_cluster" "analytics" {
  cluster_identifier        = "\${var.env}-analytics"
  engine                    = "aurora-postgresql"
  skip_final_snapshot       = false
  final_snapshot_identifier = "\${var.env}-analytics-final"

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 4
  }
}
`],
		}],
	},
	{
		name: 'an unnamed instance (the snapshot is named after the resource) and one that already names its snapshot',
		path: 'legacy.tf',
		source: `resource "aws_db_instance" "legacy_2" {
  engine              = "mysql"
  skip_final_snapshot = true
}

resource "aws_db_instance" "reports" {
  identifier                = var.reports_name
  final_snapshot_identifier = "reports-last"
  skip_final_snapshot       = true
}
`,
		findings: [
			{
				ruleId: id, line: 2, character: 24, endLine: 2, endCharacter: 28, text: 'true',
				fixed: [`resource "aws_db_instance" "legacy_2" {
  engine                    = "mysql"
  skip_final_snapshot       = false
  final_snapshot_identifier = "legacy-2-final"
}

resource "aws_db_instance" "reports" {
  identifier                = var.reports_name
  final_snapshot_identifier = "reports-last"
  skip_final_snapshot       = true
}
`],
			},
			{
				ruleId: id, line: 8, character: 30, endLine: 8, endCharacter: 34, text: 'true',
				fixed: [`resource "aws_db_instance" "legacy_2" {
  engine              = "mysql"
  skip_final_snapshot = true
}

resource "aws_db_instance" "reports" {
  identifier                = var.reports_name
  final_snapshot_identifier = "reports-last"
  skip_final_snapshot       = false
}
`],
			},
		],
	},
];

ruleTester.run(rule, {
	flagged,
	clean: [
		{
			name: 'final snapshots kept, one from a variable, and a read replica that must skip it',
			path: 'db.tf',
			source: `resource "aws_db_instance" "orders" {
  identifier                = "orders"
  skip_final_snapshot       = false
  final_snapshot_identifier = "orders-final"
}

resource "aws_db_instance" "preview" {
  identifier          = "preview"
  skip_final_snapshot = var.is_ephemeral
}

resource "aws_db_instance" "orders_replica" {
  replicate_source_db = aws_db_instance.orders.identifier
  skip_final_snapshot = true
}

# skip_final_snapshot = true would lose the data
resource "aws_rds_cluster" "main" {
  cluster_identifier = "main"
  engine             = "aurora-mysql"
}
`,
		},
	],
});

fixesResolve(rule, flagged);
