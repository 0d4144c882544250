import type { ParsedFile } from '../../model/file';
import type { ParseInput, Parser } from '../parser';
import { createYamlParser } from '../yaml/index';

/**
 * cloud-init user data (`#cloud-config`): YAML read the way cloud-init's PyYAML reads it
 * (YAML 1.1, as for Kubernetes), with every value located and every comment kept. `runcmd` and
 * `bootcmd` items are scripts by their key; `write_files` contents that are scripts are picked
 * out by `scriptValues` (see query.ts). cloud-init declares no resources.
 */
export function createCloudInitParser(): Parser {
	const yaml = createYamlParser('kubernetes');
	return {
		parse: async (input: ParseInput): Promise<ParsedFile> => {
			const file = await yaml.parse(input);
			return { ...file, format: 'cloud-init', resources: [] };
		},
	};
}
