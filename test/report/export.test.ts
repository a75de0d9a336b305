import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { writeExport } from '../../src/app/export.js';
import { csvField, csvRecord, EXPORT_COLUMNS, exportRow, quadClass, type ExportFormat } from '../../src/report/export.js';
import { register } from '../../src/cli/commands/export.js';
import type { EventFilter } from '../../src/store/types.js';
import { seededStore, type Seeded } from '../fixtures/store/seeded.js';
import { makeArticle, makeEvent } from '../fixtures/store/make.js';

/** A strict RFC 4180 reader (CRLF records, quoted fields may hold commas, quotes, newlines). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
      i++;
    } else if (text[i] === ',') (record.push(field), (field = ''), i++);
    else if (text.startsWith('\r\n', i)) (record.push(field), records.push(record), (record = []), (field = ''), (i += 2));
    else if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
    else field += text[i++];
  }
  if (field !== '' || record.length) throw new Error('last record not terminated by CRLF');
  return records;
}

let s: Seeded;
beforeAll(async () => {
  s = await seededStore();
});
afterAll(async () => s.cleanup());

async function exported(format: ExportFormat, filter: EventFilter = {}): Promise<string> {
  let out = '';
  await writeExport(s.store, filter, format, (chunk) => {
    out += chunk;
  });
  return out;
}

describe('export', () => {
  it('quotes CSV fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('1');
    expect(csvField(-2.5)).toBe('-2.5');
    const tricky = ['a,b', 'say "no"', 'two\r\nlines', '', ' padded ', 'naïve — “quoted”'];
    expect(parseCsv(csvRecord(tricky))).toEqual([tricky]);
  });

  it('maps CAMEO roots to GDELT quad classes', () => {
    expect([quadClass('040'), quadClass('057'), quadClass('0874'), quadClass('112'), quadClass('145'), quadClass('190'), quadClass('')]).toEqual([1, 1, 2, 3, 3, 4, null]);
  });

  it('writes a CSV with the documented header and one row per event mention', async () => {
    const rows = parseCsv(await exported('csv'));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(1 + 8);
    for (const r of rows) expect(r).toHaveLength(EXPORT_COLUMNS.length);
    const get = (r: string[], c: (typeof EXPORT_COLUMNS)[number]) => r[EXPORT_COLUMNS.indexOf(c)];
    const agree = rows.find((r) => get(r, 'GlobalEventID') === 'k1-e2')!;
    expect(get(agree, 'EvidenceText')).toBe('They agreed to "intensify" intelligence cooperation, officials said.');
    expect([get(agree, 'Day'), get(agree, 'MonthYear'), get(agree, 'Year')]).toEqual(['20141014', '201410', '2014']);
    expect([get(agree, 'Actor1Code'), get(agree, 'Actor1Name'), get(agree, 'Actor1CountryCode')]).toEqual(['USAGOV', 'John Kerry', 'USA']);
    expect([get(agree, 'EventCode'), get(agree, 'EventRootCode'), get(agree, 'QuadClass'), get(agree, 'GoldsteinScale')]).toEqual(['057', '05', '1', '8']);
    expect([get(agree, 'NumMentions'), get(agree, 'NumSources'), get(agree, 'Contested'), get(agree, 'ClaimedBy')]).toEqual(['2', '2', '1', 'John Kerry']);
    expect(get(agree, 'SOURCEURL')).toBe('https://example.org/k1');
    const consultCopy = rows.find((r) => get(r, 'GlobalEventID') === 'k2-e1')!;
    expect([get(consultCopy, 'NumMentions'), get(consultCopy, 'NumSources')]).toEqual(['2', '1']);
    const accuse = rows.find((r) => get(r, 'GlobalEventID') === 'l1-e2')!;
    expect(get(accuse, 'SOURCEURL')).toBe('fixtures/l1.txt'); // no URL: the source path
    const start = Number(get(accuse, 'EvidenceStart'));
    expect(get(accuse, 'EvidenceText')).toHaveLength(Number(get(accuse, 'EvidenceEnd')) - start);
  });

  it('writes JSON Lines with the same columns and typed values', async () => {
    const lines = (await exported('jsonl', { contested: true })).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.GlobalEventID)).toEqual(['k1-e2', 'l1-e1']);
    expect(Object.keys(lines[0])).toEqual([...EXPORT_COLUMNS]);
    // The asserting mention carries the event's place on the scale; the denial, which says it did
    // not happen, carries none (summing GoldsteinScale must not count denials).
    expect(lines[0]).toMatchObject({ Negated: false, GoldsteinScale: 8, QuadClass: 1 });
    expect(lines[1]).toMatchObject({ Negated: true, Contested: true, ClaimedBy: 'Sergey Lavrov', NumMentions: 2, GoldsteinScale: null, QuadClass: null, Day: '20141025' });
  });

  it('gives hypothetical events no Goldstein or QuadClass either, and reports modality and confidence', () => {
    const a = makeArticle('h1', 'Russia could agree to share intelligence with the United States.');
    const e = makeEvent(a, 1, { type: 'AGREE', hypothetical: true, modality: 'hypothetical', confidence: 0.62, source_span: { start: 0, end: 6, text: 'Russia' } });
    const row = exportRow(e, undefined, a);
    expect(row).toMatchObject({ GoldsteinScale: null, QuadClass: null, Modality: 'hypothetical', Confidence: 0.62, Actor1Text: 'Russia', Actor2Text: null });
    expect(exportRow({ ...e, hypothetical: false, modality: 'intent' }, undefined, a)).toMatchObject({ GoldsteinScale: 8, QuadClass: 1 });
  });

  it('writes one row per merged event with --merged', async () => {
    let out = '';
    const n = await writeExport(s.store, { dyad: ['USA', 'RUS'] }, { format: 'jsonl', merged: true }, (c) => {
      out += c;
    });
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(n).toBe(5);
    expect(rows.map((r) => `${r.Date} ${r.PloverType} ${r.NumMentions}/${r.NumSources}`)).toEqual([
      '2014-10-14 CONSULT 2/1', '2014-10-14 AGREE 2/2', '2014-10-25 ACCUSE 1/1', '2017-10-09 CONSULT 1/1', '2017-10-09 REQUEST 1/1',
    ]);
    const agree = rows[1];
    expect(agree).toMatchObject({ GlobalEventID: agree.MergedEventID, Contested: true, Negated: false, ClaimedBy: 'John Kerry; Sergey Lavrov', ArticleID: 'k1', SourceFile: 'fixtures/k1.txt' });
  });

  it('applies the event filters', async () => {
    const ids = (await exported('jsonl', { dyad: ['RUS', 'UKR'] })).trim().split('\n').map((l) => JSON.parse(l).GlobalEventID);
    expect(ids).toEqual(['t1-e3']);
    expect(await exported('jsonl', { type: 'SANCTION' })).toBe('');
    expect(parseCsv(await exported('csv', { since: '2017', limit: 1 }))).toHaveLength(2);
  });

  it('runs as `demarche export` with --out and filters', async () => {
    const out = join(s.dir, 'events.csv');
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['node', 'demarche', 'export', '--db', s.file, '--format', 'csv', '--actor', 'UKR', '--out', out]);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((r) => r[0])).toEqual(['GlobalEventID', 't1-e3']);
    const bad = new Command().exitOverride();
    register(bad);
    await expect(bad.parseAsync(['node', 'demarche', 'export', '--db', s.file, '--since', 'yesterday'])).rejects.toThrow(/--since/);
  });
});
