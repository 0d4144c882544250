import { Engine, type ScanOptions, type ScanResult } from '../../../src/engine/index';
import { createNodeHost } from '../../../src/platform/node-host';

let shared: Engine | undefined;

/** One engine for the whole test run: grammars load once, as in the extension. */
export function testEngine(): Engine {
	shared ??= new Engine(createNodeHost());
	return shared;
}

/** Scans `text` as if it were the file at `path`, on a fixed date so expiry tests are stable. */
export function scanText(path: string, text: string, options: ScanOptions = {}): Promise<ScanResult> {
	return testEngine().scan({ path, text }, { today: '2026-06-01', ...options });
}
