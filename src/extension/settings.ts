import { DEFAULT_MAX_FILE_SIZE, isSeverity, type Severity } from '../engine/index';

// No `vscode` import here: settings are read through a callback so the mapping is unit-testable.

export type RuleSetting = Severity | 'off';

export interface Settings {
	readonly enable: boolean;
	/** Per rule id: a severity that replaces the rule's own, or 'off'. */
	readonly rules: Readonly<Record<string, RuleSetting>>;
	/** Minimatch globs, relative to the workspace folder; a file is scanned when one matches. */
	readonly include: readonly string[];
	/** Minimatch globs, relative to the workspace folder; a file is skipped when one matches. */
	readonly exclude: readonly string[];
	/** Bytes; larger files are skipped with a log line. */
	readonly maxFileSize: number;
	/** Pause after the last edit before a document is scanned again. */
	readonly debounceMs: number;
}

/** The keys under the `aupGuard` section; they match `contributes.configuration` in package.json. */
export const SETTING_KEYS = ['enable', 'rules', 'include', 'exclude', 'maxFileSize', 'debounceMs'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const DEFAULT_SETTINGS: Settings = {
	enable: true,
	rules: {},
	include: ['**/*'],
	exclude: ['**/node_modules/**', '**/.git/**', '**/.terraform/**'],
	maxFileSize: DEFAULT_MAX_FILE_SIZE,
	debounceMs: 300,
};

/** Debounce bounds: 0 scans on every change; beyond 10 s the feedback no longer feels live. */
const DEBOUNCE_MIN = 0;
const DEBOUNCE_MAX = 10_000;

/**
 * Reads every setting, mapping each bad value (wrong type, out of range, unknown severity) to
 * its default, so a typo in settings.json degrades one setting instead of breaking the extension.
 */
export function readSettings(get: (key: SettingKey) => unknown): Settings {
	return {
		enable: readBoolean(get('enable'), DEFAULT_SETTINGS.enable),
		rules: readRules(get('rules')),
		include: readGlobs(get('include'), DEFAULT_SETTINGS.include),
		exclude: readGlobs(get('exclude'), DEFAULT_SETTINGS.exclude),
		maxFileSize: readInteger(get('maxFileSize'), DEFAULT_SETTINGS.maxFileSize, 1, Number.MAX_SAFE_INTEGER),
		debounceMs: readInteger(get('debounceMs'), DEFAULT_SETTINGS.debounceMs, DEBOUNCE_MIN, DEBOUNCE_MAX),
	};
}

function readBoolean(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

function readInteger(value: unknown, fallback: number, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return fallback;
	}
	const whole = Math.floor(value);
	return whole < min || whole > max ? fallback : whole;
}

/** Keeps the valid entries only: one bad rule entry should not cancel the user's other overrides. */
function readRules(value: unknown): Readonly<Record<string, RuleSetting>> {
	if (!isPlainObject(value)) {
		return DEFAULT_SETTINGS.rules;
	}
	const rules: Record<string, RuleSetting> = {};
	for (const [id, setting] of Object.entries(value)) {
		const normalised = typeof setting === 'string' ? setting.trim().toLowerCase() : setting;
		if (normalised === 'off' || isSeverity(normalised)) {
			rules[id.trim().toUpperCase()] = normalised;
		}
	}
	return rules;
}

/** An explicit empty list is honoured (exclude nothing); a non-list falls back to the default. */
function readGlobs(value: unknown, fallback: readonly string[]): readonly string[] {
	if (!Array.isArray(value)) {
		return fallback;
	}
	return value
		.filter((glob): glob is string => typeof glob === 'string')
		.map(glob => glob.trim())
		.filter(glob => glob.length > 0);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
