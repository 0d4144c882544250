import type { LineIndex } from '../text/line-index';
import type { Format } from './format';
import type { ObjectNode, ValueNode } from './nodes';
import type { Span } from './range';

/** One parsed IaC file: the located model every rule reads. */
export interface ParsedFile {
	readonly path: string;
	readonly format: Format;
	readonly text: string;
	readonly lines: LineIndex;
	/** Top-level values: a Terraform file body as one object, each YAML document, the JSON root. */
	readonly roots: readonly ValueNode[];
	/** Declared resources, whatever each format calls them. */
	readonly resources: readonly Resource[];
	/** Every comment, so suppressions work in every format. */
	readonly comments: readonly Comment[];
	/** Parse problems worth telling the user; a note never stops the other parts from being scanned. */
	readonly notes: readonly ParseNote[];
}

/**
 * A resource: a Terraform `resource` block, a CloudFormation resource, a Kubernetes object, a
 * Compose service. `type` uses each format's own names (`aws_security_group`,
 * `AWS::EC2::SecurityGroup`, `Deployment`, `compose:service`).
 */
export interface Resource {
	readonly type: string;
	readonly name: string;
	/** The whole declaration. */
	readonly span: Span;
	/** Where a finding about the resource as a whole points: its type and name. */
	readonly headerSpan: Span;
	/** Terraform's block body, CloudFormation's `Properties`, the whole Kubernetes object, the Compose service. */
	readonly body: ObjectNode;
}

export interface Comment {
	readonly span: Span;
	/** The comment's text without its marker (`#`, `//`, `/*`). */
	readonly text: string;
}

export interface ParseNote {
	readonly span: Span;
	readonly message: string;
}
