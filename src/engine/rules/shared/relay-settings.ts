import type { ParsedFile } from '../../model/file';
import { sourceSpan } from '../../model/nodes';
import { stringValues } from '../../model/query';
import type { Span } from '../../model/range';
import { hostCommand } from './host-commands';
import { scriptUnits } from './scripts';
import { describeLocation } from './where';

/**
 * Settings that turn a server into a relay for anyone: Postfix's `mynetworks` holding the whole
 * internet (in a written main.cf or through `postconf`), and a Tor exit relay (`ExitRelay 1`,
 * `ExitPolicy accept *:*` in a torrc). Both need nothing else to be open: Postfix trusts
 * `mynetworks` to relay, and an exit relay exists to carry strangers' traffic out.
 */
export interface RelaySetting {
	readonly kind: 'smtp' | 'tor';
	readonly span: Span;
	readonly where: string;
}

const OPEN_NETWORK = '(?:0\\.0\\.0\\.0/0|\\[::\\]/0|::/0)';
/** A main.cf line; a `#` comment line does not match, because only spaces may precede the name. */
const MAIN_CF_LINE = new RegExp(`^[ \\t]*mynetworks[ \\t]*=[^\\n#]*?${OPEN_NETWORK}`, 'gm');
const POSTCONF_ARGUMENT = new RegExp(`mynetworks\\s*=[^'"\\n]*?${OPEN_NETWORK}`);
const TORRC_EXIT = /^[ \t]*(?:ExitRelay[ \t]+1\b|ExitPolicy[ \t]+accept[ \t]+\*(?::\*)?[ \t]*$)[^\n]*/gm;

export function relaySettings(file: ParsedFile): RelaySetting[] {
	const settings: RelaySetting[] = [];
	for (const ref of stringValues(file)) {
		const value = ref.node.value;
		if (!value.includes('mynetworks') && !value.includes('Exit')) {
			continue;
		}
		const where = describeLocation(ref.resource, ref.key);
		for (const [pattern, kind] of [[MAIN_CF_LINE, 'smtp'], [TORRC_EXIT, 'tor']] as const) {
			for (const match of value.matchAll(pattern)) {
				const start = match.index + match[0].length - match[0].trimStart().length;
				settings.push({ kind, span: sourceSpan(ref.node, start, match.index + match[0].trimEnd().length), where });
			}
		}
	}
	for (const unit of scriptUnits(file)) {
		for (const pipeline of unit.pipelines) {
			for (const command of pipeline.commands) {
				const host = hostCommand(command);
				if (host?.name !== 'postconf') {
					continue;
				}
				for (const word of host.args) {
					const raw = unit.text.slice(word.start, word.end);
					const match = POSTCONF_ARGUMENT.exec(raw);
					if (match) {
						settings.push({ kind: 'smtp', span: unit.spanOf(word.start + match.index, word.start + match.index + match[0].length), where: describeLocation(unit.ref.resource, unit.ref.key) });
					}
				}
			}
		}
	}
	return settings;
}
