import * as vscode from 'vscode';
import { variablesDeclaredIn } from './terraform-variables';

/** A folder with more Terraform files than this is not a module anyone edits by hand: none is read. */
const MAX_FILES = 200;
/** Larger files are generated: their variables are not read. */
const MAX_FILE_BYTES = 1024 * 1024;
const NONE: ReadonlySet<string> = new Set();

/**
 * The variables declared by the other `.tf` files of a Terraform file's folder (its module), so
 * the variable a quick fix declares does not clash with one in `variables.tf`. Files are read
 * through vscode.workspace.fs (so vscode.dev works too), once per folder until a `.tf` file there
 * changes on disk; open documents count with their current, possibly unsaved, text.
 */
export class ModuleVariables implements vscode.Disposable {
	/** Per folder: each `.tf` file's declared variables, as saved. */
	private readonly folders = new Map<string, Promise<Map<string, readonly string[]>>>();
	private readonly subscriptions: vscode.Disposable[] = [];
	/** Open neighbours' variables, by the version they were read at. */
	private readonly openDocuments = new WeakMap<vscode.TextDocument, { readonly version: number; readonly names: readonly string[] }>();

	constructor() {
		const watcher = vscode.workspace.createFileSystemWatcher('**/*.tf');
		const forget = (uri: vscode.Uri): void => {
			this.folders.delete(folderOf(uri).toString());
		};
		this.subscriptions.push(watcher, watcher.onDidCreate(forget), watcher.onDidChange(forget), watcher.onDidDelete(forget));
	}

	/** The names declared beside `uri`; none for a file outside a folder (untitled) or on failure. */
	async namesFor(uri: vscode.Uri): Promise<ReadonlySet<string>> {
		if (uri.scheme === 'untitled' || !uri.path.endsWith('.tf')) {
			return NONE;
		}
		const folder = folderOf(uri);
		const self = uri.toString();
		const names = new Set<string>();
		for (const [file, declared] of await this.saved(folder)) {
			if (file !== self) {
				declared.forEach(name => names.add(name));
			}
		}
		for (const document of vscode.workspace.textDocuments) {
			const other = document.uri;
			if (other.toString() !== self && other.path.endsWith('.tf') && folderOf(other).toString() === folder.toString()) {
				this.declaredIn(document).forEach(name => names.add(name));
			}
		}
		return names;
	}

	/** An open neighbour's variables, read again only when its text changed: this runs before every scan as the user types. */
	private declaredIn(document: vscode.TextDocument): readonly string[] {
		const known = this.openDocuments.get(document);
		if (known?.version === document.version) {
			return known.names;
		}
		const names = variablesDeclaredIn(document.getText());
		this.openDocuments.set(document, { version: document.version, names });
		return names;
	}

	dispose(): void {
		this.folders.clear();
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}

	private saved(folder: vscode.Uri): Promise<Map<string, readonly string[]>> {
		const key = folder.toString();
		let pending = this.folders.get(key);
		if (!pending) {
			// A folder that cannot be read counts as declaring nothing, as before this existed.
			pending = readFolder(folder).catch(() => new Map<string, readonly string[]>());
			this.folders.set(key, pending);
		}
		return pending;
	}
}

async function readFolder(folder: vscode.Uri): Promise<Map<string, readonly string[]>> {
	const entries = await vscode.workspace.fs.readDirectory(folder);
	const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.tf'));
	const declared = new Map<string, readonly string[]>();
	if (files.length > MAX_FILES) {
		return declared;
	}
	const decoder = new TextDecoder();
	await Promise.all(files.map(async ([name]) => {
		const file = vscode.Uri.joinPath(folder, name);
		try {
			const bytes = await vscode.workspace.fs.readFile(file);
			if (bytes.byteLength <= MAX_FILE_BYTES) {
				declared.set(file.toString(), variablesDeclaredIn(decoder.decode(bytes)));
			}
		} catch {
			// Unreadable: its variables are not known, which is what an unread file means.
		}
	}));
	return declared;
}

function folderOf(uri: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(uri, '..');
}
