// `demarche code` on input that is not a news sentence: never a crash, never a hang — no events.
import { describe, expect, it } from 'vitest';
import { code } from '../../src/app/code.js';

describe('code on bad input', () => {
  it('gives no events for an empty text, binary noise and another language', async () => {
    expect(await code({ id: 'empty', text: '' })).toEqual([]);
    expect(await code({ id: 'bin', text: '\u0000\u0001\u0002\ufffd\u0007'.repeat(200) })).toEqual([]);
    expect(await code({ id: 'ru', text: 'Полиция задержала 20 протестующих в Каире.' })).toEqual([]);
  });

  it('codes nothing in a one-megabyte "sentence" with no full stop, and stays linear', async () => {
    const text = 'Police arrested protesters and '.repeat(34_000) + '.';
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(await code({ id: 'big', text })).toEqual([]);
  });

  it('still codes an ordinary sentence', async () => {
    const events = await code({ id: 'ok', text: 'Police arrested 20 protesters in Cairo.', date: '2019-03-01' });
    expect(events.map((e) => [e.type, e.source_span?.text, e.target_span?.text])).toContainEqual(['COERCE', 'Police', '20 protesters']);
  });
});
