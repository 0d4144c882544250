import * as assert from 'node:assert/strict';
import { camelCase, pascalCase, snakeCase, uniqueName } from '../../../src/engine/fixes/names';

describe('names a fix declares', () => {
	it('keeps apart from names already taken, with the separator the format uses', () => {
		assert.equal(uniqueName('bastion_allowed_cidrs', new Set()), 'bastion_allowed_cidrs');
		assert.equal(uniqueName('bastion_allowed_cidrs', new Set(['bastion_allowed_cidrs', 'bastion_allowed_cidrs_2'])), 'bastion_allowed_cidrs_3');
		assert.equal(uniqueName('WebSGAllowedCidr', new Set(['WebSGAllowedCidr']), ''), 'WebSGAllowedCidr2');
	});

	it('turns resource names in any style into each format\'s style', () => {
		assert.equal(snakeCase('jump-nsg'), 'jump_nsg');
		assert.equal(snakeCase('internal_ssh'), 'internal_ssh');
		assert.equal(snakeCase('WindowsSG'), 'windows_sg');
		assert.equal(pascalCase('WindowsSG'), 'WindowsSG');
		assert.equal(pascalCase('web-sg'), 'WebSg');
		assert.equal(camelCase('jump-nsg/allow-ssh'), 'jumpNsgAllowSsh');
		assert.equal(camelCase('SGRule'), 'sgRule');
		assert.equal(camelCase('nsg'), 'nsg');
	});

	it('gives nothing for a name without letters or digits, so the caller falls back', () => {
		assert.equal(snakeCase('--'), '');
		assert.equal(pascalCase(''), '');
	});
});
