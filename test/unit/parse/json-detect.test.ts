import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/engine/detect';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/json');

function fixture(name: string): string {
	return readFileSync(path.join(FIXTURES, name), 'utf8');
}

const schema = (kind: string): string => `{\n  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/${kind}.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n`;

describe('JSON formats: detection', () => {
	it('recognises the fixtures by name, and by content under names that say nothing', () => {
		assert.equal(detectFormat('stacks/web/cdk.tf.json', fixture('cdktf-web.tf.json')), 'terraform-json');
		assert.equal(detectFormat('prod.auto.tfvars.json', '{"region": "eu-west-1"}'), 'terraform-json');
		assert.equal(detectFormat('out/stack-1.json', fixture('cloudformation-web.json')), 'cloudformation');
		assert.equal(detectFormat('infra/web.template', fixture('cloudformation-web.json')), 'cloudformation');
		assert.equal(detectFormat('out/main.json', fixture('azuredeploy.json')), 'arm');
	});

	it('recognises ARM templates of every deployment scope', () => {
		for (const kind of ['deploymentTemplate', 'subscriptionDeploymentTemplate', 'managementGroupDeploymentTemplate', 'tenantDeploymentTemplate']) {
			assert.equal(detectFormat('main.json', schema(kind)), 'arm', kind);
		}
		// A parameters file holds values for a template, not resources.
		assert.equal(detectFormat('main.parameters.json', schema('deploymentParameters')), undefined);
	});

	it('recognises an ARM template without $schema by its contentVersion and Microsoft resource types', () => {
		const text = '{\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    { "type": "Microsoft.Storage/storageAccounts", "name": "logs" }\n  ]\n}\n';
		assert.equal(detectFormat('storage.json', text), 'arm');
		assert.equal(detectFormat('version.json', '{"contentVersion": "1.0.0.0", "type": "release"}'), undefined);
	});

	it('recognises a SAM template by its transform, with or without a list', () => {
		assert.equal(detectFormat('sam.json', '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {}}'), 'cloudformation');
		assert.equal(detectFormat('sam.json', '{"Transform": ["AWS::Serverless-2016-10-31"], "Resources": {}}'), 'cloudformation');
	});

	it('leaves other JSON alone, whatever it mentions', () => {
		assert.equal(detectFormat('package.json', '{"name": "web", "scripts": {"build": "tsc"}}'), undefined);
		assert.equal(detectFormat('tsconfig.json', '{"$schema": "https://json.schemastore.org/tsconfig", "compilerOptions": {}}'), undefined);
		assert.equal(detectFormat('notes.json', '{"text": "see the deploymentTemplate.json docs"}'), undefined);
	});
});
