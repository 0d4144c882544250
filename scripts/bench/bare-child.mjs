// A fresh process that reads the corpus files from disk and parses them with the bare libraries,
// nothing else: the CLI's like-for-like reference, since both pay start-up, reads and a cold JIT.
// Run by run.mjs with the file list; prints nothing.
import { readFileSync } from 'node:fs';
import { createBareParser } from './bare-parse.mjs';

const [listFile] = process.argv.slice(2);
const bare = await createBareParser();
for (const file of readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
	bare.parse(file, readFileSync(file, 'utf8'));
}
bare.dispose();
