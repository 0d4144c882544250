/** The engine's public surface: what the extension, the web extension and the CLI use. */
export { detectFormat, referencedScriptFormat } from './detect';
export { DEFAULT_MAX_FILE_SIZE, Engine, type ReferencedScript, type ScanError, type ScanInput, type ScanNote, type ScanOptions, type ScanResult } from './engine';
export * from './finding';
export type { Format } from './model/format';
export { FORMATS, isFormat } from './model/format';
export type { Position, Range } from './model/range';
export type { ParserHost, PreparedSyntax } from './parse/parser';
export { BUILTIN_RULES, findRule } from './rules/index';
export type { Rule } from './rules/rule';
