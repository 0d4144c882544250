import * as vscode from 'vscode';
import { Engine, type ParserHost, type ScanInput, type ScanOptions, type ScanResult } from '../../engine/index';
import { withOrgRules, type OrgRules } from '../../engine/org-rules/index';

/**
 * The engine with each workspace folder's organisation rules applied to every scan: the editor's
 * diagnostics, the workspace scan and the suppress command all go through `scan`, so they all see
 * the same rules without each having to ask for them.
 */
export class OrgRulesEngine extends Engine {
	constructor(host: ParserHost, private readonly rulesFor: (uri: vscode.Uri) => OrgRules | undefined) {
		super(host);
	}

	override scan(input: ScanInput, options: ScanOptions = {}): Promise<ScanResult> {
		const org = this.rulesFor(uriOf(input.path));
		return super.scan(input, org ? withOrgRules(options, org) : options);
	}
}

/** The extension names documents by file system path, or by URI when they have no file (see `enginePath`). */
function uriOf(path: string): vscode.Uri {
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('untitled:') ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}
