import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// vscode-textmate is not a dependency, so the grammar is checked with JavaScript regular
// expressions: it avoids Oniguruma-only syntax, and a small tokenizer applies its rules in the
// TextMate way (the leftmost match wins, ties go to the earlier rule).

interface Rule {
	match?: string;
	name?: string;
	include?: string;
	patterns?: Rule[];
	captures?: Record<string, { name: string }>;
}

interface Grammar {
	scopeName: string;
	patterns: Rule[];
	repository: Record<string, Rule>;
}

function repoRoot(): string {
	let dir = __dirname;
	while (!fs.existsSync(path.join(dir, 'syntaxes', 'aupguardignore.tmLanguage.json'))) {
		dir = path.dirname(dir);
	}
	return dir;
}

const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'syntaxes', 'aupguardignore.tmLanguage.json'), 'utf8')) as Grammar;

/** The match rules reachable from the top level, includes resolved, in order. */
function flatten(rules: readonly Rule[]): Rule[] {
	return rules.flatMap(rule => {
		if (rule.include) {
			const target = grammar.repository[rule.include.replace(/^#/, '')];
			assert.ok(target, `unknown include ${rule.include}`);
			return flatten([target]);
		}
		return rule.patterns ? flatten(rule.patterns) : [rule];
	});
}

const rules = flatten(grammar.patterns);

/** `[text, scope]` pairs for the scoped parts of a line; unscoped text is left out. */
function tokenize(line: string): [string, string][] {
	const tokens: [string, string][] = [];
	let position = 0;
	while (position < line.length) {
		let best: { rule: Rule; match: RegExpExecArray } | undefined;
		for (const rule of rules) {
			const regex = new RegExp(rule.match ?? '', 'g');
			regex.lastIndex = position;
			const match = regex.exec(line);
			if (match && match[0].length > 0 && (!best || match.index < best.match.index)) {
				best = { rule, match };
			}
		}
		if (!best) {
			break;
		}
		const scope = (best.rule.name ?? '').replace(/\.aupguardignore$/, '');
		tokens.push([best.match[0], scope]);
		position = best.match.index + best.match[0].length;
	}
	return tokens;
}

describe('.aupguardignore grammar', () => {
	it('names its scope and compiles every pattern as a JavaScript RegExp', () => {
		assert.equal(grammar.scopeName, 'source.aupguardignore');
		assert.ok(rules.length >= 8);
		for (const rule of rules) {
			assert.ok(rule.match, `${rule.name} has a match`);
			assert.doesNotThrow(() => new RegExp(rule.match ?? ''), rule.name);
			assert.ok(rule.name?.endsWith('.aupguardignore'), `${rule.name} ends with the grammar's scope suffix`);
		}
	});

	it('reads a # at the start of a line as a comment, and nothing else in it', () => {
		assert.deepEqual(tokenize('# generated/ and *.tf are **ignored**'), [['# generated/ and *.tf are **ignored**', 'comment.line.number-sign']]);
		assert.deepEqual(tokenize('#'), [['#', 'comment.line.number-sign']]);
	});

	it('does not take a # inside a pattern or an escaped one for a comment', () => {
		assert.deepEqual(tokenize('\\#literal.tf'), [['\\#', 'constant.character.escape']]);
		assert.deepEqual(tokenize('notes#1.tf'), []);
		assert.deepEqual(tokenize(' # indented'), [], 'git reads this as a pattern, not a comment');
	});

	it('marks negation, globs, character classes and escapes', () => {
		assert.deepEqual(tokenize('!prod.tfvars'), [['!', 'keyword.operator.negation']]);
		assert.deepEqual(tokenize('**/gen/*.y?ml'), [
			['**', 'keyword.operator.glob.globstar'],
			['/', 'punctuation.separator.path'],
			['/', 'punctuation.separator.path'],
			['*', 'keyword.operator.glob.wildcard'],
			['?', 'keyword.operator.glob.wildcard'],
		]);
		assert.deepEqual(tokenize('env-[!p]*.tf'), [['[!p]', 'meta.character-class'], ['*', 'keyword.operator.glob.wildcard']]);
		assert.deepEqual(tokenize('\\!important.tf'), [['\\!', 'constant.character.escape']]);
		assert.deepEqual(tokenize('with\\ space.tf'), [['\\ ', 'constant.character.escape']]);
	});

	it('tells a trailing folder slash and a leading anchor from path separators', () => {
		assert.deepEqual(tokenize('fixtures/'), [['/', 'keyword.operator.directory']]);
		assert.deepEqual(tokenize('fixtures/  '), [['/', 'keyword.operator.directory']]);
		assert.deepEqual(tokenize('/infra/legacy/'), [
			['/', 'keyword.operator.anchor'],
			['/', 'punctuation.separator.path'],
			['/', 'keyword.operator.directory'],
		]);
		assert.deepEqual(tokenize('!/keep.tf'), [['!', 'keyword.operator.negation'], ['/', 'keyword.operator.anchor']]);
	});

	it('is the grammar package.json contributes for the aupguardignore language', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
			contributes: { languages?: { id: string; filenames?: string[]; configuration?: string }[]; grammars?: { language: string; scopeName: string; path: string }[] };
		};
		const language = pkg.contributes.languages?.find(entry => entry.id === 'aupguardignore');
		assert.deepEqual(language?.filenames, ['.aupguardignore']);
		assert.ok(language?.configuration && fs.existsSync(path.join(repoRoot(), language.configuration)));
		const contributed = pkg.contributes.grammars?.find(entry => entry.language === 'aupguardignore');
		assert.equal(contributed?.scopeName, grammar.scopeName);
		assert.equal(path.normalize(contributed?.path ?? ''), path.normalize('./syntaxes/aupguardignore.tmLanguage.json'));
	});
});
