import { PRIORITY, type Candidate } from './types';

/**
 * Passwords glued to a short flag, which no name-based rule can see: `mysql -uroot -pS3cret` (the
 * MySQL family takes `-p` only without a space) and `sshpass -p S3cret ssh host`. Other programs
 * use `-p` for ports and paths, so only these count.
 */
export function findShortPasswordFlags(text: string): Candidate[] {
	const found: Candidate[] = [];
	const program = /(?<![\w./-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump|sshpass)(?![\w-])/g;
	let match: RegExpExecArray | null;
	while ((match = program.exec(text)) !== null) {
		const from = match.index + match[0].length;
		// The command's own words: up to a line break or an operator, and at most 300 characters.
		let to = from;
		while (to < text.length && to - from < 300 && !COMMAND_END.has(text[to])) {
			to++;
		}
		const flag = (match[0] === 'sshpass' ? SPACED_FLAG : GLUED_FLAG).exec(text.slice(from, to));
		const value = flag?.indices?.slice(1).find(range => range !== undefined);
		if (value) {
			found.push({ kind: 'password', start: from + value[0], end: from + value[1], priority: PRIORITY.field });
		}
		// Each character belongs to one command, so many program names on one line stay linear.
		program.lastIndex = Math.max(program.lastIndex, to);
	}
	return found;
}

/** `-pS3cret`, `-p"S3 cret"`, `-p'S3cret'`; a bare `-p` (prompt for it) has no value to remove. */
const GLUED_FLAG = /[ \t]-p(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|([^\s"'-][^\s"']{0,199}))/d;

const SPACED_FLAG = /[ \t]-p[ \t]{1,8}(?:"([^"\r\n]{1,200})"|'([^'\r\n]{1,200})'|([^\s"'-][^\s"']{0,199}))/d;

const COMMAND_END = new Set(['\n', '\r', ';', '|', '&']);
