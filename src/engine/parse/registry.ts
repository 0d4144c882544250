import type { Format } from '../model/format';
import type { Parser, ParserHost } from './parser';
import { createTerraformParser } from './terraform/index';
import { createYamlParser } from './yaml/index';

/** One parser per format; each loads what it needs (grammars) on first use. */
export function createParsers(host: ParserHost): Partial<Record<Format, Parser>> {
	return {
		terraform: createTerraformParser(host),
		cloudformation: createYamlParser('cloudformation'),
		kubernetes: createYamlParser('kubernetes'),
		compose: createYamlParser('compose'),
	};
}
