// Which files a list of paths names: folders walked recursively in a stable order, odd files
// (pipes, sockets, devices, URLs) told apart, and file-system errors as one plain sentence.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IngestProblem } from '../model.js';

/** A file-system error as the one-line reason shown to the user. */
export function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'ENOTDIR') return 'not a directory (a file is used as a folder in the path)';
  if (e?.code === 'ELOOP') return 'too many symbolic links (a link loop?)';
  if (e?.code === 'ENAMETOOLONG') return 'file name too long';
  if (e?.code === 'EMFILE' || e?.code === 'ENFILE') return 'too many open files';
  if (e?.code === 'EIO') return 'input/output error reading the file';
  return e instanceof Error ? e.message : String(err);
}

/** A file to read; `stream` for a pipe or device named on the command line (e.g. `<(curl ...)`). */
export interface ListedFile {
  path: string;
  stream?: boolean;
}

/**
 * Lists the files under each path (folders recursively, hidden entries skipped, sorted for stable
 * order). Pipes, sockets and devices inside folders are skipped with a problem: reading one could
 * block forever; named explicitly, a pipe or device is read as a stream. Excluded files (absolute
 * paths: the database being written) are passed over silently inside folders.
 */
export async function* listFiles(paths: string[], inFolder = false, exclude: ReadonlySet<string> = new Set()): AsyncGenerator<ListedFile | IngestProblem> {
  for (const path of paths) {
    if (inFolder && exclude.has(resolve(path))) continue;
    if (path === '-') {
      yield { path };
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
      yield { source: path, error: 'URLs are not fetched: download first (e.g. curl -sL URL | demarche ingest -)' };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      yield { source: path, error: describe(err) };
      continue;
    }
    if (info.isDirectory()) {
      let entries;
      try {
        entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
      } catch (err) {
        yield { source: path, error: describe(err) };
        continue;
      }
      yield* listFiles(entries.map((e) => join(path, e)), true, exclude);
    } else if (info.isFile()) {
      yield { path };
    } else if (!inFolder && (info.isFIFO() || info.isCharacterDevice())) {
      yield { path, stream: true };
    } else {
      yield { source: path, error: 'not a regular file (pipe, socket or device): skipped' };
    }
  }
}
