import { DEFAULT_MAX_FILE_SIZE } from '../engine/index';

export type HelpTopic = 'main' | 'scan' | 'rules' | 'redact';

const EXIT_CODES = 'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or internal error.';

const MAIN = `Usage: aup-guard <command> [options]

Checks infrastructure-as-code against the Autoscalr Acceptable Use Policy.

Commands:
  scan [paths...]   Scan files and folders (default: the current folder)
  rules             List the rules
  redact [file|-]   Print a file with its secrets replaced by markers
  help [command]    Show help for a command

Options:
  -h, --help        Show help
  -v, --version     Print the version

${EXIT_CODES}
`;

const SCAN = `Usage: aup-guard scan [paths...] [options]

Scans files and folders (default: .) for AUP findings. Folders are walked, skipping
node_modules, .git, .terraform and vendor, and honouring .gitignore and .aupguardignore
files (gitignore syntax, nested ones too). A file named on the command line is scanned
even when an ignore file lists it. Only files the engine recognises are scanned, and
the scripts scanned Terraform files read with file() or templatefile(), under any name
(bootstrap, userdata.txt), unless an ignore file or --exclude/--include leaves them out.

Options:
  --format <text|json|sarif>   Output format (default: text)
  --fail-on <error|warning|info|none>
                               Exit 1 when an unsuppressed finding is at least this
                               severe (default: error); none never fails on findings
  --include <glob>             Scan only files matching the glob (repeatable)
  --exclude <glob>             Skip files and folders matching the glob (repeatable)
  --max-file-size <bytes>      Skip larger files with a note (default: ${DEFAULT_MAX_FILE_SIZE})
  --rule-option <id.name=value>
                               Set a rule's option, such as a threshold:
                               AUP-CST-001.maxInstances=200 (repeatable)
  --output <file>              Write the report to a file instead of stdout
  --jobs <n>                   Scan on n threads (default: one per CPU; 1 scans
                               on the main thread); the report is the same
  --show-suppressed            Also list suppressed findings in the text format
  --rules <file>               Organisation rules file (default: .aupguard/rules.yaml
                               in the one folder scanned, else in the current folder)
  --no-org-rules               Run the built-in rules only
  --no-color                   Do not colour the text format (NO_COLOR works too)
  -h, --help                   Show this help

Globs are matched against paths relative to the scanned folder and to the current
folder; a glob without a slash matches a file or folder name at any depth.

Organisation rules add rules of your own and change or turn off built-in ones. Problems
in the rules file go to standard error as file:line:col; its valid rules still run, and
an error in it makes the exit code 2, since some of its rules did not run.

${EXIT_CODES}
`;

const RULES = `Usage: aup-guard rules [options]

Lists every rule with its severity, AUP section, category and formats, the rules of
.aupguard/rules.yaml in the current folder included.

Options:
  --format <text|json>   Output format (default: text)
  --rules <file>         Organisation rules file (default: .aupguard/rules.yaml)
  --no-org-rules         List the built-in rules only
  -h, --help             Show this help
`;

const REDACT = `Usage: aup-guard redact [file|-] [options]

Prints the file (or standard input, with - or no file) with every secret replaced by a
marker naming its kind, such as <redacted: AWS secret access key>. Line breaks and all
other text are kept, so line numbers still match. A value that looks like a credential
in a credential-named field is removed even when no pattern names its vendor. How many
secrets were removed goes to standard error.

Options:
  -h, --help   Show this help

Exit codes: 0 printed, 2 the input cannot be read or a usage error.
`;

export function usage(topic: HelpTopic): string {
	return topic === 'scan' ? SCAN : topic === 'rules' ? RULES : topic === 'redact' ? REDACT : MAIN;
}
