import type * as vscode from 'vscode';
import type { ParserHost } from '../../engine/index';
import { OrgRulesEngine } from './org-rules-engine';
import { OrgRulesStore } from './org-rules-store';

export interface OrgRulesSetup {
	readonly engine: OrgRulesEngine;
	readonly store: OrgRulesStore;
}

/** The engine activation uses, with the organisation rules of each workspace folder applied. */
export function createOrgRulesEngine(host: ParserHost, output: vscode.LogOutputChannel): OrgRulesSetup {
	const store = new OrgRulesStore(output);
	const engine = new OrgRulesEngine(host, uri => store.rulesFor(uri));
	return { engine, store };
}
