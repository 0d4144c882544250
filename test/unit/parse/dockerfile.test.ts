import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { detectFormat } from '../../../src/engine/detect';
import type { ParsedFile } from '../../../src/engine/model/file';
import { sourceSpan, type ObjectNode, type StringNode, type ValueNode } from '../../../src/engine/model/nodes';
import { get, getPath, scriptValues } from '../../../src/engine/model/query';
import type { Span } from '../../../src/engine/model/range';
import { createDockerfileParser, MAX_DOCKERFILE_LENGTH } from '../../../src/engine/parse/dockerfile/index';
import { checkInvariants } from './script-invariants';

const parser = createDockerfileParser();

function parse(text: string, path = 'Dockerfile'): ParsedFile {
	const file = parser.parse({ path, text });
	assert.ok(!(file instanceof Promise));
	return file;
}

function root(file: ParsedFile): ObjectNode {
	assert.equal(file.roots.length, 1);
	const node = file.roots[0];
	assert.equal(node.kind, 'object');
	return node;
}

function asString(node: ValueNode | undefined): StringNode {
	assert.equal(node?.kind, 'string', `expected a string, got ${node?.kind}`);
	return node;
}

/** The source text a span of a value covers. */
function sourceOf(file: ParsedFile, span: Span): string {
	return file.text.slice(span.start, span.end);
}

/** `line:character-line:character` of a span. */
function at(file: ParsedFile, span: Span): string {
	const { start, end } = file.lines.rangeOf(span);
	return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

const MULTI_STAGE = `# syntax=docker/dockerfile:1.7
# Build the API, then ship it on a slim base.
ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-alpine AS build
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build \\
    apk add --no-cache git && \\
    # fetch modules first, they change less often
    go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12
ENV APP_ENV=production LOG_LEVEL="info debug"
LABEL org.opencontainers.image.source="https://github.com/acme/api"
COPY --from=build /out/api /api
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/api", "health"]
USER nonroot:nonroot
ENTRYPOINT ["/api", "serve"]
`;

describe('Dockerfile parser', () => {
	it('keys each instruction by its keyword, in order', () => {
		const file = parse(MULTI_STAGE);
		assert.deepEqual(root(file).entries.map(entry => entry.key), [
			'ARG', 'FROM', 'WORKDIR', 'RUN', 'COPY', 'RUN', 'FROM', 'ENV', 'LABEL', 'COPY', 'EXPOSE', 'HEALTHCHECK', 'USER', 'ENTRYPOINT',
		]);
		assert.equal(file.format, 'dockerfile');
		assert.deepEqual(file.notes, []);
	});

	it('reads FROM as an object with the image, the platform and the stage name', () => {
		const file = parse(MULTI_STAGE);
		const from = get(root(file), 'FROM');
		assert.equal(asString(get(from, 'image')).value, 'golang:${GO_VERSION}-alpine');
		assert.equal(asString(get(from, 'as')).value, 'build');
		assert.equal(at(file, asString(get(from, 'image')).span), '3:31-3:58');
	});

	it('joins continued lines into one command, leaving out the flags and the comment lines inside', () => {
		const file = parse(MULTI_STAGE);
		const run = asString(get(root(file), 'RUN'));
		assert.equal(run.value, 'apk add --no-cache git &&     go mod download');
		// Each part maps back to its own line, so a range over both lines is exact.
		const install = run.value.indexOf('git');
		assert.equal(at(file, sourceSpan(run, install, run.value.length)), '6:23-8:19');
		assert.equal(sourceOf(file, sourceSpan(run, run.value.indexOf('go mod'), run.value.length)), 'go mod download');
	});

	it('reads ENV and LABEL pairs as entries, with quotes removed', () => {
		const file = parse(MULTI_STAGE);
		const env = get(root(file), 'ENV');
		assert.equal(asString(get(env, 'APP_ENV')).value, 'production');
		const level = asString(get(env, 'LOG_LEVEL'));
		assert.equal(level.value, 'info debug');
		assert.equal(sourceOf(file, sourceSpan(level, 0, level.value.length)), 'info debug');
		// Escapes in a word and in exec form: a range ending on one covers it whole.
		const escaped = parse('FROM alpine\nENV GREETING=hello\\ world\\!\nCMD ["echo", "say \\"hi\\""]\n');
		const greeting = asString(get(get(root(escaped), 'ENV'), 'GREETING'));
		assert.equal(greeting.value, 'hello world!');
		assert.equal(sourceOf(escaped, sourceSpan(greeting, 0, greeting.value.length)), 'hello\\ world\\!');
		const cmd = get(root(escaped), 'CMD');
		assert.equal(cmd?.kind, 'array');
		const say = asString(cmd.items[1]);
		assert.equal(say.value, 'say "hi"');
		assert.equal(sourceOf(escaped, sourceSpan(say, 0, say.value.length)), 'say \\"hi\\"');
		assert.equal(asString(getPath(root(file), 'LABEL', 'org.opencontainers.image.source')).value, 'https://github.com/acme/api');
		assert.equal(asString(get(get(root(file), 'ARG'), 'GO_VERSION')).value, '1.22');
	});

	it('reads the exec form as a list of strings and HEALTHCHECK as the command it runs', () => {
		const file = parse(MULTI_STAGE);
		const entrypoint = get(root(file), 'ENTRYPOINT');
		assert.equal(entrypoint?.kind, 'array');
		assert.deepEqual(entrypoint.items.map(item => asString(item).value), ['/api', 'serve']);
		assert.equal(sourceOf(file, entrypoint.items[1].span), '"serve"');
		const check = getPath(root(file), 'HEALTHCHECK', 'CMD');
		assert.equal(check?.kind, 'array');
		assert.deepEqual(check.items.map(item => asString(item).value), ['/api', 'health']);
	});

	it('makes RUN, CMD and ENTRYPOINT values scripts', () => {
		const file = parse(MULTI_STAGE);
		assert.deepEqual(scriptValues(file).map(ref => `${ref.key}:${ref.node.value}`), [
			'RUN:apk add --no-cache git &&     go mod download',
			'RUN:CGO_ENABLED=0 go build -o /out/api ./cmd/api',
			'CMD:/api',
			'CMD:health',
			'ENTRYPOINT:/api',
			'ENTRYPOINT:serve',
		]);
	});

	it('declares one resource per build stage, named by AS or by index', () => {
		const file = parse(MULTI_STAGE);
		assert.deepEqual(file.resources.map(resource => `${resource.type} ${resource.name} ${at(file, resource.span)}`), [
			'dockerfile:stage build 3:0-10:48',
			'dockerfile:stage 1 12:0-19:28',
		]);
		assert.deepEqual(file.resources[0].body.entries.map(entry => entry.key), ['FROM', 'WORKDIR', 'RUN', 'COPY', 'RUN']);
	});

	it('keeps comment lines, not parser directives, and shell comments after a command', () => {
		const file = parse(`# syntax=docker/dockerfile:1
# escape=\\
# base image
FROM alpine:3.20
RUN echo "# not a comment" && apk add curl # why curl
CMD ["sh", "-c", "echo # inside exec form"]
`);
		assert.deepEqual(file.comments.map(comment => comment.text), [' base image', ' why curl']);
		assert.equal(at(file, file.comments[1].span), '4:43-4:53');
	});

	it('keeps a heredoc body as the script it is', () => {
		const file = parse('FROM debian:12\nRUN <<EOF\napt-get update\ncurl -fsSL https://example.com/x.sh | sh\nEOF\n');
		const run = asString(get(root(file), 'RUN'));
		assert.equal(run.value, '<<EOF\napt-get update\ncurl -fsSL https://example.com/x.sh | sh\nEOF');
		assert.equal(at(file, sourceSpan(run, run.value.indexOf('curl'), run.value.indexOf(' | sh'))), '3:0-3:35');
	});

	it('reads ONBUILD as the instruction it triggers', () => {
		const file = parse('FROM node:20\nONBUILD RUN npm ci --omit=dev\n');
		assert.equal(asString(getPath(root(file), 'ONBUILD', 'RUN')).value, 'npm ci --omit=dev');
	});

	it('honours the escape directive and CRLF line ends', () => {
		const file = parse('# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN powershell -Command `\r\n    Invoke-WebRequest https://example.com/a.msi -OutFile a.msi\r\n');
		const run = asString(get(root(file), 'RUN'));
		assert.equal(run.value, 'powershell -Command     Invoke-WebRequest https://example.com/a.msi -OutFile a.msi');
		assert.equal(at(file, sourceSpan(run, run.value.indexOf('Invoke'), run.value.length)), '3:4-3:62');
	});

	it('reads a half-typed instruction without an argument', () => {
		const file = parse('FROM ubuntu:24.04\nRUN\nENV\nCMD [\n');
		assert.deepEqual(root(file).entries.map(entry => `${entry.key}:${entry.value.kind}`), ['FROM:object', 'RUN:string', 'ENV:object', 'CMD:string']);
	});

	it('reads only the first part of a huge file, and says so', () => {
		const text = 'FROM alpine\n' + 'RUN echo one two three four five six seven\n'.repeat(Math.ceil(MAX_DOCKERFILE_LENGTH / 40));
		const file = parse(text);
		assert.equal(file.notes.length, 1);
		assert.match(file.notes[0].message, /longer than 256 KB/);
		checkInvariants(file);
	});

	it('never throws, and keeps every span and map inside the text, on random input', () => {
		const pieces = fc.constantFrom('FROM ', 'RUN ', 'ENV ', 'ARG ', 'CMD ', 'HEALTHCHECK CMD ', 'ONBUILD ', 'AS ', '["', '"]', '", "',
			'\\\n', '`\n', '\n', '\r\n', '# ', '<<EOF\n', 'EOF\n', '=', '"', '\'', ' ', 'a', 'x=1', '--mount=type=cache ', '\u0000', '\uFEFF');
		fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }), parts => {
			checkInvariants(parse(parts.join('')));
		}), { numRuns: 400 });
	});

	it('is detected by its name', () => {
		for (const name of ['Dockerfile', 'dockerfile', 'Dockerfile.prod', 'Dockerfile-alpine', 'api.dockerfile', 'Containerfile', 'Containerfile.dev', 'docker/Dockerfile_ci']) {
			assert.equal(detectFormat(name, ''), 'dockerfile', name);
		}
		for (const name of ['.dockerignore', 'dockerfiles.md', 'Dockerfile.json.bak/readme.md']) {
			assert.notEqual(detectFormat(name, ''), 'dockerfile', name);
		}
	});
});
