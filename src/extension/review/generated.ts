import * as vscode from 'vscode';
import { contentHash, isGenerated } from '../../engine/review/index';
import { settingsFor } from '../scan-plan';

/** The hash of a generated file's text, or undefined when the file carries no generated-file marker. */
export async function generatedHash(uri: vscode.Uri, text: string): Promise<string | undefined> {
	const markers = settingsFor(uri)['review.generatedMarkers'];
	return isGenerated(text, markers) ? contentHash(text) : undefined;
}
