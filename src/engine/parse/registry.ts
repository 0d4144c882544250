import type { Format } from '../model/format';
import { createBicepParser } from './bicep/index';
import { createCloudInitParser } from './cloud-init/index';
import { createDockerfileParser } from './dockerfile/index';
import { createCloudFormationParser } from './json/cloudformation';
import { createJsonParser } from './json/index';
import type { Parser, ParserHost } from './parser';
import { createShellParser } from './shell/index';
import { createTerraformParser } from './terraform/index';
import { createYamlParser } from './yaml/index';

/** One parser per format; each loads what it needs (grammars) on first use. */
export function createParsers(host: ParserHost): Partial<Record<Format, Parser>> {
	return {
		terraform: createTerraformParser(host),
		'terraform-json': createJsonParser('terraform-json'),
		// Templates come in YAML or JSON under any name: the content decides.
		cloudformation: createCloudFormationParser(createYamlParser('cloudformation')),
		arm: createJsonParser('arm'),
		bicep: createBicepParser(host),
		kubernetes: createYamlParser('kubernetes'),
		compose: createYamlParser('compose'),
		dockerfile: createDockerfileParser(),
		'cloud-init': createCloudInitParser(),
		shell: createShellParser(),
	};
}
