// The scoring used by eval/clean.ts: trafilatura-style segment counts, token overlap, decoding.
import { describe, expect, it } from 'vitest';
import { countSegments, decodeHtml, goldText, segmentErrors, tokenOverlap } from '../../eval/clean.js';

describe('clean evaluation scoring', () => {
  it('counts with/without segments by white-space-normalised substring, like trafilatura', () => {
    const page = { with: ['Die GEMA dreht  völlig', 'missing text'], without: ['Impressum', '31. Mai'] };
    expect(countSegments(page, 'Die GEMA dreht\nvöllig am Zeiger!\n\nImpressum')).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1 });
    expect(countSegments(page, '')).toEqual({ tp: 0, fp: 0, fn: 2, tn: 2 });
  });

  it('lists the pages an extractor gets wrong, with the segments missed and kept', () => {
    const pages = [
      { file: 'a.html', html: 'Kept text. Menu', with: ['Kept text.'], without: ['Menu'] },
      { file: 'b.html', html: 'Nothing to see', with: ['Nothing'], without: ['Footer'] },
    ];
    expect(segmentErrors(pages, (html) => html)).toEqual([{ file: 'a.html', missed: [], kept: ['Menu'] }]);
    expect(segmentErrors(pages, () => '')).toEqual([
      { file: 'a.html', missed: ['Kept text.'], kept: [] },
      { file: 'b.html', missed: ['Nothing'], kept: [] },
    ]);
  });

  it('scores token overlap with multiplicity', () => {
    expect(tokenOverlap('the talks the end', 'The talks ended, the end.')).toEqual({ tp: 4, fp: 0, fn: 1 });
    expect(tokenOverlap('menu menu talks', 'talks')).toEqual({ tp: 1, fp: 2, fn: 0 });
  });

  it('strips CleanEval markup from gold text', () => {
    const gold = goldText('URL: http://x\n<h>Title here\n<p>It&#039;s a test &amp; more');
    expect(gold).not.toContain('URL');
    expect(gold).not.toContain('<p>');
    expect(gold).toContain("It's a test & more");
  });

  it('decodes by declared charset, then UTF-8, then Windows-1252', () => {
    const latin = Uint8Array.from([...Buffer.from('<meta charset="iso-8859-1"><p>'), 0xfc, ...Buffer.from('ber</p>')]);
    expect(decodeHtml(latin)).toContain('über');
    expect(decodeHtml(Buffer.from('<p>über</p>'))).toContain('über');
    expect(decodeHtml(Uint8Array.from([...Buffer.from('<p>'), 0xe9, ...Buffer.from('t</p>')]))).toContain('ét');
  });
});
