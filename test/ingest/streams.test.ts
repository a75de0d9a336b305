// Ingest from pipes and odd paths: named pipes given on the command line are read as streams,
// pipes found inside folders are skipped (reading one could block forever), gzip on a stream is
// unpacked, and path errors read as one plain sentence.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isProblem, readSources, type IngestItem } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model.js';

const dir = mkdtempSync(join(tmpdir(), 'demarche-ingest-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(paths: string[], opts = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readSources(paths, opts)) out.push(item);
  return out;
}
const docs = (items: IngestItem[]): RawDocument[] => items.filter((i): i is RawDocument => !isProblem(i));

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('ingest: pipes and streams', () => {
  it('reads a named pipe given explicitly, as a stream (like `ingest <(curl ...)`)', async () => {
    const fifo = join(dir, 'feed.pipe');
    mkfifo(fifo);
    const writer = createWriteStream(fifo);
    writer.end('{"text":"Kerry met Lavrov."}\n{"text":"Putin spoke."}\n');
    const items = await collect([fifo]);
    expect(docs(items).map((d) => [d.content, d.source])).toEqual([
      ['Kerry met Lavrov.', `${fifo}:1`],
      ['Putin spoke.', `${fifo}:2`],
    ]);
  });

  it('skips a named pipe inside a folder with a problem instead of blocking', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Lavrov met Kerry.');
    mkfifo(join(folder, 'b.pipe'));
    const items = await collect([folder]);
    expect(docs(items).map((d) => d.content)).toEqual(['Lavrov met Kerry.']);
    expect(items.filter(isProblem)).toEqual([{ source: join(folder, 'b.pipe'), error: expect.stringMatching(/not a regular file/) }]);
  });

  it('reads JSON Lines on standard input record by record, before the stream ends', async () => {
    const stdin = new PassThrough();
    stdin.write('{"text":"First."}\n{"text":"Second."}\n');
    const it = readSources(['-'], { stdin })[Symbol.asyncIterator]();
    const first = await it.next();
    const second = await it.next();
    expect([first.value, second.value].map((d) => (d as RawDocument).content)).toEqual(['First.', 'Second.']);
    stdin.end('{"text":"Third."}\n');
    expect(((await it.next()).value as RawDocument).source).toBe('stdin:3');
    expect((await it.next()).done).toBe(true);
  });

  it('passes over excluded files (the database being written) inside folders', async () => {
    const folder = join(dir, 'with-db');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Lavrov met Kerry.');
    writeFileSync(join(folder, 'news.db'), Buffer.from([0x53, 0x51, 0x4c, 0, 1, 2]));
    writeFileSync(join(folder, 'news.db-wal'), Buffer.from([0, 1, 2]));
    const items = await collect([folder], { exclude: [join(folder, 'news.db'), join(folder, 'news.db-wal')] });
    expect(items.map((i) => ('error' in i ? i.error : i.content))).toEqual(['Lavrov met Kerry.']);
  });

  it('unpacks gzip on standard input', async () => {
    const stdin = Readable.from([gzipSync(Buffer.from('{"text":"One."}\n{"text":"Two."}\n'))]);
    expect(docs(await collect(['-'], { stdin })).map((d) => d.content)).toEqual(['One.', 'Two.']);
  });

  it('says plainly when a file is used as a folder, stdin is empty, or a URL is given', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const items = await collect([join(file, 'inside.txt'), '-', 'https://example.org/a.html'], { stdin: Readable.from([]) });
    expect(items).toEqual([
      { source: join(file, 'inside.txt'), error: expect.stringMatching(/^not a directory/) },
      { source: 'stdin', error: 'nothing on standard input' },
      { source: 'https://example.org/a.html', error: expect.stringMatching(/^URLs are not fetched/) },
    ]);
  });
});
