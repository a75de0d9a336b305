import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isProblem, readSources, type IngestItem } from '../../src/ingest/index.js';
import type { IngestProblem, RawDocument } from '../../src/model.js';

async function collect(paths: string[], opts = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readSources(paths, opts)) out.push(item);
  return out;
}
const docs = (items: IngestItem[]): RawDocument[] => items.filter((i): i is RawDocument => !isProblem(i));
const problems = (items: IngestItem[]): IngestProblem[] => items.filter(isProblem);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'demarche-ingest-'));
}

describe('ingest: formats', () => {
  it('reads text and HTML files from a folder recursively, with content-hash ids', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), 'Lavrov met Kerry in Paris.\n');
    writeFileSync(join(dir, 'sub', 'b.html'), '<html><body><p>Putin spoke.</p></body></html>');
    writeFileSync(join(dir, 'copy.txt'), 'Lavrov met Kerry in Paris.\r\n');
    const items = await collect([dir]);
    const d = docs(items);
    expect(d.map((x) => x.format).sort()).toEqual(['html', 'text', 'text']);
    const [a, copy] = [d.find((x) => x.source.endsWith('a.txt'))!, d.find((x) => x.source.endsWith('copy.txt'))!];
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(copy.id).toBe(a.id); // same content, other line endings: same article
  });

  it('reads JSON Lines records and reports bad lines without stopping', async () => {
    const dir = tmp();
    const file = join(dir, 'feed.jsonl');
    writeFileSync(file, [
      JSON.stringify({ text: 'First story.', url: 'http://x/1', published: '2017-10-09T10:00:00Z', title: 'One' }),
      '{not json',
      JSON.stringify({ html: '<p>Second story.</p>', date: '2015-09-06' }),
      JSON.stringify({ nothing: true }),
      '',
    ].join('\n'));
    const items = await collect([file]);
    expect(docs(items).map((d) => [d.format, d.published, d.url])).toEqual([
      ['text', '2017-10-09', 'http://x/1'],
      ['html', '2015-09-06', null],
    ]);
    expect(problems(items).map((p) => p.source)).toEqual([`${file}:2`, `${file}:4`]);
  });

  it('reads WARC response records, gzipped too', async () => {
    const body = '<html><body><p>Kerry called Lavrov.</p></body></html>';
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
    const rec = (type: string, payload: string): string =>
      `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: http://news.example/a\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}\r\n\r\n`;
    const warc = rec('warcinfo', 'software: test') + rec('response', http) + 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\ntruncated';
    const dir = tmp();
    writeFileSync(join(dir, 'crawl.warc'), warc);
    writeFileSync(join(dir, 'crawl2.warc.gz'), gzipSync(Buffer.from(warc)));
    const items = await collect([dir]);
    const d = docs(items);
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ format: 'html', url: 'http://news.example/a', content: body });
    expect(problems(items).map((p) => p.error)).toEqual(['truncated WARC record body', 'truncated WARC record body']);
  });

  it('reads RSS and Atom items', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.rss'), `<?xml version="1.0"?><rss><channel><title>T</title>
      <item><title>Talks</title><link>http://n/1</link><pubDate>Mon, 09 Oct 2017 10:00:00 GMT</pubDate><description>Lavrov spoke with Tillerson.</description></item>
      <item><title>Empty</title></item></channel></rss>`);
    writeFileSync(join(dir, 'b.atom'), `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><link href="http://n/2"/><published>2014-10-25T00:00:00Z</published><content type="html">&lt;p&gt;No agreement.&lt;/p&gt;</content></entry></feed>`);
    const items = await collect([dir]);
    expect(docs(items).map((d) => [d.title, d.url, d.published, d.format])).toEqual([
      ['Talks', 'http://n/1', '2017-10-09', 'text'],
      ['E', 'http://n/2', '2014-10-25', 'html'],
    ]);
    expect(problems(items)).toHaveLength(1);
  });

  it('reads standard input', async () => {
    const items = await collect(['-'], { stdin: Readable.from([Buffer.from('{"text":"a"}\n{"text":"b"}\n')]) });
    expect(docs(items).map((d) => d.content)).toEqual(['a', 'b']);
  });
});

describe('ingest: bad input is reported per file and the batch goes on', () => {
  it('binary, empty, invalid UTF-8, too large, unreadable, missing, malformed HTML', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '1-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    writeFileSync(join(dir, '2-empty.txt'), '');
    writeFileSync(join(dir, '3-latin1.txt'), Buffer.from('Caf\xe9 talks in M\xfcnchen.', 'latin1'));
    writeFileSync(join(dir, '4-big.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    writeFileSync(join(dir, '5-bad.html'), '<html><body><div><p>Unclosed <b>tags <table><tr><td>Lavrov said');
    writeFileSync(join(dir, '6-good.txt'), 'Kerry met Lavrov.');
    const locked = join(dir, '7-locked.txt');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0);
    const items = await collect([dir, join(dir, 'missing.txt')]);
    const byFile = new Map(problems(items).map((p) => [p.source.split('/').pop(), p]));
    expect(byFile.get('1-binary.txt')?.error).toMatch(/binary/);
    expect(byFile.get('2-empty.txt')?.error).toMatch(/empty/);
    expect(byFile.get('3-latin1.txt')).toMatchObject({ warning: true });
    expect(byFile.get('4-big.txt')?.error).toMatch(/too large \(50\.0 MB/);
    expect(byFile.get('missing.txt')?.error).toBe('no such file or directory');
    const running_as_root = process.getuid?.() === 0;
    if (!running_as_root) expect(byFile.get('7-locked.txt')?.error).toBe('permission denied');
    const names = docs(items).map((d) => d.source.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['3-latin1.txt', '5-bad.html', '6-good.txt']));
    expect(docs(items).find((d) => d.source.endsWith('3-latin1.txt'))!.content).toBe('Café talks in München.');
  });
});

describe('ingest: .json files', () => {
  it('takes one record or an array, and reports other JSON as one problem', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ text: 'One.', url: 'http://a' }, null, 2));
    writeFileSync(join(dir, 'many.json'), JSON.stringify([{ text: 'Two.' }, { html: '<p>Three.</p>' }, 5]));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ about: 'x', documents: {} }, null, 2));
    const items = await collect([dir]);
    expect(docs(items).map((d) => d.content)).toEqual(['Two.', '<p>Three.</p>', 'One.']);
    expect(problems(items).map((p) => p.source.split('/').pop())).toEqual(['many.json#3', 'other.json']);
  });
});

describe('ingest: declared charsets', () => {
  it('decodes a page in the charset its <meta> declares instead of guessing', async () => {
    const dir = tmp();
    const html = '<html><head><meta charset="windows-1251"></head><body><p>Лавров</p></body></html>';
    const cp1251 = Buffer.from(new Uint8Array([...html].map((c) => {
      const code = c.charCodeAt(0);
      return code < 128 ? code : code - 0x410 + 0xc0; // Cyrillic А..я occupy 0xC0..0xFF in windows-1251
    })));
    writeFileSync(join(dir, 'ru.html'), cp1251);
    const items = await collect([dir]);
    expect(problems(items)).toEqual([]);
    expect(docs(items)[0]!.content).toContain('<p>Лавров</p>');
  });
});
