import * as assert from 'node:assert/strict';
import { variablesDeclaredIn } from '../../../src/extension/terraform-variables';

describe('variables a Terraform file declares', () => {
	it('reads each variable block, indented or not, and nothing that only mentions one', () => {
		const text = [
			'variable "region" {}',
			'  variable "db_password" {',
			'    type = string',
			'  }',
			'# variable "commented_out" {}',
			'locals { note = "variable \\"not_a_block\\"" }',
			'output "variable" { value = var.region }',
			'variable\t"tabbed" {}',
		].join('\n');
		assert.deepEqual(variablesDeclaredIn(text), ['region', 'db_password', 'tabbed']);
	});

	it('finds none in a file without variables', () => {
		assert.deepEqual(variablesDeclaredIn('resource "aws_s3_bucket" "logs" {}\n'), []);
	});
});
