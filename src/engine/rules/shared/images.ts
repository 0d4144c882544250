import type { ParsedFile } from '../../model/file';
import { sourceSpan } from '../../model/nodes';
import { stringValues, type StringRef } from '../../model/query';
import type { Span } from '../../model/range';
import { describeLocation } from './where';
import { memoized, memoKey } from '../../model/memo';

/**
 * Every container image a file names, read once per parsed file: `image:` in Kubernetes, Compose
 * and Terraform container blocks, `Image:` in CloudFormation task definitions, and the `"image"`
 * entries of container definitions written as a JSON string (ECS in Terraform heredocs).
 */
export interface ImageRef {
	/** The image reference as written (`ghcr.io/org/tool:1.2`). */
	readonly image: string;
	readonly ref: StringRef;
	/** Where the image sits, in words for a message: `'image' of Deployment 'api'`, `'FROM' in this file`. */
	readonly where: string;
	/** Maps offsets in `image` to the source. */
	spanOf(start: number, end: number): Span;
}

const IMAGE_KEYS = new Set(['image', 'Image']);
const CONTAINER_JSON_KEYS = new Set(['container_definitions', 'ContainerDefinitions']);
const JSON_IMAGE = /"image"\s{0,8}:\s{0,8}"([^"\n]{1,300})"/g;

const IMAGES = memoKey<ImageRef[]>('image references');

export function imageRefs(file: ParsedFile): readonly ImageRef[] {
	return memoized(file, IMAGES, () => collect(stringValues(file)));
}

function collect(refs: readonly StringRef[]): ImageRef[] {
	const images: ImageRef[] = [];
	for (const ref of refs) {
		if (ref.key === undefined) {
			continue;
		}
		const node = ref.node;
		if (IMAGE_KEYS.has(ref.key)) {
			// A Dockerfile's `FROM` is read as an object with an `image` entry; users know it as FROM.
			const key = ref.path.includes('FROM') ? 'FROM' : ref.key;
			images.push({ image: node.value, ref, where: describeLocation(ref.resource, key), spanOf: (start, end) => sourceSpan(node, start, end) });
		} else if (CONTAINER_JSON_KEYS.has(ref.key)) {
			for (const match of node.value.matchAll(JSON_IMAGE)) {
				const offset = match.index + match[0].length - match[1].length - 1;
				images.push({ image: match[1], ref, where: describeLocation(ref.resource, ref.key), spanOf: (start, end) => sourceSpan(node, offset + start, offset + end) });
			}
		}
	}
	return images;
}

export interface ImageName {
	/** The repository path without registry host, tag or digest, lower-case (`kalilinux/kali-rolling`). */
	readonly path: string;
	/** Offset of `path` in the reference. */
	readonly pathStart: number;
	/** The last path component (`kali-rolling`) and its offset in the reference. */
	readonly name: string;
	readonly nameStart: number;
}

/**
 * Splits an image reference. The registry host and the tag say nothing about what runs
 * (`nmap.example.com/app`, `app:nmap`), so they are left out.
 */
export function parseImage(image: string): ImageName | undefined {
	const withoutDigest = image.split('@')[0];
	const components = withoutDigest.split('/');
	let pathStart = 0;
	if (components.length > 1 && /[.:]|^localhost$/.test(components[0])) {
		pathStart = components[0].length + 1;
		components.shift();
	}
	const last = components.length - 1;
	components[last] = components[last].split(':')[0];
	const path = components.join('/').toLowerCase();
	if (!components[last]) {
		return undefined;
	}
	return { path, pathStart, name: components[last].toLowerCase(), nameStart: pathStart + path.length - components[last].length };
}
