import type { Finding, Range, Rule } from '../../engine/index';
import { fileError, type FileReport, type ScriptReader } from '../report';
import { Fingerprinter, FINGERPRINT_KEY } from './fingerprint';
import { sarifLevel, sarifRule, sarifRuleFromFinding, type SarifLevel, type SarifRule } from './sarif-rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
	/** Every rule the scan ran, so results can point at them by index. */
	readonly rules: readonly Rule[];
	/** The tool's version, from package.json. */
	readonly version: string;
	/** A `file:` URI, ending in '/', of the folder result paths are relative to; left out when unknown. */
	readonly srcRoot?: string;
}

interface ArtifactLocation {
	readonly uri: string;
	readonly uriBaseId: string;
}

/**
 * A SARIF 2.1.0 log with one run, for code-scanning services. Suppressed findings are kept as
 * results with an in-source suppression: the service hides them, a reviewer can still audit them.
 */
export function formatSarif(files: readonly FileReport[], options: SarifOptions): string {
	return `${JSON.stringify(toSarif(files, options), null, 2)}\n`;
}

export function toSarif(files: readonly FileReport[], options: SarifOptions): object {
	const rules: SarifRule[] = options.rules.map(sarifRule);
	const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
	const fingerprints = new Fingerprinter();
	const results: object[] = [];
	for (const file of files) {
		for (const finding of file.findings) {
			let index = ruleIndex.get(finding.ruleId);
			if (index === undefined) {
				index = rules.push(sarifRuleFromFinding(finding)) - 1;
				ruleIndex.set(finding.ruleId, index);
			}
			const lineText = file.lineTexts?.[finding.range.start.line] ?? '';
			results.push(result(file, finding, index, fingerprints.next(finding.ruleId, file.path, lineText)));
		}
	}
	return {
		$schema: SARIF_SCHEMA,
		version: '2.1.0',
		runs: [{
			tool: { driver: { name: 'AUP Guard', version: options.version, semanticVersion: options.version, rules } },
			...(options.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRoot } } } : {}),
			// Our columns count UTF-16 code units, as VS Code does; SARIF's default, stated for readers.
			columnKind: 'utf16CodeUnits',
			results,
			invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(files) }],
		}],
	};
}

function result(file: FileReport, finding: Finding, ruleIndex: number, fingerprint: string): object {
	return {
		ruleId: finding.ruleId,
		ruleIndex,
		level: sarifLevel(finding.severity),
		message: { text: finding.message },
		locations: [{ physicalLocation: { artifactLocation: artifact(file.path), region: region(finding.range) } }],
		...(file.readBy ? { relatedLocations: file.readBy.map((reader, id) => relatedReader(reader, id)) } : {}),
		partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
		properties: { aupSection: finding.aupSection, category: finding.category },
		...(finding.suppressed ? { suppressions: [suppression(finding.suppressed)] } : {}),
	};
}

/** SARIF is 1-based and its endColumn is the column after the region, as our exclusive end is. */
function region({ start, end }: Range): object {
	return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The call that reads the script a finding is in, for code scanning to show beside it. */
function relatedReader(reader: ScriptReader, id: number): object {
	return {
		id,
		physicalLocation: { artifactLocation: artifact(reader.path), region: region(reader.range) },
		message: { text: 'Terraform reads this script here.' },
	};
}

function suppression(suppressed: NonNullable<Finding['suppressed']>): object {
	return {
		kind: 'inSource',
		status: 'accepted',
		justification: suppressed.reason,
		...(suppressed.until ? { properties: { until: suppressed.until } } : {}),
	};
}

/** Files that were not fully checked, so a clean run that skipped something does not look clean. */
function notifications(files: readonly FileReport[]): object[] {
	const list: object[] = [];
	for (const file of files) {
		const location = { physicalLocation: { artifactLocation: artifact(file.path) } };
		for (const note of file.notes) {
			list.push(notification('note', note.message, location));
		}
		for (const error of file.errors) {
			list.push({ ...notification('error', error.message, location), ...(error.ruleId ? { associatedRule: { id: error.ruleId } } : {}) });
		}
		if (file.skipped) {
			list.push(notification('warning', fileError(file) ?? file.skipped, location));
		}
	}
	return list;
}

function notification(level: SarifLevel, text: string, location: object): object {
	return { level, message: { text }, locations: [location] };
}

/** A relative URI reference: each segment percent-encoded, `..` kept for files outside the root. */
function artifact(path: string): ArtifactLocation {
	const uri = path.split('/').map(segment => segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)).join('/');
	return { uri, uriBaseId: SRCROOT };
}
