// CSV/TSV input: the text column by name or --text-column, metadata columns kept, one problem per
// bad row with the rest read, and a 100 MB stream read in flat memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isProblem, readSources, type IngestItem } from '../../src/ingest/index.js';
import { parseCsv } from '../../src/ingest/csv.js';
import { documentFromRecord } from '../../src/ingest/record.js';
import type { IngestProblem, RawDocument } from '../../src/model.js';

async function collect(paths: string[], opts = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readSources(paths, opts)) out.push(item);
  return out;
}
const docs = (items: IngestItem[]): RawDocument[] => items.filter((i): i is RawDocument => !isProblem(i));
const problems = (items: IngestItem[]): IngestProblem[] => items.filter(isProblem);
const file = (name: string, text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'demarche-csv-')), name);
  writeFileSync(path, text);
  return path;
};

describe('ingest: CSV and TSV', () => {
  it('reads one article per row, keeping id, url, date, title and outlet; quoted fields hold commas, quotes and newlines', async () => {
    const path = file('news.csv', 'ID,Headline,Published,Publisher,Link,Text\r\n' +
      'g-1,Talks,2019-06-29,The Guardian,,"Erdogan met Trump in Osaka, the presidency said."\r\n' +
      'g-2,"A ""quoted"" title",30 June 2019,Reuters,https://example.org/a,"First paragraph.\n\nSecond, with ""quotes""."\r\n');
    const d = docs(await collect([path]));
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ source: `${path}#g-1`, record_id: 'g-1', title: 'Talks', published: '2019-06-29', outlet: 'The Guardian', url: null, format: 'text', content: 'Erdogan met Trump in Osaka, the presidency said.' });
    expect(d[1]).toMatchObject({ source: 'https://example.org/a', title: 'A "quoted" title', published: '2019-06-30', outlet: 'Reuters', content: 'First paragraph.\n\nSecond, with "quotes".' });
  });

  it('names the text column with --text-column, and reads TSV', async () => {
    const path = file('dump.tsv', 'doc_id\tstory\tsite\nx1\tRussia accused Ukraine of shelling.\tTASS\n');
    expect(docs(await collect([path]))[0]).toMatchObject({ record_id: 'x1', content: 'Russia accused Ukraine of shelling.', outlet: 'TASS' });
    const other = file('other.csv', 'id,summary,full\n1,short,The long text.\n');
    expect(docs(await collect([other], { textColumn: 'full' }))[0]!.content).toBe('The long text.');
  });

  it('a header without a text column is one clear problem, and nothing is read as an article', async () => {
    const items = await collect([file('no-text.csv', 'id,title,date\n1,A,2019-01-01\n2,B,2019-01-02\n')]);
    expect(docs(items)).toEqual([]);
    expect(problems(items)).toHaveLength(1);
    expect(problems(items)[0]!.error).toMatch(/^no text column in the header \(columns: id, title, date\); name the one holding the article text with --text-column$/);
    const named = await collect([file('named.csv', 'id,body\n1,x\n')], { textColumn: 'story' });
    expect(problems(named)[0]!.error).toBe('no column named "story" in the header (columns: id, body)');
  });

  it('a ragged row or an empty text is one problem naming its line; the other rows are read', async () => {
    const path = file('ragged.csv', 'id,text,outlet\n1,First article.,A\n2,Too,many,fields\n3\n4,,B\n5,"Last, good.",C\n');
    const items = await collect([path]);
    expect(docs(items).map((d) => d.record_id)).toEqual(['1', '5']);
    expect(problems(items).map((p) => `${p.source}: ${p.error}`)).toEqual([
      `${path}:3: row has 4 fields, the header has 3: skipped`,
      `${path}:4: row has 1 field, the header has 3: skipped`,
      `${path}:5: row has an empty text column: skipped`,
    ]);
  });

  it('a quote never closed is reported where it opened', async () => {
    const items = await collect([file('open.csv', 'id,text\n1,ok\n2,"never closed\n3,lost\n')]);
    expect(docs(items).map((d) => d.record_id)).toEqual(['1']);
    expect(problems(items).map((p) => p.source.replace(/^.*:/, 'line '))).toEqual(['line 3']);
  });

  it('finds a CSV header on standard input', async () => {
    const items = await collect(['-'], { stdin: Readable.from([Buffer.from('title,text\nT,"Body, here."\n')]) });
    expect(docs(items)[0]).toMatchObject({ title: 'T', content: 'Body, here.', source: 'stdin:2' });
  });

  it('parses quotes split across chunks (a doubled quote, a CRLF) exactly as in one piece', async () => {
    const text = 'a,b\r\n"x ""y"" z","1\r\n2"\r\nlast,row\r\n';
    const whole: unknown[] = [];
    for await (const r of parseCsv(Readable.from([text]), ',', 1000)) whole.push(r);
    for (let cut = 1; cut < text.length; cut++) {
      const parts: unknown[] = [];
      for await (const r of parseCsv(Readable.from([text.slice(0, cut), text.slice(cut)]), ',', 1000)) parts.push(r);
      expect(parts, `cut at ${cut}`).toEqual(whole);
    }
  });

  it('reads a 100 MB CSV stream row by row in flat memory, each bad row one problem', async () => {
    const body = 'Officials said talks would resume next week in Geneva. '.repeat(40); // ~2.3 kB a row
    const ROWS = 45_000; // ~100 MB
    let bytes = 0;
    async function* stream(): AsyncGenerator<Buffer> {
      yield Buffer.from('id,date,text\n');
      for (let i = 0; i < ROWS; i += 500) {
        let chunk = '';
        for (let j = i; j < i + 500; j++) chunk += j % 1000 === 999 ? `${j},2020-01-01\n` : `${j},2020-01-01,"${body}${j}"\n`;
        bytes += chunk.length;
        yield Buffer.from(chunk);
      }
    }
    let read = 0;
    let bad = 0;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    for await (const item of readSources(['-'], { stdin: Readable.from(stream()) })) {
      if (isProblem(item)) bad++;
      else read++;
      if (read % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    expect(bytes).toBeGreaterThan(100_000_000);
    expect(bad).toBe(ROWS / 1000);
    expect(read).toBe(ROWS - ROWS / 1000);
    // Flat: what is held at any time is a chunk and a row, not the 100 MB read.
    expect(peak).toBeLessThan(40_000_000);
  }, 120_000);
});

describe('ingest: JSON Lines records', () => {
  it('keeps the record id in the source and the outlet', () => {
    const d = documentFromRecord({ id: 'guardian-3', text: 'x', source: 'bbc', date: '2019-04-10' }, 'guardian.jsonl:3') as RawDocument;
    expect(d).toMatchObject({ source: 'guardian.jsonl#guardian-3', record_id: 'guardian-3', outlet: 'bbc', published: '2019-04-10' });
    const path = documentFromRecord({ text: 'x', source: '/data/file.txt', publisher: { name: 'AP' } }, 'f.jsonl:1') as RawDocument;
    expect(path).toMatchObject({ source: 'f.jsonl:1', record_id: null, outlet: 'AP' });
  });
});
