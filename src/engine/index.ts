/** The engine's public surface: what the extension, the web extension and the CLI use. */
export { detectFormat } from './detect';
export { DEFAULT_MAX_FILE_SIZE, Engine, type ScanError, type ScanInput, type ScanNote, type ScanOptions, type ScanResult } from './engine';
export * from './finding';
export type { Format } from './model/format';
export { FORMATS, isFormat } from './model/format';
export type { Position, Range } from './model/range';
export type { ParserHost } from './parse/parser';
export { BUILTIN_RULES, findRule } from './rules/index';
export type { Rule } from './rules/rule';
