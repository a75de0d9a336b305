// `--feeds list.txt`: one feed per line (a URL or a file path), blank lines and "#" comments ignored.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isHttpUrl } from './url.js';

/** The feeds a list file names; relative file paths are read relative to the list. */
export async function readFeedList(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => (isHttpUrl(line) ? line : resolve(dirname(path), line)));
}
