// The AUP view as tests read it: open it through its command, then ask the page what it shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedState } from '../../../src/extension/policy-view/messages';
import type { PolicyViewProbe } from '../../../src/extension/policy-view/panel';
import { DEFAULT_WAIT_MS } from './workspace';

export async function openView(target: unknown): Promise<PolicyViewProbe> {
	const probe = await vscode.commands.executeCommand<PolicyViewProbe | undefined>('aupGuard.openPolicyView', target);
	assert.ok(probe, 'the command returned no probe');
	return probe;
}

/** Asks the page for what it shows until `accept` holds, waiting on the view's updates between asks. */
export async function waitForState(probe: PolicyViewProbe, accept: (state: RenderedState) => boolean, waitingFor: string): Promise<RenderedState> {
	const deadline = Date.now() + DEFAULT_WAIT_MS;
	let last: RenderedState | undefined;
	while (Date.now() < deadline) {
		const update = probe.nextUpdate();
		last = await probe.rendered();
		if (accept(last)) {
			return last;
		}
		await Promise.race([update, new Promise(resolve => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
	}
	throw new Error(`timed out waiting for ${waitingFor}; last seen: ${JSON.stringify(last?.items.filter(item => item.status === 'findings'))}`);
}

export function item(state: RenderedState, id: string): RenderedState['items'][number] {
	const found = state.items.find(entry => entry.id === id);
	assert.ok(found, `the page shows no item ${id}`);
	return found;
}

export function findings(state: RenderedState, id: string): number {
	return item(state, id).findings;
}

export function status(state: RenderedState, id: string): string {
	return item(state, id).status;
}
