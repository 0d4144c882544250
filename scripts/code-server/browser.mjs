// The only way Chromium is started here (../shared/notes/real-vscode-here.md): Debian's
// binary, headless, with background networking, component updates and sync turned off so the
// browser itself never reaches for the internet.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
