// Windows-1252's 0x80-0x9F range: curly quotes, dashes and the euro sign come out as themselves
// (Node 20's TextDecoder reads the label as Latin-1 and would give C1 control characters).
import { describe, expect, it } from 'vitest';
import { decodeAs, decodeBytes } from '../../src/ingest/decode.js';

const bytes = Buffer.from([0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x92]);

describe('Windows-1252', () => {
  it('is what undeclared non-UTF-8 bytes are read as, with a warning', () => {
    const d = decodeBytes(bytes);
    expect(d).toEqual({ ok: true, text: '\u201cQ\u201d \u2013 \u20ac5 caf\u00e9 \u2019', warning: 'not valid UTF-8; decoded as Windows-1252' });
  });
  it('is what its labels (and ISO-8859-1, as browsers do) decode to', () => {
    for (const label of ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1']) expect(decodeAs(label, bytes), label).toBe('\u201cQ\u201d \u2013 \u20ac5 caf\u00e9 \u2019');
  });
});
