import type { Parser, ParserHost } from '../parser';

// Placeholder until the Terraform parser lands (issue 2, in progress).
export function createTerraformParser(_host: ParserHost): Parser {
	return { parse: () => { throw new Error('The Terraform parser is not built yet'); } };
}
